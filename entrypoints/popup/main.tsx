// Popup entry: mounts the app with the real transport; all logic is in components/popup/.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { PopupApp } from '../../components/popup/popup-app.tsx';

const root = document.getElementById('app');
if (root) {
  render(
    <PopupApp
      openOptions={() => void browser.runtime.openOptionsPage()}
      openCapture={(guid) =>
        void browser.tabs.create({
          url: browser.runtime.getURL(`/capture.html?guid=${encodeURIComponent(guid)}`),
        })
      }
    />,
    root,
  );
}
