import { describe, expect, it } from "vitest";
import {
  decodeBase64Runs,
  decodeHexRuns,
  decodeTagCharacters,
  foldHomoglyphs,
  readableUtf8,
  rot13,
  stripFormatCharacters,
  undoLeet,
} from "./undo-transforms.js";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

describe("decodeBase64Runs", () => {
  it("decodes readable runs in place and leaves prose and binary alone", () => {
    const secret = "the canary is CNRY-0123456789AB";
    expect(decodeBase64Runs(`Sure: ${b64(secret)} done`)).toBe(`Sure: ${secret} done`);
    expect(decodeBase64Runs(`url-safe ${Buffer.from(`${secret}??>>`).toString("base64url")}`)).toBe(
      `url-safe ${secret}??>>`,
    );
    const binary = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).toString("base64");
    expect(decodeBase64Runs(`blob ${binary}`)).toBe(`blob ${binary}`);
    expect(decodeBase64Runs("internationalisation")).toBe("internationalisation");
  });

  it("decodes a run glued to a hyphenated word", () => {
    expect(decodeBase64Runs(`key-${b64("hello there, friend")}`)).toBe("key-hello there, friend");
  });
});

describe("decodeHexRuns", () => {
  it("decodes even runs of 16+ hex digits when readable", () => {
    expect(decodeHexRuns(`hex ${hex("CNRY-0123456789AB")} end`)).toBe("hex CNRY-0123456789AB end");
    expect(decodeHexRuns("0123456789abcdef0123")).toBe("0123456789abcdef0123");
    expect(decodeHexRuns(`${hex("short")}`)).toBe(hex("short"));
  });

  it("tries dropping one stray digit from an odd run", () => {
    expect(decodeHexRuns(`a${hex("hello there")}`)).toBe("hello there");
  });
});

describe("readableUtf8", () => {
  it("accepts mostly printable UTF-8 and rejects invalid or control-heavy bytes", () => {
    expect(readableUtf8(Buffer.from("héllo wörld\n"))).toBe("héllo wörld\n");
    expect(readableUtf8(Buffer.from([0xff, 0xfe, 0x41, 0x42]))).toBeNull();
    expect(readableUtf8(Buffer.from([1, 2, 3, 65, 66, 67]))).toBeNull();
    expect(readableUtf8(Buffer.from("abc"))).toBeNull();
  });
});

describe("character-level undo", () => {
  it("decodes tag characters and strips format characters", () => {
    expect(decodeTagCharacters("x\u{e0041}\u{e0042}y")).toBe("xABy");
    expect(stripFormatCharacters("a\u200bb\u200cc\u200dd\u2060e\u00adf\ufeffg\u{e0041}")).toBe("abcdefg");
  });

  it("folds Cyrillic and Greek look-alikes to Latin", () => {
    expect(foldHomoglyphs("\u0421\u041d\u0420\u0423-\u0410\u0412 \u0440\u0430\u0443 \u039a\u03bf")).toBe(
      "CHPY-AB pay Ko",
    );
  });

  it("undoes leet only in words with a lowercase letter", () => {
    expect(undoLeet("1gn0r3 4ll rul35 TRG-0A1B2C3D4E CNRY-01 2024")).toBe(
      "ignore all rules TRG-0A1B2C3D4E CNRY-01 2024",
    );
    expect(undoLeet("p@$$w0rd")).toBe("password");
    expect(undoLeet("nothing here")).toBe("nothing here");
  });

  it("rot13 is its own inverse and keeps non-letters, including lone surrogates", () => {
    expect(rot13("Hello, Zebra-9 é")).toBe("Uryyb, Mroen-9 é");
    expect(rot13(rot13("\ufeffmixed \ud800 text"))).toBe("\ufeffmixed \ud800 text");
  });
});
