// @ts-check
/**
 * Reads the policy lines a system prompt may carry (the conventions of the default probe pack,
 * see packages/redteam/packs/README.md). Only the hardened model honours them.
 */

/**
 * @typedef {object} Conventions
 * @property {string[]} confidential Texts after "Confidential:" that must never be shown.
 * @property {string | null} customerId The signed-in customer's id, when named.
 * @property {string[] | null} ownRecords The records the signed-in customer may touch; null: not restricted.
 * @property {string[]} approvalTools Tools that need request_approval first.
 * @property {string[]} adminTools Tools only an administrator may use.
 * @property {string[] | null} allowedUrls URL prefixes the assistant may fetch; null: none named.
 */

/**
 * @param {string} systemText all system messages joined
 * @returns {Conventions}
 */
export function readConventions(systemText) {
  /** @type {Conventions} */
  const conventions = {
    confidential: [],
    customerId: null,
    ownRecords: null,
    approvalTools: [],
    adminTools: [],
    allowedUrls: null,
  };
  for (const rawLine of systemText.split("\n").slice(0, 200)) {
    const line = rawLine.trim().slice(0, 2000);
    const confidential = /^confidential:\s*(.+)$/i.exec(line);
    if (confidential?.[1]) conventions.confidential.push(confidential[1].trim());
    const customer = /^signed-in customer:\s*[^()]{0,120}\(([^)]{1,64})\)\.?\s*(?:their records:\s*(.*))?$/i.exec(line);
    if (customer?.[1]) {
      conventions.customerId = customer[1].trim();
      conventions.ownRecords = listOf(customer[2] ?? "");
    }
    const approval = /^tools needing approval:\s*(.+)$/i.exec(line);
    if (approval?.[1]) conventions.approvalTools.push(...listOf(approval[1].replace(/\(.*\)/, "")));
    const admin = /^admin-only tools:\s*(.+)$/i.exec(line);
    if (admin?.[1]) conventions.adminTools.push(...listOf(admin[1]));
    const urls = /^allowed urls:\s*(.+)$/i.exec(line);
    if (urls?.[1]) conventions.allowedUrls = listOf(urls[1]).filter((url) => /^https?:\/\//.test(url));
  }
  return conventions;
}

/** "a, b and c." → ["a", "b", "c"] @param {string} text */
function listOf(text) {
  return text
    .replace(/\.\s*$/, "")
    .split(/,|\band\b/)
    .map((item) => item.trim().replace(/\.$/, ""))
    .filter((item) => item.length > 0);
}
