// The engine's script. In a Web Worker it answers the page's messages; loaded into the page itself
// (no worker allowed) it offers `erejeEngine`, which the page connects to the same way. Messages are
// handled one after another, in the order they came.
import type { FromEngine, ToEngine } from '../protocol.ts';
import { EngineSession } from './session.ts';

interface EngineScope {
  document?: unknown;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToEngine>) => void) | null;
  erejeEngine?: (onMessage: (message: FromEngine) => void) => (message: ToEngine) => void;
}

const scope = globalThis as unknown as EngineScope;

function serve(post: (message: FromEngine, transfer?: Transferable[]) => void): (message: ToEngine) => void {
  const session = new EngineSession(post);
  let queue = Promise.resolve();
  return (message) => { queue = queue.then(() => session.handle(message)); };
}

if (scope.document === undefined) {
  const receive = serve((message, transfer) => scope.postMessage(message, transfer ?? []));
  scope.onmessage = (e) => receive(e.data);
} else {
  scope.erejeEngine = (onMessage) => serve((message) => onMessage(message));
}
