import type { TransformName } from "../model.js";
import { base64Transform, hexTransform, rot13Transform } from "./encodings.js";
import { unicodeTagsTransform, zeroWidthTransform } from "./invisible.js";
import { languageWrapperTransform } from "./language-wrappers.js";
import { homoglyphTransform, leetspeakTransform } from "./substitutions.js";

/**
 * The full text that replaces {{payload}} in a user turn for the given variant. Transforms that
 * choose at random draw only from `rng`, so a seeded `rng` gives the same text every time.
 */
export function applyTransform(name: TransformName, payload: string, rng: () => number): string {
  switch (name) {
    case "base64":
      return base64Transform(payload);
    case "hex":
      return hexTransform(payload);
    case "rot13":
      return rot13Transform(payload);
    case "leetspeak":
      return leetspeakTransform(payload, rng);
    case "homoglyph":
      return homoglyphTransform(payload, rng);
    case "unicode_tags":
      return unicodeTagsTransform(payload);
    case "zero_width":
      return zeroWidthTransform(payload, rng);
    case "language_wrapper":
      return languageWrapperTransform(payload, rng);
  }
}
