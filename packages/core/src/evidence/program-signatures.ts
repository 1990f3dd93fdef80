/**
 * What marks a file as a program or a script, which evidence never accepts: a person opening a
 * piece of evidence must not run something. Both the bytes and the name count, because either one
 * is enough for an operating system, a desktop or an interpreter to run the file.
 */

/** Byte signatures at the start of a file, with what they mark. */
const signatures: ReadonlyArray<{ bytes: readonly number[]; kind: string }> = [
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: "a Linux program (ELF)" },
  { bytes: [0x4d, 0x5a], kind: "a Windows program (MZ/PE)" },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], kind: "a macOS program (Mach-O)" },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], kind: "a macOS program (Mach-O)" },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], kind: "a macOS program (Mach-O)" },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: "a macOS program (Mach-O)" },
  // Java class files and macOS universal ("fat") programs share this signature; both are refused.
  { bytes: [0xca, 0xfe, 0xba, 0xbe], kind: "a Java class file or a macOS universal program" },
  { bytes: [0xca, 0xfe, 0xba, 0xbf], kind: "a macOS universal program (Mach-O)" },
  { bytes: [0x64, 0x65, 0x78, 0x0a], kind: "an Android program (DEX)" },
  { bytes: [0x00, 0x61, 0x73, 0x6d], kind: "a WebAssembly module" },
  { bytes: [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], kind: "a Windows shortcut" },
  { bytes: [0x23, 0x21], kind: "a script (it starts with #!)" },
  { bytes: [0xef, 0xbb, 0xbf, 0x23, 0x21], kind: "a script (it starts with #!)" },
  { bytes: [...new TextEncoder().encode("REGEDIT4")], kind: "a Windows registry file" },
  { bytes: [...new TextEncoder().encode("Windows Registry Editor")], kind: "a Windows registry file" },
  {
    // The same header in UTF-16, as the registry editor writes it.
    bytes: [0xff, 0xfe, ...[..."Windows Registry"].flatMap((c) => [c.charCodeAt(0), 0])],
    kind: "a Windows registry file",
  },
];

/**
 * Extensions that run when a file is opened or are run by a common interpreter: Windows programs,
 * installers, shortcuts and scripts; Unix shell scripts; macOS applications and installers; Linux,
 * Android and iOS packages; Java archives; and Python, Perl, Ruby, PHP, Lua and Tcl scripts.
 * Documents that may hold scripts (HTML, SVG, PDF, Office files) are evidence people need, so they
 * are stored but served as downloads, never shown inline.
 */
export const programExtensions: ReadonlySet<string> = new Set([
  // Windows programs, libraries, installers and shortcuts
  ...["exe", "com", "scr", "pif", "cpl", "dll", "ocx", "sys", "drv", "msi", "msp", "mst", "msix", "msixbundle"],
  ...["appx", "appxbundle", "application", "gadget", "hta", "msc", "lnk", "scf", "reg", "inf"],
  // Windows scripts
  ...["bat", "cmd", "ps1", "psm1", "psd1", "vb", "vbs", "vbe", "js", "jse", "mjs", "cjs", "wsf", "wsh", "wsc", "sct"],
  // Unix and macOS shell scripts, programs and installers
  ...["sh", "bash", "zsh", "ksh", "csh", "tcsh", "fish", "command", "run", "appimage", "so", "ko", "dylib"],
  ...["app", "pkg", "mpkg", "dmg", "scpt", "applescript", "workflow", "action"],
  // Packages and archives that install or run code
  ...["deb", "rpm", "snap", "flatpak", "apk", "xapk", "aab", "ipa", "jar", "war", "ear", "class", "wasm"],
  // Interpreted scripts
  ...["py", "pyc", "pyo", "pyw", "pyz", "pl", "pm", "rb", "php", "phar", "lua", "tcl"],
]);

/** What the first bytes show the file to be, when they show a program or a script. */
export function programKindOfBytes(bytes: Uint8Array): string | null {
  for (const signature of signatures) {
    if (bytes.length >= signature.bytes.length && signature.bytes.every((byte, i) => bytes[i] === byte)) {
      return signature.kind;
    }
  }
  return null;
}

/** The file name's last extension in lower case, ignoring trailing dots and spaces (Windows drops them). */
export function extensionOf(filename: string | null): string | null {
  const match = filename ? /\.([A-Za-z0-9]+)[.\s]*$/.exec(filename) : null;
  return match?.[1] ? match[1].toLowerCase() : null;
}
