/**
 * Model scanning at size: a 2 GB safetensors file and a 1 GB PyTorch zip checkpoint (real-shaped
 * header and pickle, big storage entries), written in streamed chunks into a temporary folder, and a
 * folder of 10,000 small pickles. `sha256sum` on the same files in the same run is the yardstick:
 * the engine's hash + scan (`scanPaths`, which hashes every file) and `aims model hash`'s hashModel
 * should reach ≥ 80 % of its throughput; the 10,000 pickles should scan in < 5 s; peak memory should
 * not grow with the file (streamed). Each measurement runs in a child process of its own.
 *
 * Alone: `node --import tsx bench/model-scan.ts` (AIMS_BENCH_MODELSCAN_GB=2 sets the safetensors size,
 * the checkpoint is half of it; AIMS_BENCH_MODELSCAN_PICKLES=10000).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";
import { torchStateDictPickle } from "../packages/modelscan/src/testing/corpus-cases.js";
import { framedPickle } from "../packages/modelscan/src/testing/corpus-writers.js";

const run = promisify(execFile);
const MB = 1024 * 1024;
const CHUNK = 8 * MB;

export interface ModelScanStep {
  seconds: number;
  mbPerSecond: number;
  ratioToSha256sum: number | null;
  maxRssMb: number | null;
  error?: string;
}

export interface ModelScanFileResult {
  file: string;
  sizeMb: number;
  sha256sum: ModelScanStep;
  /** `openssl dgst -sha256` beside it: coreutils sha256sum may not use the CPU's SHA instructions. */
  openssl: ModelScanStep;
  scan: ModelScanStep;
  hash: ModelScanStep;
}

export interface ModelScanBenchResult {
  files: ModelScanFileResult[];
  pickles: {
    count: number;
    seconds: number | null;
    /** sha256sum over the same files, for how much of the time is the file system's. */
    sha256sumSeconds: number;
    error?: string;
    maxRssMb: number | null;
  };
}

/** A buffer of pseudo-random bytes (xorshift), the same on every run. */
function noise(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  return out;
}

async function writeRepeated(path: string, head: Uint8Array, chunk: Buffer, repeats: number, tail?: Uint8Array) {
  const handle = await open(path, "w");
  try {
    await handle.write(head);
    for (let i = 0; i < repeats; i++) await handle.write(chunk);
    if (tail) await handle.write(tail);
  } finally {
    await handle.close();
  }
}

/** A safetensors file of `tensors` F32 tensors of `tensorBytes` each, data streamed in chunks. */
async function writeSafetensors(path: string, tensors: number, tensorBytes: number): Promise<void> {
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  for (let i = 0; i < tensors; i++)
    header[`layers.${i}.weight`] = {
      dtype: "F32",
      shape: [tensorBytes / 4 / 1024, 1024],
      data_offsets: [i * tensorBytes, (i + 1) * tensorBytes],
    };
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const lengthBytes = Buffer.alloc(8);
  lengthBytes.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  const chunk = noise(CHUNK, 7);
  await writeRepeated(path, Buffer.concat([lengthBytes, Buffer.from(json)]), chunk, (tensors * tensorBytes) / CHUNK);
}

