/**
 * A Sigstore-shaped test PKI built in memory, for keyless verification tests: a root and an
 * intermediate CA, a Fulcio-like leaf certificate (identity in the SAN, OIDC issuer in the
 * 1.3.6.1.4.1.57264.1.1 and .1.8 extensions), a Rekor-like log key that signs a DSSE entry (signed
 * entry timestamp and a one-leaf inclusion proof with a signed checkpoint), and the trusted_root.json
 * naming them. Certificates are DER-encoded here by hand; nothing is read from disk.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

// --- DER ---------------------------------------------------------------------------------------

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const octets = (content: Buffer) => tlv(0x04, content);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"));
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const explicit = (n: number, content: Buffer) => tlv(0xa0 + n, content);
const bitString = (content: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));

function integer(value: Buffer | number): Buffer {
  let bytes = typeof value === "number" ? Buffer.from([value]) : value;
  while (bytes.length > 1 && bytes[0] === 0 && ((bytes[1] as number) & 0x80) === 0) bytes = bytes.subarray(1);
  if (((bytes[0] as number) & 0x80) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const out = [40 * (parts[0] as number) + (parts[1] as number)];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [];
    let v = part;
    do {
      chunk.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] = (chunk[i] as number) | 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(date: Date): Buffer {
  const s = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return tlv(0x18, Buffer.from(`${s}Z`, "ascii"));
}

const name = (commonName: string) =>
  seq(set(seq(oid("2.5.4.10"), utf8("OpenAIMS test"))), set(seq(oid("2.5.4.3"), utf8(commonName))));

const ECDSA_SHA256 = seq(oid("1.2.840.10045.4.3.2"));

const extension = (id: string, critical: boolean, value: Buffer) =>
  critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));

const spki = (key: KeyObject) => key.export({ type: "spki", format: "der" }) as Buffer;
const keyId = (key: KeyObject) => createHash("sha1").update(spki(key)).digest();

export const FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
export const FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";

interface CertificateSpec {
  serial: number;
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  issuerKey: KeyObject;
  issuerPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
  san?: { email?: string; uri?: string };
  oidcIssuer?: string;
}

function certificate(spec: CertificateSpec): Buffer {
  const extensions: Buffer[] = [];
  if (spec.ca) {
    extensions.push(extension("2.5.29.19", true, seq(bool(true))));
    // keyCertSign (bit 5) and cRLSign (bit 6)
    extensions.push(extension("2.5.29.15", true, tlv(0x03, Buffer.from([1, 0x06]))));
  } else {
    // digitalSignature (bit 0)
    extensions.push(extension("2.5.29.15", true, tlv(0x03, Buffer.from([7, 0x80]))));
    extensions.push(extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.3"))));
  }
  extensions.push(extension("2.5.29.14", false, octets(keyId(spec.publicKey))));
  extensions.push(extension("2.5.29.35", false, seq(tlv(0x80, keyId(spec.issuerPublicKey)))));
  if (spec.san) {
    const names: Buffer[] = [];
    if (spec.san.email) names.push(tlv(0x81, Buffer.from(spec.san.email, "ascii")));
    if (spec.san.uri) names.push(tlv(0x86, Buffer.from(spec.san.uri, "ascii")));
    extensions.push(extension("2.5.29.17", true, seq(...names)));
  }
  if (spec.oidcIssuer) {
    extensions.push(extension(FULCIO_ISSUER_V1, false, Buffer.from(spec.oidcIssuer, "ascii")));
    extensions.push(extension(FULCIO_ISSUER_V2, false, utf8(spec.oidcIssuer)));
  }
  const tbs = seq(
    explicit(0, integer(2)),
    integer(spec.serial),
    ECDSA_SHA256,
    name(spec.issuer),
    seq(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spki(spec.publicKey),
    explicit(3, seq(...extensions)),
  );
  const signature = sign("sha256", tbs, { key: spec.issuerKey, dsaEncoding: "der" });
  return seq(tbs, ECDSA_SHA256, bitString(signature));
}

const p256 = () => generateKeyPairSync("ec", { namedCurve: "P-256" });

export interface TestPki {
  trustedRootJson: string;
  rootDer: Buffer;
  intermediateDer: Buffer;
  /** Issues a leaf for this identity, valid around `at`, and returns it with its private key. */
  issueLeaf(options: { email?: string; uri?: string; oidcIssuer: string; at: Date; validMinutes?: number }): {
    certDer: Buffer;
    privateKey: KeyObject;
  };
  /** A Rekor-like DSSE v0.0.1 log entry for an envelope, with a signed entry timestamp and an inclusion proof. */
  logEntry(
    envelope: { payload: Buffer; signature: Buffer },
    leafDer: Buffer,
    integratedTime: Date,
  ): Record<string, unknown>;
}

