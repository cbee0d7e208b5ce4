// A fresh isolated world of a page's main frame, as a content script gets on every page: every
// node it touches needs a new JS wrapper there, every function is compiled on first call. Both
// page benchmarks time code in such worlds (over CDP).
import type { CDPSession } from 'playwright-core';

/**
 * Creates a new isolated world named `name` in the page's main frame, evaluates `expressions` in
 * it in order and returns the last one's value. Throws with the page's error if one throws.
 */
export async function evaluateInNewWorld(
  cdp: CDPSession,
  name: string,
  ...expressions: string[]
): Promise<unknown> {
  const tree = await cdp.send('Page.getFrameTree');
  const world = await cdp.send('Page.createIsolatedWorld', {
    frameId: tree.frameTree.frame.id,
    worldName: name,
  });
  let value: unknown;
  for (const expression of expressions) {
    const out = await cdp.send('Runtime.evaluate', {
      contextId: world.executionContextId,
      returnByValue: true,
      expression,
    });
    if (out.exceptionDetails)
      throw new Error(`${name}: ${out.exceptionDetails.exception?.description ?? out.exceptionDetails.text}`);
    value = out.result.value;
  }
  return value;
}