/** A PyTorch zip checkpoint: archive/data.pkl of a state dict, then one stored, 64-byte aligned entry per storage. */
async function writeTorchZip(path: string, storages: number, storageBytes: number): Promise<void> {
  const side = Math.sqrt(storageBytes / 4);
  const pickle = torchStateDictPickleBig(storages, side);
  const chunk = noise(CHUNK, 11);
  let chunkCrc = 0;
  for (let i = 0; i < storageBytes / CHUNK; i++) chunkCrc = crc32(chunk, chunkCrc) >>> 0;
  const entries: { name: string; data?: Uint8Array; size: number; crc: number }[] = [
    { name: "archive/data.pkl", data: pickle, size: pickle.byteLength, crc: crc32(pickle) >>> 0 },
    ...Array.from({ length: storages }, (_, i) => ({ name: `archive/data/${i}`, size: storageBytes, crc: chunkCrc })),
    { name: "archive/version", data: Buffer.from("3\n"), size: 2, crc: crc32(Buffer.from("3\n")) >>> 0 },
  ];
  const handle = await open(path, "w");
  const central: Buffer[] = [];
  let offset = 0;
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name);
      const pad = (64 - ((offset + 30 + name.length + 4) % 64)) % 64;
      const local = Buffer.alloc(30 + name.length + 4 + pad);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(10, 4);
      local.writeUInt16LE(0x21, 12); // 1980-01-01
      local.writeUInt32LE(entry.crc, 14);
      local.writeUInt32LE(entry.size, 18);
      local.writeUInt32LE(entry.size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(4 + pad, 28);
      name.copy(local, 30);
      local.writeUInt16LE(0x4646, 30 + name.length);
      local.writeUInt16LE(pad, 32 + name.length);
      await handle.write(local);
      if (entry.data) await handle.write(entry.data);
      else for (let i = 0; i < entry.size / CHUNK; i++) await handle.write(chunk);
      const record = Buffer.alloc(46 + name.length);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(0x031e, 4);
      record.writeUInt16LE(10, 6);
      record.writeUInt16LE(0x21, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.size, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      record.writeUInt32LE(offset, 42);
      name.copy(record, 46);
      central.push(record);
      offset += local.length + entry.size;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await handle.write(directory);
    await handle.write(end);
  } finally {
    await handle.close();
  }
}

/** The torch.save state-dict pickle for `storages` square float tensors of `side` × `side`. */
function torchStateDictPickleBig(storages: number, side: number): Uint8Array {
  return torchStateDictPickle(
    Array.from({ length: storages }, (_, i) => ({ name: `layers.${i}.weight`, shape: [side, side] })),
  );
}

async function opensslSha256(paths: string[]): Promise<{ seconds: number }> {
  const started = performance.now();
  await run("openssl", ["dgst", "-sha256", ...paths], { maxBuffer: 64 * MB });
  return { seconds: (performance.now() - started) / 1000 };
}

async function sha256sum(paths: string[]): Promise<{ seconds: number }> {
  const started = performance.now();
  await run("sha256sum", paths, { maxBuffer: 64 * MB });
  return { seconds: (performance.now() - started) / 1000 };
}

