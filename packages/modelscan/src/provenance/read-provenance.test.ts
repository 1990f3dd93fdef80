import { generateKeyPairSync, sign } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelProvenanceSchema } from "@openaims/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pae } from "../signing/format.js";
import { readProvenance } from "./read-provenance.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "aims-prov-"));
  await writeFile(join(dir, "model.safetensors"), "weights");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const subject = [{ name: "model.safetensors", digest: { sha256: "a".repeat(64) } }];

const slsaV1 = {
  _type: "https://in-toto.io/Statement/v1",
  subject,
  predicateType: "https://slsa.dev/provenance/v1",
  predicate: {
    buildDefinition: {
      buildType: "https://actions.github.io/buildtypes/workflow/v1",
      externalParameters: {
        workflow: {
          ref: "refs/tags/v1.2.0",
          repository: "https://github.com/example/train",
          path: ".github/workflows/train.yml",
        },
      },
      resolvedDependencies: [
        { uri: "git+https://github.com/example/train@refs/tags/v1.2.0", digest: { gitCommit: "c".repeat(40) } },
        { uri: "https://huggingface.co/datasets/example/corpus", digest: { sha256: "d".repeat(64) } },
      ],
    },
    runDetails: { builder: { id: "https://github.com/actions/runner/github-hosted" } },
  },
};

const slsaV02 = {
  _type: "https://in-toto.io/Statement/v0.1",
  subject,
  predicateType: "https://slsa.dev/provenance/v0.2",
  predicate: {
    builder: {
      id: "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.9.0",
    },
    buildType: "https://github.com/slsa-framework/slsa-github-generator/generic@v1",
    invocation: {
      configSource: {
        uri: "git+https://github.com/example/train@refs/heads/main",
        digest: { sha1: "e".repeat(40) },
        entryPoint: ".github/workflows/release.yml",
      },
    },
    materials: [{ uri: "git+https://github.com/example/train@refs/heads/main", digest: { sha1: "e".repeat(40) } }],
  },
};

function envelope(statement: unknown, key?: import("node:crypto").KeyObject) {
  const payload = Buffer.from(JSON.stringify(statement));
  const type = "application/vnd.in-toto+json";
  const sig = key ? sign("sha256", pae(type, payload), { key, dsaEncoding: "der" }).toString("base64") : "AAAA";
  return { payloadType: type, payload: payload.toString("base64"), signatures: [{ keyid: "", sig }] };
}

describe("readProvenance", () => {
  it("reads SLSA v1 from a Sigstore bundle next to a model file: builder, build type, source, dependencies", async () => {
    await writeFile(
      join(dir, "model.safetensors.sigstore.json"),
      JSON.stringify({
        mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
        verificationMaterial: {},
        dsseEnvelope: envelope(slsaV1),
      }),
    );
    const { found, problems } = await readProvenance(join(dir, "model.safetensors"));
    expect(problems).toEqual([]);
    expect(found).toHaveLength(1);
    const [first] = found;
    expect(modelProvenanceSchema.parse(first?.provenance)).toEqual({
      predicateType: "https://slsa.dev/provenance/v1",
      builder: "https://github.com/actions/runner/github-hosted",
      buildType: "https://actions.github.io/buildtypes/workflow/v1",
      source: "https://github.com/example/train@refs/tags/v1.2.0 (.github/workflows/train.yml)",
      materials: [
        { uri: "git+https://github.com/example/train@refs/tags/v1.2.0", digest: { gitCommit: "c".repeat(40) } },
        { uri: "https://huggingface.co/datasets/example/corpus", digest: { sha256: "d".repeat(64) } },
      ],
    });
    expect(first?.subjects).toEqual(subject);
    expect(first?.signature).toBe("unverified");
    expect(first?.reason).toMatch(/no public key/);
  });

  it("reads SLSA v0.2 envelopes from an .intoto.jsonl in a model folder, one per line, and checks them with a key", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await mkdir(join(dir, "attestations"));
    await writeFile(
      join(dir, "attestations", "release.intoto.jsonl"),
      `${JSON.stringify(envelope(slsaV02, privateKey))}\n${JSON.stringify(envelope(slsaV02))}\nnot json\n`,
    );
    const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const { found, problems } = await readProvenance(dir, { publicKeyPem });
    expect(found.map((f) => [f.file, f.signature])).toEqual([
      ["attestations/release.intoto.jsonl:1", "verified"],
      ["attestations/release.intoto.jsonl:2", "failed"],
    ]);
    expect(found[0]?.provenance).toMatchObject({
      builder: expect.stringContaining("generator_generic_slsa3.yml"),
      buildType: "https://github.com/slsa-framework/slsa-github-generator/generic@v1",
      source: "git+https://github.com/example/train@refs/heads/main (.github/workflows/release.yml)",
      materials: [{ uri: "git+https://github.com/example/train@refs/heads/main", digest: { sha1: "e".repeat(40) } }],
    });
    expect(problems).toEqual([{ file: "attestations/release.intoto.jsonl:3", error: "Not JSON." }]);
  });

  it("reads a bare in-toto statement with another predicate as unsigned, and skips model signatures", async () => {
    await writeFile(
      join(dir, "build.provenance.json"),
      JSON.stringify({
        _type: "https://in-toto.io/Statement/v1",
        subject,
        predicateType: "https://example.test/custom/v1",
        predicate: { builder: { id: "lab-runner-7" } },
      }),
    );
    await writeFile(
      join(dir, "model.sigstore.json"),
      JSON.stringify({
        dsseEnvelope: envelope({
          _type: "https://in-toto.io/Statement/v1",
          subject,
          predicateType: "https://model_signing/signature/v1.0",
          predicate: {},
        }),
      }),
    );
    const { found } = await readProvenance(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: "build.provenance.json",
      provenance: {
        predicateType: "https://example.test/custom/v1",
        builder: "lab-runner-7",
        source: null,
        materials: [],
      },
      signature: "unverified",
    });
  });

  it("finds nothing in a folder without provenance", async () => {
    expect(await readProvenance(dir)).toEqual({ found: [], problems: [] });
  });
});
