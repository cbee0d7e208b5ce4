// @vitest-environment happy-dom
// Names suspended on a page (issue 16 item 4): kept per tab and frame, and the popup's line.
import { render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { SuspendedLine } from '../../../components/popup/suspended-line.tsx';
import { suspendedIn, withReport } from '../../../utils/page/suspended.ts';
import { popupTranslator } from '../../../components/popup/i18n.ts';

const { t: zh } = popupTranslator('zh_CN', 'zh-CN');

describe('suspended names per tab', () => {
  it('a top frame replaces its tab, other frames add to it, an empty report takes a frame away', () => {
    let all = withReport({}, 7, 3, ['标准推广']);
    all = withReport(all, 7, 0, ['大客专享']);
    expect(suspendedIn(all, 7)).toEqual(['大客专享']);
    all = withReport(all, 7, 3, ['标准推广', '大客专享']);
    expect(suspendedIn(all, 7)).toEqual(['大客专享', '标准推广']);
    all = withReport(all, 8, 0, ['别的']);
    all = withReport(all, 7, 0, []);
    expect(suspendedIn(all, 7)).toEqual([]);
    expect(suspendedIn(all, 8)).toEqual(['别的']);
    expect(all).toEqual({ 8: { 0: ['别的'] } });
  });
});

describe('the popup line', () => {
  it('says which names are not flagged on this page, and nothing when there are none', async () => {
    const { container } = render(
      h(SuspendedLine, { t: zh, load: () => Promise.resolve(['标准推广', '大客专享']) }),
    );
    await waitFor(() => expect(container.querySelector('[data-suspended]')).not.toBeNull());
    expect(screen.getByText(/本页未标记：标准推广、大客专享/)).toBeTruthy();
    const empty = render(h(SuspendedLine, { t: zh, load: () => Promise.resolve([]) }));
    await new Promise((r) => setTimeout(r, 10));
    expect(empty.container.innerHTML).toBe('');
  });
});
