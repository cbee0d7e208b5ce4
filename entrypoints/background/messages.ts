// Dispatches validated messages to their handlers (protocol: utils/messages/protocol.ts).
import type { Runtime } from 'webextension-polyfill';
import { handle, type Reply } from '../../utils/messages/protocol.ts';

export function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  const checked = handle(message, sender);
  if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
  return Promise.resolve({ ok: false, error: `no handler for ${checked.request.type} yet` });
}
