// The page's line to its engine: a Web Worker made from the engine's source in the page (a blob: URL,
// the only kind of worker a file:// page may start), or, when the browser allows no worker, the same
// engine loaded into the page itself. Either way messages go in and come out in order.
import type { FromEngine, ToEngine } from '../protocol.ts';

export interface EnginePort {
  send(message: ToEngine, transfer?: Transferable[]): void;
  /** Ends the engine's work at once (a worker only); a new port must be started for the next file. */
  stop(): void;
  /** The engine runs in the page: no background work, no stopping. */
  readonly inPage: boolean;
}

export interface EngineHandlers {
  readonly message: (message: FromEngine) => void;
  /** The engine died (out of memory, a fault): whatever it was doing has no answer. */
  readonly crash: (detail: string) => void;
}

type InPageEngine = (onMessage: (message: FromEngine) => void) => (message: ToEngine) => void;

export function startEngine(source: string, init: ToEngine, handlers: EngineHandlers): EnginePort {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return inPage(url, init, handlers);
  }
  // Until the engine has answered once, a failure means the worker could not start: the page then runs
  // the engine itself, with whatever was sent so far.
  let ready = false;
  const sent: [ToEngine, Transferable[] | undefined][] = [];
  let fallback: EnginePort | null = null;
  const port: EnginePort & { inPage: boolean } = {
    inPage: false,
    send(message, transfer) {
      if (fallback) return fallback.send(message);
      if (!ready) sent.push([message, undefined]);
      worker.postMessage(message, ready ? transfer ?? [] : []);
    },
    stop() {
      if (fallback) return;
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
  worker.onmessage = (e: MessageEvent<FromEngine>) => {
    if (e.data.type === 'ready') { ready = true; sent.length = 0; }
    handlers.message(e.data);
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    worker.terminate();
    if (!ready) {
      fallback = inPage(url, init, handlers);
      port.inPage = true;
      for (const [message] of sent) if (message.type !== 'init') fallback.send(message);
      return;
    }
    URL.revokeObjectURL(url);
    handlers.crash(e.message || 'worker error');
  };
  worker.postMessage(init);
  return port;
}

/** The engine's script loaded into the page (a blob: script, as the worker would have been). */
function inPage(url: string, init: ToEngine, handlers: EngineHandlers): EnginePort {
  const queue: ToEngine[] = [init];
  let deliver: ((message: ToEngine) => void) | null = null;
  const script = document.createElement('script');
  script.src = url;
  script.onload = () => {
    const connect = (window as unknown as { erejeEngine?: InPageEngine }).erejeEngine;
    if (!connect) { handlers.crash('the engine did not load'); return; }
    // Answers are handed over asynchronously, as a worker's would be.
    deliver = connect((message) => { setTimeout(() => handlers.message(message), 0); });
    for (const message of queue.splice(0)) deliver(message);
  };
  script.onerror = () => handlers.crash('the engine did not load');
  document.head.appendChild(script);
  return {
    inPage: true,
    send(message) {
      if (deliver) setTimeout(() => deliver!(message), 0);
      else queue.push(message);
    },
    stop() { /* work in the page cannot be interrupted */ },
  };
}
