/** What content sniffing found in a file's first bytes, if anything. */
export interface SniffedType {
  ext: string;
  mime: string;
}

/** The media type an upload is stored under, or why it is refused. */
export type UploadTypeDecision = { ok: true; mediaType: string } | { ok: false; reason: string };

/** Programs and installers: detected from the bytes, never trusted from a name or header. */
const deniedMediaTypes: Record<string, string> = {
  "application/x-msdownload": "a Windows program",
  "application/x-elf": "a Linux program",
  "application/x-mach-binary": "a macOS program",
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

/** Names that run when opened, whatever their bytes look like. */
const deniedExtensions = new Set([
  "exe",
  "dll",
  "msi",
  "scr",
  "com",
  "bat",
  "cmd",
  "ps1",
  "vbs",
  "jar",
  "apk",
  "app",
  "dmg",
  "deb",
  "rpm",
  "so",
  "dylib",
  "lnk",
  "reg",
]);

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

function extensionOf(filename: string | null): string | null {
  const match = filename ? /\.([A-Za-z0-9]+)$/.exec(filename.trim()) : null;
  return match?.[1] ? match[1].toLowerCase() : null;
}

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
 * valid UTF-8, else opaque bytes. Executables and installers are refused, whether the bytes or the
 * file name give them away.
 */
export function decideUploadType(input: {
  sniffed: SniffedType | undefined;
  isText: boolean;
  filename: string | null;
}): UploadTypeDecision {
  const ext = extensionOf(input.filename);
  const denied = input.sniffed ? deniedMediaTypes[input.sniffed.mime] : undefined;
  if (denied) return { ok: false, reason: `The file is ${denied}; programs are not accepted as evidence.` };
  if (ext && deniedExtensions.has(ext)) {
    return { ok: false, reason: `Files named .${ext} run as programs and are not accepted as evidence.` };
  }
  if (input.sniffed) return { ok: true, mediaType: input.sniffed.mime };
  if (input.isText) return { ok: true, mediaType: (ext && textTypesByExtension[ext]) || "text/plain" };
  return { ok: true, mediaType: "application/octet-stream" };
}
