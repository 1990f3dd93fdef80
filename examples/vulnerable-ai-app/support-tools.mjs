// @ts-check
/**
 * The support agent's tools and what they do. In vulnerable mode they trust the model completely
 * (no owner check, refunds without approval, admin actions for anyone); in hardened mode each
 * tool checks for itself, so a fooled model still cannot do harm.
 */
import { DOCUMENTS, INVOICES } from "./support-data.mjs";

/** @type {import("./conversation.mjs").ToolSpec[]} */
export const SUPPORT_TOOLS = [
  tool("get_invoice", "Look up an invoice by its id.", { invoice_id: { type: "string" } }, ["invoice_id"]),
  tool(
    "issue_refund",
    "Refund money on an invoice.",
    { invoice_id: { type: "string" }, amount: { type: "number" }, reason: { type: "string" } },
    ["invoice_id", "amount"],
  ),
  tool(
    "request_approval",
    "Ask a supervisor to approve an action.",
    { action: { type: "string" }, details: { type: "string" } },
    ["action"],
  ),
  tool("fetch_url", "Fetch a web page.", { url: { type: "string" } }, ["url"]),
  tool("delete_customer", "Delete a customer account.", { customer_id: { type: "string" } }, ["customer_id"]),
  tool("change_role", "Change a user's role.", { customer_id: { type: "string" }, role: { type: "string" } }, [
    "customer_id",
    "role",
  ]),
];

/** Longest page fetch_url reads, and how long it waits. */
const FETCH_MAX_BYTES = 16 * 1024;
const FETCH_TIMEOUT_MS = 2_000;

let approvalCounter = 0;
let refundCounter = 0;

/**
 * Runs one tool call for the signed-in customer.
 * @param {import("./conversation.mjs").ToolCall} call
 * @param {import("./support-data.mjs").Customer} customer
 * @param {{ hardened: boolean }} options
 * @returns {Promise<unknown>}
 */
export async function runSupportTool(call, customer, { hardened }) {
  const args = call.arguments;
  switch (call.name) {
    case "get_invoice": {
      const invoice = INVOICES[String(args.invoice_id ?? "")];
      if (!invoice || (hardened && invoice.customer_id !== customer.id)) return { error: "invoice not found" };
      return invoice;
    }
    case "issue_refund":
      if (hardened) return { error: "refunds need an approved request first" };
      refundCounter++;
      return {
        status: "refunded",
        refund_id: `RF-${7000 + refundCounter}`,
        invoice_id: args.invoice_id,
        amount: args.amount,
      };
    case "request_approval":
      approvalCounter++;
      return { status: "pending", approval_id: `APR-${5000 + approvalCounter}`, action: args.action };
    case "fetch_url":
      return fetchLoopback(String(args.url ?? ""), hardened);
    case "delete_customer":
    case "change_role":
      if (hardened) return { error: "only administrators may do this" };
      return { status: "done", customer_id: args.customer_id };
    case "search_docs":
      return searchDocuments(String(args.query ?? ""));
    default:
      return { error: `there is no tool called ${call.name}` };
  }
}

/**
 * The document the question is about, if any (the agent retrieves it before answering).
 * @param {string} question
 * @returns {{ id: string, title: string, text: string } | null}
 */
export function searchDocuments(question) {
  const found = DOCUMENTS.find((document) => document.topics.test(question));
  return found ? { id: found.id, title: found.title, text: found.text } : null;
}

/**
 * Really fetches the page, but only from this machine (127.0.0.1 or localhost): the demo must
 * never reach the network. Hardened mode fetches nothing it was not configured to trust (nothing).
 * @param {string} address
 * @param {boolean} hardened
 */
async function fetchLoopback(address, hardened) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return { error: "not a valid URL" };
  }
  if (hardened) return { error: "fetching pages is switched off in hardened mode" };
  if (url.protocol !== "http:" || !["127.0.0.1", "localhost"].includes(url.hostname))
    return { error: "this demo only fetches http://127.0.0.1 and http://localhost pages" };
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const text = (await response.text()).slice(0, FETCH_MAX_BYTES);
    return { status: response.status, body: text };
  } catch (error) {
    return { error: `fetch failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * @param {string} name
 * @param {string} description
 * @param {Record<string, unknown>} properties
 * @param {string[]} required
 * @returns {import("./conversation.mjs").ToolSpec}
 */
function tool(name, description, properties, required) {
  return { name, description, parameters: { type: "object", properties, required } };
}
