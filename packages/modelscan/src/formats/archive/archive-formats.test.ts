import { deflateSync, gzipSync } from "node:zlib";
import type { ModelScanReport } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { joblibArrayPickle, torchStateDictPickle } from "../../pickle/testing/model-pickles.js";
import { PickleWriter } from "../../pickle/testing/pickle-writer.js";
import { type ScanOptions, scanBytes } from "../../scan/scan-paths.js";
import { npy, tar, zip } from "../../testing/corpus-writers.js";

const evil = () => new PickleWriter().proto(2).call("os", "system", "id").stop().toBytes();
const ascii = (text: string) => new TextEncoder().encode(text);
const rulesOf = (report: ModelScanReport) => report.findings.map((f) => `${f.file} ${f.ruleId} ${f.location}`.trim());
const scan = (name: string, bytes: Uint8Array, options: ScanOptions = {}) => scanBytes(name, bytes, options);

function torchZip(folder: string, dataPkl: Uint8Array, extra: { name: string; data: Uint8Array }[] = []) {
  return zip([
    { name: `${folder}/data.pkl`, data: dataPkl },
    { name: `${folder}/byteorder`, data: ascii("little") },
    { name: `${folder}/data/0`, data: new Uint8Array(64), align: 64 },
    { name: `${folder}/version`, data: ascii("3\n") },
    { name: `${folder}/.data/serialization_id`, data: ascii("1234567890") },
    ...extra,
  ]);
}

describe("PyTorch checkpoints", () => {
  it("passes a real-shaped zip state dict under any folder name, storages unread", async () => {
    for (const folder of ["archive", "resnet18-f37072fd"]) {
      const report = await scan("model.pt", torchZip(folder, torchStateDictPickle(["w", "b"])));
      expect(report.files.map((f) => [f.path, f.format])).toEqual([["model.pt", "pytorch_zip"]]);
      expect(report.findings).toEqual([]);
    }
  });

  it("emulates data.pkl and every other pickle member, located by member and offset", async () => {
    const bytes = torchZip("x", evil(), [{ name: "x/extra.pkl", data: evil() }]);
    expect(rulesOf(await scan("m.pt", bytes))).toEqual([
      "m.pt pickle.code-execution-global x/data.pkl offset 2",
      "m.pt pickle.code-execution-global x/extra.pkl offset 2",
    ]);
  });

  it("reads the five pickles of the legacy stream form and the pickle member of the tar form", async () => {
    const magic = new PickleWriter().proto(2).long1(0x1950a86a20f9469cfc6cn).stop().toBytes();
    const plain = (value: number) => new PickleWriter().proto(2).int(value).stop().toBytes();
    const legacy = new Uint8Array([
      ...magic,
      ...plain(1001),
      ...plain(0),
      ...evil(),
      ...plain(0),
      ...new Uint8Array(32),
    ]);
    const stream = await scan("old.bin", legacy);
    expect(stream.files[0]?.format).toBe("pytorch_legacy");
    const payloadAt = magic.byteLength + plain(1001).byteLength + plain(0).byteLength + 2;
    expect(rulesOf(stream)).toEqual([`old.bin pickle.code-execution-global offset ${payloadAt}`]);
    const tarred = tar([
      { name: "storages", data: plain(0) },
      { name: "tensors", data: plain(0) },
      { name: "pickle", data: evil() },
    ]);
    const old = await scan("older.tar", tarred);
    expect(old.files[0]?.format).toBe("pytorch_legacy");
    expect(rulesOf(old)).toEqual(["older.tar pickle.code-execution-global pickle offset 2"]);
  });

  it("follows every storage record of the legacy tar form and emulates each record's pickle", async () => {
    const record = new PickleWriter()
      .proto(2)
      .unicode("0")
      .unicode("cpu")
      .global("torch", "FloatStorage")
      .tuple3()
      .stop();
    const recordBytes = record.toBytes();
    const elements = new Uint8Array([2, 0, 0, 0, 0, 0, 0, 0, ...new Uint8Array(8)]);
    const count = new PickleWriter().proto(2).int(2).stop().toBytes();
    const storages = new Uint8Array([...count, ...recordBytes, ...elements, ...evil()]);
    const tarred = tar([
      { name: "storages", data: storages },
      { name: "pickle", data: torchStateDictPickle(["w"]) },
    ]);
    const offset = count.byteLength + recordBytes.byteLength + elements.byteLength + 2;
    // The hostile record is not a (key, location, class) tuple either, so the walk stops there too.
    expect(rulesOf(await scan("old.tar", tarred))).toEqual([
      "old.tar pytorch.malformed storages",
      `old.tar pickle.code-execution-global storages offset ${offset}`,
    ]);
    const benign = tar([
      {
        name: "storages",
        data: new Uint8Array([...new PickleWriter().proto(2).int(1).stop().toBytes(), ...recordBytes, ...elements]),
      },
      { name: "pickle", data: torchStateDictPickle(["w"]) },
    ]);
    expect((await scan("ok.tar", benign)).findings).toEqual([]);
  });
});