async function child(mode: "scan" | "hash", paths: string[]): Promise<{ seconds: number; maxRssMb: number }> {
  const script = fileURLToPath(new URL("./model-scan-child.ts", import.meta.url));
  const { stdout } = await run(process.execPath, ["--import", "tsx", script, JSON.stringify({ mode, paths })], {
    maxBuffer: 64 * MB,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { seconds: number; maxRssMb: number };
}

async function step(
  sizeMb: number,
  baseline: number | null,
  measure: () => Promise<{ seconds: number; maxRssMb?: number }>,
): Promise<ModelScanStep> {
  try {
    const { seconds, maxRssMb } = await measure();
    const mbPerSecond = sizeMb / seconds;
    return {
      seconds,
      mbPerSecond,
      ratioToSha256sum: baseline ? mbPerSecond / baseline : null,
      maxRssMb: maxRssMb ?? null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error);
    return { seconds: 0, mbPerSecond: 0, ratioToSha256sum: null, maxRssMb: null, error: message };
  }
}

export async function benchModelScan(
  options: { safetensorsGb?: number; pickles?: number } = {},
  log: (message: string) => void = () => {},
): Promise<ModelScanBenchResult> {
  const gb = options.safetensorsGb ?? 2;
  const pickleCount = options.pickles ?? 10_000;
  const dir = await mkdtemp(join(tmpdir(), "aims-bench-modelscan-"));
  try {
    const safetensorsPath = join(dir, "model.safetensors");
    const torchPath = join(dir, "checkpoint.pt");
    const tensorBytes = 256 * MB;
    log(`model scan: writing a ${gb} GB safetensors file and a ${gb / 2} GB PyTorch checkpoint`);
    await writeSafetensors(safetensorsPath, (gb * 1024 * MB) / tensorBytes, tensorBytes);
    await writeTorchZip(torchPath, (gb * 512 * MB) / tensorBytes, tensorBytes);
    log(`model scan: writing ${pickleCount} small pickles`);
    const pickleDir = join(dir, "pickles");
    await mkdir(pickleDir);
    for (let i = 0; i < pickleCount; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, pickleCount - i) }, async (_, k) => {
          const bytes = framedPickle((w) => {
            w.emptyDict()
              .memoize()
              .shortBinUnicode(`step_${i + k}`)
              .binInt(i + k)
              .setItem();
          });
          const handle = await open(join(pickleDir, `p${i + k}.pkl`), "w");
          await handle.write(bytes);
          await handle.close();
        }),
      );
    }

    const files: ModelScanFileResult[] = [];
    for (const [label, path, sizeMb] of [
      [`safetensors ${gb} GB`, safetensorsPath, gb * 1024],
      [`PyTorch zip ${gb / 2} GB`, torchPath, gb * 512],
    ] as const) {
      // Read once so every contender starts from the same page cache.
      await sha256sum([path]);
      log(`model scan: ${label}`);
      const base = await step(sizeMb, null, () => sha256sum([path]));
      const scan = await step(sizeMb, base.mbPerSecond, () => child("scan", [path]));
      const hash = await step(sizeMb, base.mbPerSecond, () => child("hash", [path]));
      const openssl = await step(sizeMb, base.mbPerSecond, () => opensslSha256([path]));
      files.push({ file: label, sizeMb, sha256sum: base, openssl, scan, hash });
    }

    log(`model scan: ${pickleCount} pickles`);
    const pickleFiles = Array.from({ length: pickleCount }, (_, i) => join(pickleDir, `p${i}.pkl`));
    const { seconds: sha256sumSeconds } = await sha256sum(pickleFiles);
    let pickles: ModelScanBenchResult["pickles"];
    try {
      const measured = await child("scan", [pickleDir]);
      pickles = { count: pickleCount, seconds: measured.seconds, sha256sumSeconds, maxRssMb: measured.maxRssMb };
    } catch (error) {
      const message = String(error).split("\n")[0];
      pickles = { count: pickleCount, seconds: null, sha256sumSeconds, maxRssMb: null, error: message };
    }
    return { files, pickles };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

export function formatModelScanTable(result: ModelScanBenchResult): string {
  const lines = ["model scan                         MB/s    vs sha256sum (target >= 80 %)   peak RSS MB"];
  for (const file of result.files) {
    lines.push(`${file.file}`);
    for (const [name, s] of [
      ["  sha256sum", file.sha256sum],
      ["  openssl dgst -sha256", file.openssl],
      ["  scanPaths (hash + scan)", file.scan],
      ["  hashModel (aims model hash)", file.hash],
    ] as const) {
      if (s.error) {
        lines.push(`${name.padEnd(34)} failed: ${s.error}`);
        continue;
      }
      const ratio =
        s.ratioToSha256sum === null
          ? ""
          : `${fixed(s.ratioToSha256sum * 100)} % ${s.ratioToSha256sum >= 0.8 ? "ok" : "MISSED"}`;
      lines.push(
        `${name.padEnd(34)} ${fixed(s.mbPerSecond).padStart(5)}   ${ratio.padEnd(30)} ${s.maxRssMb === null ? "" : fixed(s.maxRssMb)}`,
      );
    }
  }
  const p = result.pickles;
  lines.push(
    p.seconds === null
      ? `${p.count} pickles: failed: ${p.error}`
      : `${p.count} pickles: ${fixed(p.seconds, 2)} s (target < 5 s) ${p.seconds < 5 ? "ok" : "MISSED"}, peak RSS ${fixed(p.maxRssMb ?? 0)} MB; sha256sum over them ${fixed(p.sha256sumSeconds, 2)} s`,
  );
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const gb = Number(process.env.AIMS_BENCH_MODELSCAN_GB ?? 2);
  const pickles = Number(process.env.AIMS_BENCH_MODELSCAN_PICKLES ?? 10_000);
  const result = await benchModelScan({ safetensorsGb: gb, pickles }, (m) => process.stderr.write(`${m}\n`));
  process.stdout.write(`${formatModelScanTable(result)}\n`);
}
