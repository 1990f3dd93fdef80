// @ts-check
/** Small HTTP helpers: a capped body reader and OpenAI-style JSON and error responses. */

/** Bodies past this size are not read at all, whatever the mode (protects the demo process). */
export const HARD_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Reads the whole request body, counting its size. Bodies over `limit` are drained (so the client
 * sees a clean 413 rather than a reset connection) but not kept; past HARD_BODY_LIMIT the socket
 * is closed.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} limit
 * @returns {Promise<{ body: string, tooLarge: boolean }>}
 */
export function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    request.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > HARD_BODY_LIMIT) {
        request.destroy();
        resolve({ body: "", tooLarge: true });
      } else if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () =>
      resolve({ body: size > limit ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge: size > limit }),
    );
    request.on("error", reject);
  });
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/**
 * An error body in the shape OpenAI clients expect.
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {string} message
 * @param {string} code
 * @param {Record<string, string>} [headers]
 */
export function sendError(response, status, message, code, headers = {}) {
  const type = status === 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(response, status, { error: { message, type, param: null, code } }, headers);
}
