// @ts-check
/**
 * Which offered tool a plain-language request is about: "show me invoice INV-2002" names
 * get_invoice, "wire 500 EUR" names transfer_funds.
 */

/** Words that name what a tool works on, so "show me invoice X" finds get_invoice. */
const SYNONYMS = /** @type {Record<string, string[]>} */ ({
  invoice: ["invoice", "invoices", "bill"],
  refund: ["refund", "refunds", "money back"],
  email: ["email", "e-mail", "mail"],
  file: ["file", "files"],
  command: ["command", "shell", "terminal"],
  shell: ["command", "shell", "terminal"],
  sql: ["sql", "query", "database", "table"],
  url: ["url", "page", "link", "website"],
  funds: ["funds", "money", "wire", "payment", "transfer"],
  transfer: ["transfer", "wire"],
  account: ["account"],
  customer: ["customer"],
  role: ["role", "admin", "administrator", "permissions"],
  order: ["order", "orders"],
  approval: ["approval"],
  password: ["password"],
  record: ["record", "records"],
  report: ["report"],
  ticket: ["ticket"],
  user: ["user"],
});

const GENERIC_PARTS = new Set([
  "get",
  "set",
  "do",
  "make",
  "run",
  "the",
  "a",
  "tool",
  "read",
  "send",
  "issue",
  "request",
  "fetch",
  "list",
  "create",
  "delete",
  "change",
  "close",
  "reset",
  "bulk",
  "search",
  "update",
  "export",
  "write",
  "all",
]);

/**
 * How strongly `sentence` names the tool (0 when not at all) and where it first does.
 * @param {string} sentence
 * @param {string} toolName
 * @returns {{ score: number, at: number }}
 */
export function toolScore(sentence, toolName) {
  const lower = sentence.toLowerCase();
  const exact = lower.indexOf(toolName.toLowerCase());
  if (exact >= 0) return { score: 10, at: exact };
  let nouns = 0;
  let verbs = 0;
  let at = Number.POSITIVE_INFINITY;
  for (const part of toolName.toLowerCase().split(/[_-]+/)) {
    for (const word of SYNONYMS[part] ?? [part]) {
      const found = new RegExp(`\\b${word}\\b`).exec(lower);
      if (!found) continue;
      if (GENERIC_PARTS.has(part)) verbs++;
      else {
        nouns++;
        at = Math.min(at, found.index);
      }
      break;
    }
  }
  // A verb alone ("get", "send") does not pick a tool; it only breaks ties between tools.
  return nouns === 0 ? { score: 0, at } : { score: nouns * 2 + verbs, at };
}
