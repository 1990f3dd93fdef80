// @ts-check
/**
 * Turns a plain-language request ("show me invoice INV-2002", "read ../../etc/passwd") into
 * arguments for an offered tool, guided by the names in the tool's JSON Schema.
 */

/**
 * @typedef {{ name: string, description?: string, parameters?: Record<string, unknown> }} ToolSpec
 */

const URL_PATTERN = /https?:\/\/[^\s"'<>)\]`]{1,2000}/;
const PATH_PATTERN = /(?:^|[\s"'`(])((?:\.{1,2}\/|\/|~\/)[^\s"'`,;()]{1,500})/;
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}/;
const QUOTED_PATTERN = /`([^`\n]{1,2000})`|"([^"\n]{1,2000})"|“([^”\n]{1,2000})”/;
const ID_PATTERN = /\b[A-Z]{1,6}-\d{1,10}\b/g;
const IBAN_PATTERN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/;
const NUMBER_PATTERN = /(?<![\w.-])(\d{1,9}(?:[.,]\d{1,2})?)(?![\w-])/;

/** Id prefixes that fit a parameter name. */
const ID_PREFIXES = /** @type {Record<string, string[]>} */ ({
  invoice: ["INV"],
  order: ["ORD"],
  customer: ["C", "CUS", "CUST"],
  account: ["C", "ACC", "ACCT"],
  user: ["U", "C", "USR"],
  ticket: ["TCK", "TKT"],
  record: ["INV", "REC"],
});

/**
 * @param {string} sentence
 * @param {ToolSpec} tool
 * @returns {Record<string, unknown>}
 */
export function argumentsFromText(sentence, tool) {
  const schema =
    /** @type {{ properties?: Record<string, { type?: string, enum?: unknown[] }>, required?: string[] }} */ (
      tool.parameters ?? {}
    );
  const properties = schema.properties ?? {};
  /** @type {Record<string, unknown>} */
  const args = {};
  for (const [name, property] of Object.entries(properties).slice(0, 20)) {
    const value = valueFor(name.toLowerCase(), property ?? {}, sentence);
    if (value !== undefined) args[name] = value;
  }
  for (const name of schema.required ?? []) if (!(name in args)) args[name] = "";
  return args;
}

/**
 * @param {string} name
 * @param {{ type?: string, enum?: unknown[] }} property
 * @param {string} sentence
 * @returns {unknown}
 */
function valueFor(name, property, sentence) {
  if (Array.isArray(property.enum)) {
    const lower = sentence.toLowerCase();
    return property.enum.find((option) => typeof option === "string" && lower.includes(option.toLowerCase()));
  }
  if (/url|link|href|uri/.test(name)) return URL_PATTERN.exec(sentence)?.[0].replace(/[.,;:!?]+$/, "");
  if (/path|file/.test(name)) return quoted(sentence) ?? PATH_PATTERN.exec(sentence)?.[1]?.replace(/[.,;:!?]+$/, "");
  if (/command|cmd|script/.test(name))
    return quoted(sentence) ?? /\b(?:command|run|execute)\s*:?\s*(.{1,500})$/i.exec(sentence)?.[1];
  if (/query|sql|statement/.test(name)) return quoted(sentence) ?? /:\s*(.{1,500})$/.exec(sentence)?.[1];
  if (/^(?:to|recipient|email|address)$/.test(name)) return EMAIL_PATTERN.exec(sentence)?.[0];
  if (/iban|account_number/.test(name)) return IBAN_PATTERN.exec(sentence)?.[0];
  if (/role/.test(name)) return /\b(admin|administrator|owner|superuser|root)\b/i.exec(sentence)?.[1]?.toLowerCase();
  if (/amount|sum|total|value/.test(name) || property.type === "number") {
    const number = NUMBER_PATTERN.exec(sentence.replace(ID_PATTERN, " ").replace(IBAN_PATTERN, " "))?.[1];
    return number === undefined ? undefined : Number(number.replace(",", "."));
  }
  if (/id$|invoice|order|customer|account|record|user|ticket/.test(name)) return idFor(name, sentence);
  if (/reason|details|note|message|body|text|content|subject|description/.test(name)) return sentence.slice(0, 300);
  return undefined;
}

/** @param {string} sentence */
function quoted(sentence) {
  const match = QUOTED_PATTERN.exec(sentence);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * The id in the sentence that best fits the parameter: one with a matching prefix, else the first.
 * @param {string} name
 * @param {string} sentence
 */
function idFor(name, sentence) {
  const ids = sentence.match(ID_PATTERN) ?? [];
  const prefixes = Object.entries(ID_PREFIXES).find(([word]) => name.includes(word))?.[1] ?? [];
  return ids.find((id) => prefixes.includes(id.split("-")[0] ?? "")) ?? ids[0];
}
