import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { provenanceFromStatement } from "../provenance/read-provenance.js";
import { paeCompat, parseModelBundle, SignatureFormatError, statementToManifest } from "./format.js";

/** Hostile signature files and statements are refused with a SignatureFormatError, never a crash. */

const refusedOrRead = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SignatureFormatError);
  }
};

const statementLike = fc.record(
  {
    _type: fc.oneof(fc.constant("https://in-toto.io/Statement/v1"), fc.string()),
    subject: fc.oneof(
      fc.array(
        fc.record({ name: fc.oneof(fc.string(), fc.integer()), digest: fc.dictionary(fc.string(), fc.jsonValue()) }),
      ),
      fc.jsonValue(),
    ),
    predicateType: fc.constantFrom(
      "https://model_signing/signature/v1.0",
      "https://model_signing/Digests/v0.1",
      "https://slsa.dev/provenance/v1",
      "https://slsa.dev/provenance/v0.2",
      "other",
    ),
    predicate: fc.oneof(
      fc.record({
        serialization: fc.oneof(
          fc.record({
            method: fc.constantFrom("files", "shards", "x"),
            hash_type: fc.constantFrom("sha256", "blake3"),
            shard_size: fc.jsonValue(),
            ignore_paths: fc.jsonValue(),
            allow_symlinks: fc.jsonValue(),
          }),
          fc.jsonValue(),
        ),
        resources: fc.oneof(
          fc.array(fc.record({ name: fc.jsonValue(), digest: fc.jsonValue(), algorithm: fc.string() })),
          fc.jsonValue(),
        ),
        builder: fc.jsonValue(),
        materials: fc.jsonValue(),
        runDetails: fc.jsonValue(),
        buildDefinition: fc.jsonValue(),
        invocation: fc.jsonValue(),
      }),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

describe("hostile model signatures", () => {
  it("refuses or reads any JSON as a bundle, never crashing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            mediaType: fc.constant("application/vnd.dev.sigstore.bundle.v0.3+json"),
            dsseEnvelope: fc.jsonValue(),
            verificationMaterial: fc.jsonValue(),
          }),
        ),
        (json) => refusedOrRead(() => parseModelBundle(JSON.stringify(json))),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => refusedOrRead(() => parseModelBundle(text))),
      { numRuns: 200 },
    );
  });

  it("refuses or reads any statement, and reads provenance from any statement without crashing", () => {
    fc.assert(
      fc.property(statementLike, (statement) => {
        refusedOrRead(() => statementToManifest(Buffer.from(JSON.stringify(statement))));
        const provenance = provenanceFromStatement(statement as Record<string, unknown>);
        expect(typeof provenance.predicateType).toBe("string");
      }),
      { numRuns: 400 },
    );
  });

  it("encodes any payload in the 0.2 form as ASCII", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(paeCompat("t", bytes).every((b) => b < 0x80)).toBe(true);
      }),
    );
  });
});
