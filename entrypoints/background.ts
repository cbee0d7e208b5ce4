import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wired by the extension-core issue.
});
