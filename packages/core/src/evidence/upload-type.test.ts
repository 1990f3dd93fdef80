import { describe, expect, it } from "vitest";
import { decideUploadType, isUtf8Text } from "./upload-type.js";

const text = (s: string) => new TextEncoder().encode(s);
const none = new Uint8Array();

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
    expect(decideUploadType({ head: none, sniffed: pdf, isText: false, filename: "report.txt" })).toEqual({
      ok: true,
      mediaType: "application/pdf",
    });
  });

  it("refuses programs detected from their bytes, whatever they are called", () => {
    const exe = { ext: "exe", mime: "application/x-msdownload" };
    const decision = decideUploadType({ head: none, sniffed: exe, isText: false, filename: "results.pdf" });
    expect(decision.ok).toBe(false);
    expect(decision.ok ? "" : decision.reason).toContain("Windows program");
    const elf = { ext: "elf", mime: "application/x-elf" };
    expect(decideUploadType({ head: none, sniffed: elf, isText: false, filename: null }).ok).toBe(false);
  });

  it("refuses names that run as programs even when the bytes look harmless", () => {
    const decision = decideUploadType({ head: none, sniffed: undefined, isText: true, filename: "deploy.BAT" });
    expect(decision).toEqual({ ok: false, refusedBy: "name", reason: expect.stringContaining(".bat") });
  });

  it("refuses programs and scripts by their first bytes, whatever they are called", () => {
    const hex = (digits: string) => Uint8Array.from(Buffer.from(digits, "hex"));
    const cases: Array<[Uint8Array, string]> = [
      [hex("7f454c4602010100"), "a Linux program (ELF)"],
      [hex("4d5a900003000000"), "a Windows program (MZ/PE)"],
      [hex("cffaedfe0c000001"), "a macOS program (Mach-O)"],
      [hex("feedfacf0c000001"), "a macOS program (Mach-O)"],
      [hex("cafebabe00000002"), "a Java class file or a macOS universal program"],
      [hex("4c0000000114020000000000c0000000"), "a Windows shortcut"],
      [hex("0061736d01000000"), "a WebAssembly module"],
      [text("#!/bin/sh\necho hello\n"), "a script (it starts with #!)"],
      [text("\ufeff#!/usr/bin/env python3\n"), "a script (it starts with #!)"],
      [text("Windows Registry Editor Version 5.00\r\n"), "a Windows registry file"],
    ];
    for (const [head, kind] of cases) {
      const decision = decideUploadType({ head, sniffed: undefined, isText: isUtf8Text(head), filename: "notes.txt" });
      expect(decision).toEqual({
        ok: false,
        refusedBy: "content",
        reason: `Programs and scripts cannot be uploaded as evidence: the file is ${kind}.`,
      });
    }
  });

  it("refuses script and program names, also with trailing dots or another extension before them", () => {
    for (const filename of [
      "deploy.sh",
      "setup.PS1",
      "a.report.pdf.exe",
      "tool.exe. ",
      "app.js",
      "x.py",
      "lib.dylib",
    ]) {
      const decision = decideUploadType({ head: text("harmless"), sniffed: undefined, isText: true, filename });
      expect(decision).toMatchObject({ ok: false, refusedBy: "name" });
    }
    expect(decideUploadType({ head: text("a"), sniffed: undefined, isText: true, filename: "run.sh" })).toEqual({
      ok: false,
      refusedBy: "name",
      reason: "Programs and scripts cannot be uploaded as evidence: files named .sh are run as programs or scripts.",
    });
    for (const filename of ["report.pdf", "scan.sarif", "notes.md", "shell.txt", "sh", "results.html"]) {
      const decision = decideUploadType({
        head: text("harmless # not #! at the start"),
        sniffed: undefined,
        isText: true,
        filename,
      });
      expect(decision.ok).toBe(true);
    }
  });

  it("names text by its extension, falling back to text/plain", () => {
    expect(decideUploadType({ head: none, sniffed: undefined, isText: true, filename: "scan.sarif" })).toEqual({
      ok: true,
      mediaType: "application/sarif+json",
    });
    expect(decideUploadType({ head: none, sniffed: undefined, isText: true, filename: null })).toEqual({
      ok: true,
      mediaType: "text/plain",
    });
    expect(decideUploadType({ head: none, sniffed: undefined, isText: true, filename: "notes.unknownext" })).toEqual({
      ok: true,
      mediaType: "text/plain",
    });
  });

  it("stores unrecognised binary as opaque bytes", () => {
    expect(decideUploadType({ head: none, sniffed: undefined, isText: false, filename: "blob.bin" })).toEqual({
      ok: true,
      mediaType: "application/octet-stream",
    });
  });
});
