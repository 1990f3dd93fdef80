import { z } from "zod";

/** What changed in an AI system, as a change record names it. */
export const changeKinds = [
  "model_version",
  "retraining",
  "prompt_or_configuration",
  "vendor_model",
  "new_tool_or_connector",
  "new_data_source",
  "other",
] as const;
export const changeKindSchema = z.enum(changeKinds);
export type ChangeKind = z.infer<typeof changeKindSchema>;
