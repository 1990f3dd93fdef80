import type { FormatScanner } from "../../scan/format-scanner.js";
import { cappedReporter } from "../shared/capped-reporter.js";
import { analyseChatTemplate } from "./chat-template/template-analysis.js";
import { readGguf } from "./gguf-reader.js";

/** Templates above this are not analysed (real ones are a few kilobytes). */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** GGUF (llama.cpp): header, metadata and tensor infos checked for bounds, then the chat templates analysed. */
export const ggufScanner: FormatScanner = {
  format: "gguf",
  sniff(head) {
    return head.byteLength >= 8 && head[0] === 0x47 && head[1] === 0x47 && head[2] === 0x55 && head[3] === 0x46;
  },
  async scan(source, context) {
    const sink = cappedReporter(context);
    const contents = await readGguf(source, Math.min(MAX_TEMPLATE_BYTES, context.limits.maxStructureBytes));
    for (const problem of contents.problems) {
      sink.report({
        ruleId: `gguf.${problem.rule}`,
        location: problem.location,
        title: problem.title,
        detail: problem.detail,
      });
    }
    for (const [key, template] of contents.templates) {
      for (const finding of analyseChatTemplate(template)) {
        sink.report({
          ruleId: `gguf.template-${finding.kind}`,
          severity: finding.severity,
          location: `${key}@${finding.offset}`,
          title: finding.title,
          detail: finding.detail,
        });
      }
    }
    sink.finish();
  },
};