describe("NumPy and joblib", () => {
  it("checks .npy headers strictly and emulates object arrays", async () => {
    expect((await scan("a.npy", npy("<f4", [2, 3], new Uint8Array(24)))).findings).toEqual([]);
    expect(rulesOf(await scan("a.npy", npy("<f4", [2, 3], new Uint8Array(20))))).toEqual([
      "a.npy numpy.malformed header",
    ]);
    const hostileHeader = npy("<f4", [1], new Uint8Array(4));
    hostileHeader.set(ascii("{'descr': __import__('os'), "), 10);
    expect(rulesOf(await scan("h.npy", hostileHeader))).toEqual(["h.npy numpy.malformed header"]);
    const objectArray = npy("|O", [1], evil());
    const objects = await scan("o.npy", objectArray);
    const payloadAt = objectArray.byteLength - evil().byteLength + 2;
    expect(rulesOf(objects)).toEqual([
      `o.npy pickle.code-execution-global data offset ${payloadAt}`,
      "o.npy numpy.object-array header",
    ]);
  });

  it("scans each array of an .npz", async () => {
    const npz = zip([
      { name: "weights.npy", data: npy("<f8", [2], new Uint8Array(16)) },
      { name: "labels.npy", data: npy("|O", [1], evil()), deflate: true },
    ]);
    const report = await scan("arrays.npz", npz);
    expect(report.files.map((f) => [f.path, f.format])).toEqual([
      ["arrays.npz", "numpy_npz"],
      ["arrays.npz!labels.npy", "numpy_npy"],
      ["arrays.npz!weights.npy", "numpy_npy"],
    ]);
    expect(report.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ["arrays.npz!labels.npy", "pickle.code-execution-global"],
      ["arrays.npz!labels.npy", "numpy.object-array"],
    ]);
  });

  it("passes a joblib dump, skipping its inline arrays, and expands a zlib-compressed one", async () => {
    const dump = joblibArrayPickle(8);
    const plain = await scan("model.joblib", dump);
    expect([plain.files[0]?.format, plain.findings]).toEqual(["joblib", []]);
    const compressed = await scan("model.joblib", deflateSync(evil()));
    expect(rulesOf(compressed)).toEqual(["model.joblib pickle.code-execution-global expanded offset 2"]);
    const lz4 = await scan("model.joblib", Uint8Array.of(0x04, 0x22, 0x4d, 0x18, 1, 2, 3));
    expect(rulesOf(lz4)).toEqual(["model.joblib pickle.not-checked"]);
  });
});

describe("archives", () => {
  it("scans zip, tar and gzip members as files of their own, nested archives included", async () => {
    const inner = tar([{ name: "inner/payload.pkl", data: evil() }]);
    const outer = zip([
      { name: "readme.txt", data: ascii("hello") },
      { name: "bundle.tar.gz", data: gzipSync(inner) },
    ]);
    const report = await scan("outer.zip", outer);
    expect(report.files.map((f) => [f.path, f.format])).toEqual([
      ["outer.zip", "archive"],
      ["outer.zip!bundle.tar.gz", "archive"],
      ["outer.zip!bundle.tar.gz!bundle.tar", "archive"],
      ["outer.zip!bundle.tar.gz!bundle.tar!inner/payload.pkl", "pickle"],
      ["outer.zip!readme.txt", "text"],
    ]);
    expect(rulesOf(report)).toEqual([
      "outer.zip!bundle.tar.gz!bundle.tar!inner/payload.pkl pickle.code-execution-global offset 2",
    ]);
    expect(report.files.every((f) => f.sha256 !== null && f.status === "scanned")).toBe(true);
  });

  it("reports zip-slip names in zips and tars", async () => {
    const slip = zip([
      { name: "../../etc/cron.d/x", data: ascii("x") },
      { name: "/abs/path.txt", data: ascii("y") },
    ]);
    expect(rulesOf(await scan("slip.zip", slip)).filter((r) => r.includes("path-traversal"))).toEqual([
      "slip.zip archive.path-traversal ../../etc/cron.d/x",
      "slip.zip archive.path-traversal /abs/path.txt",
    ]);
    const tarSlip = tar([{ name: "../evil.pkl", data: evil() }]);
    expect(rulesOf(await scan("slip.tar", tarSlip))).toContain("slip.tar archive.path-traversal ../evil.pkl");
  });

  it("stops a zip bomb at the ratio limit without expanding it", async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = zip([{ name: "zeros.bin", data: zeros, deflate: true }]);
    expect(bomb.byteLength).toBeLessThan(40 * 1024);
    const report = await scan("bomb.zip", bomb);
    expect(rulesOf(report)).toEqual(["bomb.zip archive.bomb zeros.bin"]);
    expect(report.files.map((f) => f.path)).toEqual(["bomb.zip"]);
  });

  it("stops at the entry count, total size and nesting limits", async () => {
    const many = zip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: ascii("x") })));
    expect(rulesOf(await scan("many.zip", many, { limits: { maxArchiveEntries: 3 } }))).toContain(
      "many.zip archive.bomb",
    );
    const big = zip([
      { name: "a.txt", data: ascii("a".repeat(1000)) },
      { name: "b.txt", data: ascii("b".repeat(1000)) },
    ]);
    expect(rulesOf(await scan("big.zip", big, { limits: { maxUncompressedBytes: 1500 } }))).toContain(
      "big.zip archive.bomb b.txt",
    );
    let nested = zip([{ name: "core.txt", data: ascii("x") }]);
    for (let i = 0; i < 6; i++) nested = zip([{ name: `level${i}.zip`, data: nested }]);
    const deep = await scan("deep.zip", nested);
    expect(deep.findings.map((f) => f.ruleId)).toEqual(["archive.bomb"]);
    expect(deep.files).toHaveLength(5);
  });

  it("reports a broken zip and a broken gzip as findings, not crashes", async () => {
    const broken = zip([{ name: "a.txt", data: ascii("x") }]).subarray(0, 40);
    expect((await scan("broken.zip", broken)).findings.map((f) => f.ruleId)).toEqual(["archive.malformed"]);
    const gz = gzipSync(ascii("hello world")).subarray(0, 12);
    expect((await scan("broken.gz", gz)).findings.map((f) => f.ruleId)).toEqual(["archive.malformed"]);
  });
});
