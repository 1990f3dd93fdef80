import { describe, expect, it } from "vitest";
import { decideUploadType, isUtf8Text } from "./upload-type.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("isUtf8Text", () => {
  it("accepts UTF-8 text, including non-Latin characters", () => {
    expect(isUtf8Text(text('{"runs": []}'))).toBe(true);
    expect(isUtf8Text(text("Prüfbericht – 検証"))).toBe(true);
  });

  it("rejects invalid UTF-8 and bytes with NUL", () => {
    expect(isUtf8Text(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(false);
    expect(isUtf8Text(new Uint8Array([0x41, 0x00, 0x42]))).toBe(false);
  });
});

describe("decideUploadType", () => {
  it("trusts the sniffed type over the name", () => {
    const pdf = { ext: "pdf", mime: "application/pdf" };
    expect(decideUploadType({ sniffed: pdf, isText: false, filename: "report.txt" })).toEqual({
      ok: true,
      mediaType: "application/pdf",
    });
  });

  it("refuses programs detected from their bytes, whatever they are called", () => {
    const exe = { ext: "exe", mime: "application/x-msdownload" };
    const decision = decideUploadType({ sniffed: exe, isText: false, filename: "results.pdf" });
    expect(decision.ok).toBe(false);
    expect(decision.ok ? "" : decision.reason).toContain("Windows program");
    const elf = { ext: "elf", mime: "application/x-elf" };
    expect(decideUploadType({ sniffed: elf, isText: false, filename: null }).ok).toBe(false);
  });

  it("refuses names that run as programs even when the bytes look harmless", () => {
    const decision = decideUploadType({ sniffed: undefined, isText: true, filename: "deploy.BAT" });
    expect(decision).toEqual({ ok: false, reason: expect.stringContaining(".bat") });
  });

  it("names text by its extension, falling back to text/plain", () => {
    expect(decideUploadType({ sniffed: undefined, isText: true, filename: "scan.sarif" })).toEqual({
      ok: true,
      mediaType: "application/sarif+json",
    });
    expect(decideUploadType({ sniffed: undefined, isText: true, filename: null })).toEqual({
      ok: true,
      mediaType: "text/plain",
    });
    expect(decideUploadType({ sniffed: undefined, isText: true, filename: "notes.unknownext" })).toEqual({
      ok: true,
      mediaType: "text/plain",
    });
  });

  it("stores unrecognised binary as opaque bytes", () => {
    expect(decideUploadType({ sniffed: undefined, isText: false, filename: "blob.bin" })).toEqual({
      ok: true,
      mediaType: "application/octet-stream",
    });
  });
});
