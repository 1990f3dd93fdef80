// @ts-check
/**
 * How the hardened model shows tool results: as data. Records that belong to someone other than
 * the signed-in customer are left out, only plain fields of the customer's own records are shown,
 * and from text only sentences that neither address an assistant nor give instructions are kept.
 */
import { lastInstruction, splitSentences } from "./find-instructions.mjs";
import { normaliseText } from "./normalise-text.mjs";

const ADDRESSED_TO_AI = /\b(?:ai|assistant|chatbot|language model|llm|model|agent|bot)s?\b/i;
/** Fields that say whose a record is. */
const OWNER_FIELD = /^(?:customer(?:_id)?|owner(?:_id)?|tenant(?:_id)?|account(?:_id)?|user(?:_id)?)$/i;
/** Fields that make an object a record about a person or an account. */
const RECORD_FIELD = /customer|owner|tenant|account|user|e-?mail|phone|card|iban|ssn|payment|address/i;
const SAFE_FIELDS = new Set([
  "id",
  "invoice_id",
  "order_id",
  "name",
  "status",
  "amount",
  "currency",
  "due_date",
  "date",
  "title",
  "approval_id",
  "refund_id",
  "action",
  "report",
  "value",
]);
/** Fields that identify a record; their values must be the customer's own. */
const ID_FIELD = /(?:^|_)id$|^(?:invoice|order|record)$/i;
/** `KEY=value` lines (configuration files, environment dumps) are never repeated. */
const ASSIGNMENT_LINE = /^\s*[A-Za-z_][\w.-]{0,60}\s*=\s*\S/;

/** @param {string} sentence */
export function addressedToAssistant(sentence) {
  return ADDRESSED_TO_AI.test(sentence);
}

/**
 * @param {string[]} results raw tool message contents
 * @param {import("./system-conventions.mjs").Conventions} conventions
 */
export function presentToolResults(results, conventions) {
  /** @type {string[]} */
  const lines = [];
  let withheld = 0;
  /** @param {unknown} value @param {number} depth */
  const visit = (value, depth) => {
    if (depth > 6 || lines.length > 40) return;
    if (typeof value === "string") {
      const text = presentText(value);
      if (text) lines.push(text);
    } else if (Array.isArray(value)) for (const item of value.slice(0, 50)) visit(item, depth + 1);
    else if (value && typeof value === "object") {
      const record = /** @type {Record<string, unknown>} */ (value);
      if (Object.keys(record).some((key) => RECORD_FIELD.test(key))) {
        if (!isOwn(record, conventions)) withheld++;
        else if (safeFields(record)) lines.push(safeFields(record));
        return;
      }
      if (safeFields(record)) lines.push(safeFields(record));
      for (const [key, field] of Object.entries(record))
        if (typeof field === "object" || (typeof field === "string" && !SAFE_FIELDS.has(key))) visit(field, depth + 1);
    }
  };
  for (const result of results) visit(parseJson(result), 0);
  if (withheld > 0)
    lines.push(`${withheld} record${withheld === 1 ? " is" : "s are"} not shown: they are not yours to see.`);
  return lines.join("\n") || "I found nothing I can share.";
}

/**
 * A record is the customer's own when its owner and id fields all name the customer or their records.
 * @param {Record<string, unknown>} record
 * @param {import("./system-conventions.mjs").Conventions} conventions
 */
function isOwn(record, conventions) {
  if (conventions.customerId === null) return false;
  const own = new Set([...(conventions.ownRecords ?? []), conventions.customerId]);
  return Object.entries(record).every(
    ([key, field]) => !(OWNER_FIELD.test(key) || ID_FIELD.test(key)) || typeof field !== "string" || own.has(field),
  );
}

/** Short plain fields meant for display, as "key: value, …"; "" when there are none. @param {Record<string, unknown>} record */
function safeFields(record) {
  return Object.entries(record)
    .filter(
      ([key, field]) =>
        SAFE_FIELDS.has(key) && (typeof field === "number" || (typeof field === "string" && plainShortText(field))),
    )
    .map(([key, field]) => `${key}: ${field}`)
    .join(", ");
}

/** A short one-line value that neither speaks to an assistant nor asks for anything. @param {string} text */
function plainShortText(text) {
  return (
    text.length <= 80 &&
    !text.includes("\n") &&
    !ADDRESSED_TO_AI.test(text) &&
    !lastInstruction(text, { toolNames: [] })
  );
}

/** @param {string} text */
function presentText(text) {
  const visible = normaliseText(text.replace(/<!--[\s\S]{0,20000}?-->/g, " ").replace(/<[^<>]{0,300}>/g, " ")).text;
  const kept = splitSentences(visible)
    .filter(
      (sentence) =>
        !ASSIGNMENT_LINE.test(sentence) &&
        !ADDRESSED_TO_AI.test(sentence) &&
        !lastInstruction(sentence, { toolNames: [] }),
    )
    .slice(0, 3);
  return kept.length > 0 ? `From what I found: ${kept.join(" ")}` : "";
}

/** @param {string} text @returns {unknown} */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
