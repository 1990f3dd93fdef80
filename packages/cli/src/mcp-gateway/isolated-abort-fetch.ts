import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";

/**
 * A fetch that gives each request an abort signal of its own, tied to the caller's only while the
 * request lasts (for an event stream, until its body ends or is cancelled).
 *
 * The SDK's Streamable HTTP client passes one connection-wide signal to every request, and Node's
 * fetch adds a listener to that signal per request that only garbage collection removes. A gateway
 * holds its upstream connection for days, so those listeners piled up by the thousand (Node warns at
 * 1,500); with this, the connection's signal holds one listener per request in flight.
 */
export function isolatedAbortFetch(base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    const parent = init?.signal;
    if (!parent || parent.aborted) return base(url, init);
    const own = new AbortController();
    const forward = () => own.abort(parent.reason);
    parent.addEventListener("abort", forward, { once: true });
    const release = () => parent.removeEventListener("abort", forward);
    let response: Response;
    try {
      response = await base(url, { ...init, signal: own.signal });
    } catch (error) {
      release();
      throw error;
    }
    const streaming = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
    if (!streaming || !response.body) {
      release();
      return response;
    }
    return new Response(releasingAtEnd(response.body, release), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The same bytes, calling `release` once the stream ends, fails or is cancelled. */
function releasingAtEnd(body: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
}
