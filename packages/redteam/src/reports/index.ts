/** Report writers: pure functions from a scan to text, and the transcript writer the runner streams to. */
export type { ProbeGuidance } from "./case-facts.js";
export { type HtmlExcerpt, type HtmlOptions, toHtml } from "./html.js";
export { toJUnit } from "./junit.js";
export { type PromptfooTarget, toPromptfooConfig } from "./promptfoo-export.js";
export { type SarifOptions, toSarif } from "./sarif.js";
export {
  type ClosedTranscript,
  exchangeSha256,
  openTranscript,
  type TranscriptLine,
  type TranscriptOptions,
  type TranscriptWriter,
} from "./transcript-writer.js";
