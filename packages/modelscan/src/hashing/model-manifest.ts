import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { mapConcurrent } from "./sha256-file.js";
import { sha256FileRange, sha256WholeFile } from "./stream-hash.js";

/**
 * A model's manifest as the OpenSSF model-signing format records it: every file (or file shard)
 * of the model with its SHA-256, named by its path relative to the model root in POSIX form, in
 * the order the format uses (path components compared one by one).
 */
export interface ModelManifestItem {
  /** `dir/file.bin`; `.` when the model is a single file; `path:start:end` for shards. */
  name: string;
  sha256: string;
  /** Bytes hashed. */
  size: number;
}

/** How the manifest was built: the predicate's `serialization` object, with its field names. */
export interface ModelSerialization {
  method: "files" | "shards";
  hash_type: "sha256";
  allow_symlinks: boolean;
  /** Relative to the model root, POSIX form, sorted. */
  ignore_paths: string[];
  /** Only for `shards`. */
  shard_size?: number;
}

export interface ModelManifest {
  /** The last component of the model's path; informative only. */
  modelName: string;
  serialization: ModelSerialization;
  items: ModelManifestItem[];
  /** SHA-256 over the items' raw digests in manifest order: the in-toto subject digest. */
  rootDigest: string;
}

export interface HashModelOptions {
  /** Paths to leave out, relative to the model root (or absolute inside it); a directory leaves out all below it. */
  ignorePaths?: readonly string[];
  /** Leave out `.git`, `.gitattributes`, `.github` and `.gitignore` (default true), as the reference tool does. */
  ignoreGitPaths?: boolean;
  /** Follow symbolic links instead of refusing them (default false, as the reference tool). */
  allowSymlinks?: boolean;
  /** Files hashed at once (default: the cores available, at most 8). */
  concurrency?: number;
  /** Hash fixed-size shards of each file instead of whole files (the format's `shards` method). */
  shardSize?: number;
}

export const GIT_IGNORE_PATHS = [".git", ".gitattributes", ".github", ".gitignore"] as const;

/** The model cannot be hashed as asked: a refused symlink, a special file, a missing path. */
export class ModelHashError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "ModelHashError";
  }
}

/** Code-point order of two strings (the order Python compares `str` in). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const cx = (x[i] as string).codePointAt(0) as number;
    const cy = (y[i] as string).codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
  return x.length - y.length;
}

/** Manifest order: POSIX paths compared component by component, then shard start and end. */
export function compareManifestNames(a: string, b: string): number {
  const [pa, sa] = splitShard(a);
  const [pb, sb] = splitShard(b);
  const ca = pa.split("/");
  const cb = pb.split("/");
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const order = compareCodePoints(ca[i] as string, cb[i] as string);
    if (order !== 0) return order;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  if (sa && sb) return sa[0] - sb[0] || sa[1] - sb[1];
  return 0;
}

function splitShard(name: string): [string, [number, number] | null] {
  const match = /^(.*):(\d+):(\d+)$/.exec(name);
  if (!match) return [name, null];
  return [match[1] as string, [Number(match[2]), Number(match[3])]];
}

/** SHA-256 over the raw (binary) digests of the items, in the order given. */
export function manifestRootDigest(digestsHex: readonly string[]): string {
  const hash = createHash("sha256");
  for (const digest of digestsHex) hash.update(Buffer.from(digest, "hex"));
  return hash.digest("hex");
}

/** An ignore path in the manifest's form (relative POSIX, no `./`, no trailing slash); null when outside the model. */
export function normaliseIgnorePath(root: string, path: string): string | null {
  const absolute = resolve(root, path);
  const rel = relative(root, absolute);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join("/");
}

export function isIgnored(name: string, ignorePaths: readonly string[]): boolean {
  return ignorePaths.some((ignore) => name === ignore || name.startsWith(`${ignore}/`));
}

interface FileToHash {
  name: string;
  path: string;
  size: number;
}

