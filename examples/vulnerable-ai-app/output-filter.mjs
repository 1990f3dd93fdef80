// @ts-check
/**
 * The hardened model's last line of defence: whatever it is about to say passes through here.
 * Confidential values, system prompt lines, credentials and personal data are withheld, and the
 * reply is cut at a fixed length.
 */

export const MAX_REPLY_CHARS = 2_000;

const SECRET_PATTERNS = [
  /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{0,5000}?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,255}\b/g,
  /\bxox[abpr]-[A-Za-z0-9-]{10,255}\b/g,
  /\bsk-[A-Za-z0-9_-]{16,255}\b/g,
  /\beyJ[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{5,2000}\b/g,
  /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|token)[A-Za-z_]{0,20}\s*[=:]\s*\S{6,200}/gi,
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}/g,
  /\+\d{1,3}[\s-]?(?:\(?\d{1,5}\)?[\s-]?){2,5}\d{2,5}/g,
  /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g,
  /\b(?:\d[ -]?){12,18}\d\b/g,
  /\b\d{3}-\d{2}-\d{4}\b/g,
];

/**
 * @param {string} reply
 * @param {{ confidential: string[], systemText: string }} context
 */
export function filterOutput(reply, context) {
  let out = reply;
  for (const line of context.systemText.split("\n")) {
    const trimmed = line.trim();
    if (trimmed.length >= 24) out = out.split(trimmed).join("[withheld]");
  }
  for (const secret of context.confidential) {
    out = out.split(secret).join("[withheld]");
    for (const token of significantTokens(secret)) out = out.split(token).join("[withheld]");
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, "[withheld]");
  return out.length > MAX_REPLY_CHARS ? `${out.slice(0, MAX_REPLY_CHARS - 1)}…` : out;
}

/**
 * The parts of a confidential sentence that carry the secret: words with digits or symbols.
 * @param {string} text
 */
function significantTokens(text) {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9_\-+=/.!#$%&*]{5,200}/g) ?? []).filter((token) =>
    /[\d_\-+=/!#$%&*]/.test(token),
  );
}
