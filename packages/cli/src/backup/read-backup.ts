import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { extract } from "tar";
import { checkFailed, usageError } from "../cli-error.js";
import { type BackupManifest, blobFile, MANIFEST_FILE, manifestSchema } from "./backup-format.js";
import { digestFile } from "./file-digest.js";

/**
 * Unpacks a backup into `dir` and checks it against its manifest: every file present, listed and
 * unchanged (SHA-256 and size), and every blob's content matching its name. Nothing is trusted
 * before this returns.
 */
export async function unpackBackup(file: string, dir: string): Promise<BackupManifest> {
  try {
    await stat(file);
  } catch {
    throw usageError(`Cannot read ${file}: no such file.`);
  }
  try {
    // Only plain files and folders; tar already refuses absolute paths and '..'.
    await extract({
      file,
      cwd: dir,
      strict: true,
      filter: (_path, entry) => "type" in entry && ["File", "Directory"].includes(entry.type),
    });
  } catch (error) {
    throw usageError(`${file} is not an OpenAIMS backup (${(error as Error).message}).`);
  }
  const manifest = await readManifest(file, dir);
  const expected = new Map<string, { sha256: string; size: number }>(Object.entries(manifest.files));
  for (const blob of manifest.blobs) expected.set(blobFile(blob.sha256), blob);
  const present = new Set(await listFiles(dir));
  present.delete(MANIFEST_FILE);
  for (const [path, want] of expected) {
    if (!present.delete(path)) throw checkFailed(`The backup is incomplete: ${path} is missing.`);
    const got = await digestFile(join(dir, path));
    if (got.sha256 !== want.sha256 || got.size !== want.size)
      throw checkFailed(`The backup is damaged: ${path} does not match its recorded SHA-256.`);
  }
  const [unlisted] = present;
  if (unlisted !== undefined) throw checkFailed(`The backup holds a file its manifest does not list: ${unlisted}.`);
  return manifest;
}

async function readManifest(file: string, dir: string): Promise<BackupManifest> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw usageError(`${file} is not an OpenAIMS backup (no ${MANIFEST_FILE}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw usageError(`${file} has an unreadable ${MANIFEST_FILE}.`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw usageError(`${file} is not a backup this version can read (${issue?.path.join(".")}: ${issue?.message}).`);
  }
  return result.data;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"));
}