async function collectFiles(
  root: string,
  ignorePaths: readonly string[],
  allowSymlinks: boolean,
): Promise<FileToHash[]> {
  const rootStat = await lstat(root).catch((error: NodeJS.ErrnoException) => {
    throw new ModelHashError(`Cannot read '${root}': ${error.code ?? error.message}.`, root);
  });
  if (rootStat.isSymbolicLink() && !allowSymlinks)
    throw new ModelHashError(`'${root}' is a symbolic link; symbolic links are refused unless allowed.`, root);
  const followed = rootStat.isSymbolicLink() ? await stat(root) : rootStat;
  if (followed.isFile()) return [{ name: ".", path: root, size: followed.size }];
  if (!followed.isDirectory()) throw new ModelHashError(`'${root}' is neither a file nor a directory.`, root);

  const files: FileToHash[] = [];
  const visited = new Set<string>([await realpath(root)]);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw new ModelHashError(
        `Cannot list '${prefix || "."}': ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
        dir,
      );
    }
    for (const entry of entries) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (isIgnored(name, ignorePaths)) continue;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!allowSymlinks)
          throw new ModelHashError(
            `'${name}' is a symbolic link; symbolic links are refused unless allowed (--allow-symlinks).`,
            path,
          );
        const target = await stat(path).catch(() => null);
        if (!target) throw new ModelHashError(`'${name}' is a broken symbolic link.`, path);
        if (target.isFile()) files.push({ name, path, size: target.size });
        else if (target.isDirectory()) {
          const real = await realpath(path);
          if (visited.has(real)) throw new ModelHashError(`'${name}' links back into a folder already walked.`, path);
          visited.add(real);
          await walk(path, name);
        } else throw new ModelHashError(`'${name}' links to something that is neither a file nor a directory.`, path);
      } else if (entry.isDirectory()) {
        await walk(path, name);
      } else if (entry.isFile()) {
        files.push({ name, path, size: 0 });
      } else {
        throw new ModelHashError(`'${name}' is neither a file nor a directory (a socket, pipe or device).`, path);
      }
    }
  };
  await walk(root, "");
  return files;
}

function shardsOf(size: number, shardSize: number): Array<[number, number]> {
  const shards: Array<[number, number]> = [];
  let start = 0;
  for (let end = shardSize; end < size; end += shardSize) {
    shards.push([start, end]);
    start = end;
  }
  shards.push([start, size]);
  return shards;
}

/**
 * Hashes a model (one file or a directory tree) into a manifest of per-file SHA-256 digests:
 * large files are streamed, several files are hashed at once. Throws ModelHashError, naming the
 * path, for a refused symbolic link, a special file or a path that cannot be read.
 */
export async function hashModel(path: string, options: HashModelOptions = {}): Promise<ModelManifest> {
  const root = resolve(path);
  const allowSymlinks = options.allowSymlinks ?? false;
  const ignore = new Set<string>();
  for (const p of options.ignorePaths ?? []) {
    const normalised = normaliseIgnorePath(root, p);
    if (normalised) ignore.add(normalised);
  }
  if (options.ignoreGitPaths ?? true) for (const p of GIT_IGNORE_PATHS) ignore.add(p);
  const ignorePaths = [...ignore].sort(compareManifestNames);
  const files = await collectFiles(root, ignorePaths, allowSymlinks);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(8, availableParallelism()));
  const shardSize = options.shardSize;
  if (shardSize !== undefined && (!Number.isInteger(shardSize) || shardSize <= 0))
    throw new ModelHashError(`The shard size must be a whole number of bytes above 0, got ${shardSize}.`, root);

  let items: ModelManifestItem[];
  const read = (file: FileToHash, range?: { start: number; end: number }) =>
    (range ? sha256FileRange(file.path, range) : sha256WholeFile(file.path)).catch((error: NodeJS.ErrnoException) => {
      throw new ModelHashError(`Cannot read '${file.name}': ${error.code ?? error.message}.`, file.path);
    });
  if (shardSize === undefined) {
    items = await mapConcurrent(files, concurrency, async (file) => {
      const { sha256, size } = await read(file);
      return { name: file.name, sha256, size };
    });
  } else {
    const sized = await mapConcurrent(files, concurrency, async (file) => ({
      file,
      size: (await stat(file.path)).size,
    }));
    const jobs = sized.flatMap(({ file, size }) =>
      shardsOf(size, shardSize).map(([start, end]) => ({ file, start, end })),
    );
    items = await mapConcurrent(jobs, concurrency, async ({ file, start, end }) => {
      const { sha256, size } = await read(file, { start, end });
      return { name: `${file.name}:${start}:${end}`, sha256, size };
    });
  }
  items.sort((a, b) => compareManifestNames(a.name, b.name));
  const serialization: ModelSerialization = {
    method: shardSize === undefined ? "files" : "shards",
    hash_type: "sha256",
    allow_symlinks: allowSymlinks,
    ignore_paths: ignorePaths,
    ...(shardSize === undefined ? {} : { shard_size: shardSize }),
  };
  return {
    modelName: basename(root),
    serialization,
    items,
    rootDigest: manifestRootDigest(items.map((item) => item.sha256)),
  };
}

/** A manifest as `aims model hash --format text` prints it: `sha256  name`, as `sha256sum` does. */
export function manifestToText(manifest: ModelManifest): string {
  return manifest.items.map((item) => `${item.sha256}  ${item.name}\n`).join("");
}