/** Builds a CA (root and intermediate) and a log, and the trusted_root.json naming both. */
export function createTestPki(options: { withLog?: boolean } = {}): TestPki {
  const withLog = options.withLog ?? true;
  const root = p256();
  const intermediate = p256();
  const rekor = p256();
  const start = new Date("2020-01-01T00:00:00Z");
  const end = new Date("2040-01-01T00:00:00Z");
  const rootDer = certificate({
    serial: 1,
    subject: "test-root",
    issuer: "test-root",
    publicKey: root.publicKey,
    issuerKey: root.privateKey,
    issuerPublicKey: root.publicKey,
    notBefore: start,
    notAfter: end,
    ca: true,
  });
  const intermediateDer = certificate({
    serial: 2,
    subject: "test-intermediate",
    issuer: "test-root",
    publicKey: intermediate.publicKey,
    issuerKey: root.privateKey,
    issuerPublicKey: root.publicKey,
    notBefore: start,
    notAfter: end,
    ca: true,
  });
  const rekorSpki = spki(rekor.publicKey);
  const logId = createHash("sha256").update(rekorSpki).digest();
  const origin = "rekor.test.openaims";
  const trustedRoot = {
    mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
    tlogs: withLog
      ? [
          {
            baseUrl: `https://${origin}`,
            hashAlgorithm: "SHA2_256",
            publicKey: {
              rawBytes: rekorSpki.toString("base64"),
              keyDetails: "PKIX_ECDSA_P256_SHA_256",
              validFor: { start: start.toISOString() },
            },
            logId: { keyId: logId.toString("base64") },
          },
        ]
      : [],
    certificateAuthorities: [
      {
        subject: { organization: "OpenAIMS test", commonName: "test-intermediate" },
        uri: "https://fulcio.test.openaims",
        certChain: {
          certificates: [{ rawBytes: intermediateDer.toString("base64") }, { rawBytes: rootDer.toString("base64") }],
        },
        validFor: { start: start.toISOString() },
      },
    ],
    ctlogs: [],
    timestampAuthorities: [],
  };
  let serial = 100;
  return {
    trustedRootJson: JSON.stringify(trustedRoot, null, 2),
    rootDer,
    intermediateDer,
    issueLeaf({ email, uri, oidcIssuer, at, validMinutes = 10 }) {
      const leaf = p256();
      const certDer = certificate({
        serial: serial++,
        subject: "",
        issuer: "test-intermediate",
        publicKey: leaf.publicKey,
        issuerKey: intermediate.privateKey,
        issuerPublicKey: intermediate.publicKey,
        notBefore: new Date(at.getTime() - 60_000),
        notAfter: new Date(at.getTime() + validMinutes * 60_000),
        ca: false,
        san: { ...(email ? { email } : {}), ...(uri ? { uri } : {}) },
        oidcIssuer,
      });
      return { certDer, privateKey: leaf.privateKey };
    },
    logEntry(envelope, leafDer, integratedTime) {
      const certPem = `-----BEGIN CERTIFICATE-----\n${leafDer
        .toString("base64")
        .replace(/(.{64})/g, "$1\n")
        .replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;
      const body = Buffer.from(
        JSON.stringify({
          apiVersion: "0.0.1",
          kind: "dsse",
          spec: {
            payloadHash: { algorithm: "sha256", value: createHash("sha256").update(envelope.payload).digest("hex") },
            signatures: [
              { signature: envelope.signature.toString("base64"), verifier: Buffer.from(certPem).toString("base64") },
            ],
          },
        }),
      );
      const seconds = Math.floor(integratedTime.getTime() / 1000);
      // The signed entry timestamp: canonical JSON of body, time, index and log id, keys sorted.
      const setPayload = `{"body":"${body.toString("base64")}","integratedTime":${seconds},"logID":"${logId.toString("hex")}","logIndex":0}`;
      const set = sign("sha256", Buffer.from(setPayload), { key: rekor.privateKey, dsaEncoding: "der" });
      // A one-leaf tree: the root is the leaf hash, and the proof has no hashes.
      const rootHash = createHash("sha256")
        .update(Buffer.from([0]))
        .update(body)
        .digest();
      const note = `${origin} - 1\n1\n${rootHash.toString("base64")}\n`;
      const noteSig = sign("sha256", Buffer.from(note), { key: rekor.privateKey, dsaEncoding: "der" });
      const checkpoint = `${note}\n\u2014 ${origin} ${Buffer.concat([logId.subarray(0, 4), noteSig]).toString("base64")}\n`;
      return {
        logIndex: "0",
        logId: { keyId: logId.toString("base64") },
        kindVersion: { kind: "dsse", version: "0.0.1" },
        integratedTime: String(seconds),
        inclusionPromise: { signedEntryTimestamp: set.toString("base64") },
        inclusionProof: {
          logIndex: "0",
          rootHash: rootHash.toString("base64"),
          treeSize: "1",
          hashes: [],
          checkpoint: { envelope: checkpoint },
        },
        canonicalizedBody: body.toString("base64"),
      };
    },
  };
}

/**
 * Signs a model keyless, as Sigstore would: the leaf certificate's key signs the DSSE envelope,
 * the bundle carries the certificate and (when the PKI has a log) the log entry.
 */
export async function signModelKeylessForTest(
  path: string,
  pki: TestPki,
  identity: { email?: string; uri?: string; oidcIssuer: string },
  options: { at?: Date; withLog?: boolean; ignorePaths?: string[] } = {},
): Promise<Record<string, unknown>> {
  const { hashModel } = await import("../../hashing/model-manifest.js");
  const { BUNDLE_MEDIA_TYPE, IN_TOTO_PAYLOAD_TYPE, manifestToStatement, pae } = await import("../format.js");
  const at = options.at ?? new Date();
  const { certDer, privateKey } = pki.issueLeaf({ ...identity, at });
  const manifest = await hashModel(path, { ignorePaths: options.ignorePaths ?? [] });
  const payload = Buffer.from(JSON.stringify(manifestToStatement(manifest), null, 2));
  const signature = sign("sha256", pae(IN_TOTO_PAYLOAD_TYPE, payload), { key: privateKey, dsaEncoding: "der" });
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: {
      certificate: { rawBytes: certDer.toString("base64") },
      tlogEntries: options.withLog === false ? [] : [pki.logEntry({ payload, signature }, certDer, at)],
    },
    dsseEnvelope: {
      payload: payload.toString("base64"),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: signature.toString("base64"), keyid: "" }],
    },
  };
}
