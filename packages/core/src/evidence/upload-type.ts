import { extensionOf, programExtensions, programKindOfBytes } from "./program-signatures.js";

/** What content sniffing found in a file's first bytes, if anything. */
export interface SniffedType {
  ext: string;
  mime: string;
}

/**
 * The media type an upload is stored under, or why it is refused and whether its content or its
 * name gave it away.
 */
export type UploadTypeDecision =
  | { ok: true; mediaType: string }
  | { ok: false; reason: string; refusedBy: "content" | "name" };

/** Programs and installers as content sniffing names them, including Java and Android archives (ZIP inside). */
const deniedMediaTypes: Record<string, string> = {
  "application/x-msdownload": "a Windows program",
  "application/x-elf": "a Linux program (ELF)",
  "application/x-mach-binary": "a macOS program (Mach-O)",
  "application/java-vm": "a Java class file",
  "application/java-archive": "a Java archive",
  "application/vnd.android.package-archive": "an Android app",
  "application/x-deb": "a Debian package",
  "application/x-rpm": "an RPM package",
  "application/x-apple-diskimage": "a macOS disk image",
  "application/wasm": "a WebAssembly module",
  "application/x.ms.shortcut": "a Windows shortcut",
  "application/x-ms-regedit": "a Windows registry file",
};

const REFUSAL = "Programs and scripts cannot be uploaded as evidence";

/** Text formats worth naming more precisely than text/plain, by file extension. */
const textTypesByExtension: Record<string, string> = {
  json: "application/json",
  sarif: "application/sarif+json",
  csv: "text/csv",
  md: "text/markdown",
  yaml: "application/yaml",
  yml: "application/yaml",
  xml: "application/xml",
  txt: "text/plain",
  log: "text/plain",
};

/** True when the bytes decode as UTF-8 and hold no NUL, i.e. they are text a person could read. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides how an uploaded evidence file is stored: by the type its bytes show, else text when it is
 * valid UTF-8, else opaque bytes. Programs and scripts are refused, whether the bytes (`head`, the
 * file's first bytes) or the file name give them away.
 */
export function decideUploadType(input: {
  head: Uint8Array;
  sniffed: SniffedType | undefined;
  isText: boolean;
  filename: string | null;
}): UploadTypeDecision {
  const ext = extensionOf(input.filename);
  const kind = programKindOfBytes(input.head) ?? (input.sniffed ? deniedMediaTypes[input.sniffed.mime] : undefined);
  if (kind) return { ok: false, refusedBy: "content", reason: `${REFUSAL}: the file is ${kind}.` };
  if (ext && programExtensions.has(ext)) {
    return { ok: false, refusedBy: "name", reason: `${REFUSAL}: files named .${ext} are run as programs or scripts.` };
  }
  if (input.sniffed) return { ok: true, mediaType: input.sniffed.mime };
  if (input.isText) return { ok: true, mediaType: (ext && textTypesByExtension[ext]) || "text/plain" };
  return { ok: true, mediaType: "application/octet-stream" };
}
