export { excerptOf, findInViews, type MatchOptions, type MatchResult } from "./approximate-match.js";
export { type CaseTokens, caseTokens } from "./case-tokens.js";
export { ibanValid, luhnValid } from "./checksums.js";
export { DECODED_VIEW_LIMIT, decodedViews } from "./decoded-views.js";
export { evaluateDetector } from "./evaluate-detector.js";
export {
  findInvisibleCharacters,
  type InvisibleCharacterKind,
  type InvisibleRun,
  MAX_INVISIBLE_RUNS,
} from "./invisible-characters.js";
export { judgeTranscript } from "./judge-detector.js";
export {
  findPatterns,
  PATTERN_PACKS,
  type PatternDefinition,
  type PatternMatch,
  type PatternPackName,
} from "./patterns.js";
export {
  findPlantedInstructions,
  MAX_PLANTED_INSTRUCTIONS,
  type PlantedInstruction,
  type PlantedInstructionKind,
} from "./planted-instructions.js";
export { usesRefusalWording } from "./refusal.js";
export { verdictOf } from "./verdict.js";
