import { evaluateLicence } from "../../licences/evaluate-licence.js";
import { readModelCardLicence } from "../../licences/model-card-licence.js";
import type { FormatScanner } from "../../scan/format-scanner.js";

/** The most of a model card read: its front matter is at the top and small. */
const MAX_CARD_BYTES = 512 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: false });

/**
 * A Markdown model card with YAML front matter (a Hugging Face README.md): reports the licence it
 * declares and, when the scan was given a licence policy, what the policy says of it.
 */
export const modelCardScanner: FormatScanner = {
  format: "model_card",
  sniff(head) {
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    if (head[start] !== 0x2d || head[start + 1] !== 0x2d || head[start + 2] !== 0x2d) return false;
    const next = head[start + 3];
    return next === 0x0a || next === 0x0d;
  },
  async scan(source, context) {
    const text = decoder.decode(await source.read(0, Math.min(source.size, MAX_CARD_BYTES)));
    let declared: ReturnType<typeof readModelCardLicence>;
    try {
      declared = readModelCardLicence(text);
    } catch (error) {
      context.report({
        ruleId: "licence.unreadable",
        location: "front matter",
        title: "The model card's front matter cannot be read",
        detail: error instanceof Error ? error.message.slice(0, 1000) : "The front matter is not valid YAML.",
      });
      return;
    }
    if (!declared) return;
    const expression = declared.expression;
    context.report({
      ruleId: "licence.declared",
      location: "front matter: license",
      title: expression ? `Licence ${expression}` : `Licence "${declared.declared}" (not known)`,
      detail: expression
        ? `The model card declares "${declared.declared}", which is ${expression} in SPDX terms.${declared.link ? ` Licence text: ${declared.link}` : ""}`
        : `The model card declares "${declared.declared}", which does not say which licence applies.`,
    });
    const policy = context.licencePolicy;
    if (!policy) return;
    const evaluation = evaluateLicence(expression, policy);
    if (evaluation.verdict === "allowed") return;
    const forbidden = evaluation.verdict === "forbidden";
    context.report({
      ruleId: forbidden ? "licence.forbidden" : "licence.needs-review",
      location: "front matter: license",
      title: forbidden
        ? `Licence ${expression ?? declared.declared} is forbidden by the policy`
        : `Licence ${expression ?? declared.declared} needs review`,
      detail: evaluation.reasons.join(" "),
    });
  },
};
