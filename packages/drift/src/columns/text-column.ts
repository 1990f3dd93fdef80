/**
 * Text columns are compared through descriptors of each value: its length in characters (Unicode
 * code points), its share of non-ASCII characters, whether the red-team engine's personal-data
 * patterns find anything in it, and its language as tinyld detects it ("unknown" when it cannot tell).
 */
import { findPatterns } from "@openaims/redteam/detect";
import { detect } from "tinyld";

export interface TextDescriptorValues {
  length: Float64Array;
  nonAsciiShare: Float64Array;
  pii: Map<string, number>;
  language: Map<string, number>;
}

/** Values longer than this are cut for the language and personal-data descriptors. */
const DESCRIPTOR_TEXT_LIMIT = 10_000;

export class TextDescriptorCollector {
  private readonly lengths: number[] = [];
  private readonly nonAscii: number[] = [];
  private readonly pii = new Map<string, number>();
  private readonly language = new Map<string, number>();

  add(value: string): void {
    let characters = 0;
    let nonAscii = 0;
    for (const character of value) {
      characters++;
      if ((character.codePointAt(0) ?? 0) > 127) nonAscii++;
    }
    this.lengths.push(characters);
    this.nonAscii.push(characters === 0 ? 0 : nonAscii / characters);
    const text = value.slice(0, DESCRIPTOR_TEXT_LIMIT);
    const hasPii = findPatterns(text, ["pii"]).length > 0 ? "yes" : "no";
    this.pii.set(hasPii, (this.pii.get(hasPii) ?? 0) + 1);
    const language = detect(text) || "unknown";
    this.language.set(language, (this.language.get(language) ?? 0) + 1);
  }

  values(): TextDescriptorValues {
    return {
      length: Float64Array.from(this.lengths).sort(),
      nonAsciiShare: Float64Array.from(this.nonAscii).sort(),
      pii: this.pii,
      language: this.language,
    };
  }
}
