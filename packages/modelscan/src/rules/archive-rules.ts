import type { Rule } from "./rule.js";

/** Checks of archives (zip, tar, gzip) and of the scan itself (unknown content, unreadable files, links). */
export const archiveRules: readonly Rule[] = [
  {
    id: "archive.path-traversal",
    title: "Archive entry writes outside its folder",
    severity: "high",
    cwe: ["CWE-22"],
    owaspAgentic: ["ASI04"],
    help: "An entry's name is absolute or climbs out with '..' (zip slip), so extracting the archive can overwrite files elsewhere. Do not extract it with tools that trust entry names; ask the supplier for a clean archive.",
  },
  {
    id: "archive.bomb",
    title: "Archive expands past the scanner's limits",
    severity: "high",
    cwe: ["CWE-409"],
    owaspAgentic: ["ASI04"],
    help: "The archive's compression ratio, total size, entry count or nesting passes a limit (a decompression bomb, or a very large archive). It was not expanded beyond the limit and its remaining entries were not checked.",
  },
  {
    id: "archive.malformed",
    title: "Malformed archive",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: ["ASI04"],
    help: "The archive's directory or an entry's header cannot be read, so some entries were not checked. Replace the archive with a clean copy.",
  },
  {
    id: "archive.entry-not-checked",
    title: "Archive entry not checked",
    severity: "medium",
    cwe: [],
    owaspAgentic: ["ASI04"],
    help: "The entry is encrypted, uses an unsupported compression, or is too large to expand in memory, so its content was not checked. Extract it and scan the extracted file.",
  },
  {
    id: "format.unknown",
    title: "Unrecognised file content",
    severity: "low",
    cwe: [],
    owaspAgentic: ["ASI04"],
    help: "The file's content matches no format the scanner knows, so it was not checked. Unknown is not safe: find out what the file is and whether it belongs with the model.",
  },
  {
    id: "scan.read-failed",
    title: "File could not be read",
    severity: "medium",
    cwe: [],
    owaspAgentic: ["ASI04"],
    help: "The file could not be opened or read (permissions, a broken disk, a file removed during the scan), so it was not checked. Fix the cause and scan again.",
  },
  {
    id: "scan.special-file",
    title: "Special file not read",
    severity: "low",
    cwe: [],
    owaspAgentic: ["ASI04"],
    help: "The entry is a pipe, socket or device rather than a regular file, so the scan did not read it (reading could block forever). A model folder should hold none; remove it or find out what created it.",
  },
  {
    id: "scan.symlink",
    title: "Symbolic link not followed",
    severity: "low",
    cwe: ["CWE-59"],
    owaspAgentic: ["ASI04"],
    help: "The scan does not follow symbolic links, so the file it points to was not checked here. A model folder that links outside itself can load files no one reviewed; scan the target or replace the link with the file.",
  },
];
