// Every listener of the on-page UI goes through `trusted`: our elements have open shadow roots
// (the test contract), so a page script can reach their buttons and call `.click()` or
// `dispatchEvent`, and those events are untrusted. Only the merchant's own input may dismiss a
// banner, mute a notice, open a card or answer the order guard (docs/SECURITY.md, 6).
// The one listener that must see untrusted events is the order guard's document click listener
// (entrypoints/marketing.content/order-guard.ts): a page script's synthetic click on an order
// button is still an order and is held, and 「仍要继续」 re-clicks the page's control itself.

/** `handler`, run only for events the browser created from real user input. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  // `=== true`: an environment without the property (a test DOM) counts as untrusted.
  return (event) => {
    if (event.isTrusted === true) handler(event);
  };
}
