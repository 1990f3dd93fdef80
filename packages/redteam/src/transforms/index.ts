export { applyTransform } from "./apply-transform.js";
export { BASE64_PREFIX, HEX_PREFIX, ROT13_PREFIX } from "./encodings.js";
export { UNICODE_TAGS_COVER, ZERO_WIDTH_CHARACTERS } from "./invisible.js";
export {
  LANGUAGE_WRAPPERS,
  type LanguageWrapper,
  stripLanguageWrapper,
  WRAPPER_SENTENCES,
} from "./language-wrappers.js";
export { CYRILLIC_LOOKALIKES, LEET_DIGITS } from "./substitutions.js";
export {
  decodeBase64Runs,
  decodeHexRuns,
  decodeTagCharacters,
  foldHomoglyphs,
  readableUtf8,
  rot13,
  stripFormatCharacters,
  undoLeet,
  undoTransform,
} from "./undo-transforms.js";
