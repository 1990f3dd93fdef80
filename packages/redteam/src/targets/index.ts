export { createTarget } from "./create-target.js";
export { resolveTargetSecrets } from "./env-template.js";
export { type PacedTarget, type PacerOptions, pacedTarget } from "./request-pacer.js";
export {
  type CommandTargetConfig,
  commandTargetSchema,
  type HttpTargetConfig,
  httpTargetSchema,
  type OpenAiTargetConfig,
  openAiTargetSchema,
  parseTargetConfig,
  parseTargetShorthand,
  type TargetConfig,
  TargetConfigError,
  type TargetConfigInput,
  targetConfigSchema,
} from "./target-config.js";
