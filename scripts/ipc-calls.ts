// Times the browser host's IPC calls inside a page, for the UI benchmarks: a wrapper around
// WebSocket, installed before the bridge script opens its socket (addInitScript, or evaluate
// before the first call), records each call's channel and search query when sent, and when
// its answer arrives, with main's handler and JSON times from the answer's first fields
// (src-main/host/socket.ts); for a search, also the time a parse of the answer takes in the
// page, its size and its number of hits.

/** One IPC call as the page saw it (performance.now() times) and as main timed it. */
export interface IpcCall {
  id: number;
  channel: string;
  /** The search query, for search calls. */
  query?: string;
  sent: number;
  arrived?: number;
  /** After one JSON.parse of the answer, as the bridge does next. */
  parsed?: number;
  handler?: number;
  json?: number;
  /** Where a large answer was fetched from (then `arrived` is when that address came). */
  at?: string;
  bytes?: number;
  hits?: number;
}

declare global {
  interface Window {
    __ipc?: IpcCall[];
  }
}

/** Runs in the page: serialisable, so no imports and no helpers outside it. */
export const RECORD_IPC_CALLS = (): void => {
  if (window.__ipc) return;
  const calls: IpcCall[] = [];
  window.__ipc = calls;
  const byId = new Map<number, IpcCall>();
  const Native = window.WebSocket;
  class Timed extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent<string>) => {
        const arrived = performance.now();
        const head = /^\{"id":(\d+),"handler":([\d.]+),"json":([\d.]+)/.exec(event.data.slice(0, 80));
        const call = head ? byId.get(Number(head[1])) : undefined;
        if (!call || !head) return;
        call.arrived = arrived;
        call.handler = Number(head[2]);
        call.json = Number(head[3]);
        // A large answer comes as an address; the page's fetch of it is in resource timing.
        const at = /^,"at":"([^"]+)"/.exec(event.data.slice(head[0].length, head[0].length + 100))?.[1];
        if (at) call.at = at;
        // Only a search's answer is parsed and measured again here: doing so for the library's
        // 19 MB list would hold up the page it times by a quarter of a second.
        if (call.channel !== 'search:query') return;
        const answer = JSON.parse(event.data) as { answer?: { value?: { hits?: unknown[] } } };
        call.parsed = performance.now();
        call.bytes = new TextEncoder().encode(event.data).length;
        call.hits = answer.answer?.value?.hits?.length ?? 0;
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string') {
        const sent = performance.now();
        const message = JSON.parse(data) as { id: number; channel: string; payload?: { query?: string } };
        const call: IpcCall = { id: message.id, channel: message.channel, sent };
        if (typeof message.payload?.query === 'string') call.query = message.payload.query;
        calls.push(call);
        byId.set(call.id, call);
      }
      super.send(data);
    }
  }
  window.WebSocket = Timed;
};
