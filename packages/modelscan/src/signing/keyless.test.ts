import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPki, signModelKeylessForTest, type TestPki } from "./testing/test-pki.js";
import { verifyModel } from "./verify.js";

const ISSUER = "https://accounts.example.test";
const IDENTITY = "release-bot@example.test";

let pki: TestPki;
let dir: string;
let model: string;
beforeAll(() => {
  pki = createTestPki();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "aims-keyless-"));
  model = join(dir, "model");
  await mkdir(model);
  await writeFile(join(model, "weights.bin"), Buffer.alloc(2048, 3));
  await writeFile(join(model, "config.json"), "{}");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeBundle(bundle: Record<string, unknown>): Promise<string> {
  const path = join(dir, "model.sig");
  await writeFile(path, JSON.stringify(bundle, null, 2));
  return path;
}

const identity = (certificateIdentity = IDENTITY, certificateOidcIssuer = ISSUER) => ({
  certificateIdentity,
  certificateOidcIssuer,
});

describe("keyless verification against an offline trust root", () => {
  it("verifies a certificate chained to the trust root's CA, with the identity and issuer asked for", async () => {
    const signaturePath = await writeBundle(
      await signModelKeylessForTest(model, pki, { email: IDENTITY, oidcIssuer: ISSUER }),
    );
    const result = await verifyModel(model, { signaturePath, identity: identity(), trustRoot: pki.trustedRootJson });
    expect(result).toMatchObject({ status: "verified", signer: `${IDENTITY} (issuer ${ISSUER})`, reason: null });

    await writeFile(join(model, "weights.bin"), Buffer.alloc(2048, 4));
    const changed = await verifyModel(model, { signaturePath, identity: identity(), trustRoot: pki.trustedRootJson });
    expect(changed).toMatchObject({ status: "failed", changed: ["weights.bin"] });
  });

  it("accepts a URI identity (a CI workflow)", async () => {
    const uri = "https://github.com/example/models/.github/workflows/release.yml@refs/heads/main";
    const signaturePath = await writeBundle(await signModelKeylessForTest(model, pki, { uri, oidcIssuer: ISSUER }));
    const result = await verifyModel(model, { signaturePath, identity: identity(uri), trustRoot: pki.trustedRootJson });
    expect(result.status).toBe("verified");
  });

  it("fails on another identity, and on another issuer, saying which", async () => {
    const signaturePath = await writeBundle(
      await signModelKeylessForTest(model, pki, { email: IDENTITY, oidcIssuer: ISSUER }),
    );
    const wrongIdentity = await verifyModel(model, {
      signaturePath,
      identity: identity("someone@example.test"),
      trustRoot: pki.trustedRootJson,
    });
    expect(wrongIdentity.status).toBe("failed");
    expect(wrongIdentity.reason).toMatch(/someone@example\.test|subject alternative name/i);
    const wrongIssuer = await verifyModel(model, {
      signaturePath,
      identity: identity(IDENTITY, "https://token.actions.githubusercontent.com"),
      trustRoot: pki.trustedRootJson,
    });
    expect(wrongIssuer.status).toBe("failed");
    expect(wrongIssuer.reason).toMatch(/issuer/);
  });

  it("fails for a certificate from a CA the trust root does not name", async () => {
    const other = createTestPki();
    const signaturePath = await writeBundle(
      await signModelKeylessForTest(model, other, { email: IDENTITY, oidcIssuer: ISSUER }),
    );
    const result = await verifyModel(model, { signaturePath, identity: identity(), trustRoot: pki.trustedRootJson });
    expect(result.status).toBe("failed");
    expect(result.reason).toMatch(/certificate|tlog|inclusion/i);
  });

  it("fails when the log entry's time is outside the certificate's validity", async () => {
    const bundle = await signModelKeylessForTest(model, pki, { email: IDENTITY, oidcIssuer: ISSUER });
    // A bundle whose leaf was valid an hour ago, logged now.
    const { certDer } = pki.issueLeaf({ email: IDENTITY, oidcIssuer: ISSUER, at: new Date(Date.now() - 3_600_000) });
    (bundle.verificationMaterial as { certificate: { rawBytes: string } }).certificate.rawBytes =
      certDer.toString("base64");
    const signaturePath = await writeBundle(bundle);
    const result = await verifyModel(model, { signaturePath, identity: identity(), trustRoot: pki.trustedRootJson });
    expect(result.status).toBe("failed");
  });

  it("requires a log entry when the trust root names a log", async () => {
    const signaturePath = await writeBundle(
      await signModelKeylessForTest(model, pki, { email: IDENTITY, oidcIssuer: ISSUER }, { withLog: false }),
    );
    const result = await verifyModel(model, { signaturePath, identity: identity(), trustRoot: pki.trustedRootJson });
    expect(result.status).toBe("failed");
    expect(result.reason).toMatch(/timestamp|tlog/i);
  });

  it("fails when the envelope's payload was changed after logging", async () => {
    const bundle = await signModelKeylessForTest(model, pki, { email: IDENTITY, oidcIssuer: ISSUER });
    const envelope = bundle.dsseEnvelope as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString());
    statement.predicate.resources.pop();
    envelope.payload = Buffer.from(JSON.stringify(statement)).toString("base64");
    const signaturePath = await writeBundle(bundle);
    const result = await verifyModel(model, { signaturePath, identity: identity(), trustRoot: pki.trustedRootJson });
    expect(result.status).toBe("failed");
  });

  it("says the trust root must be supplied offline when none is given", async () => {
    const signaturePath = await writeBundle(
      await signModelKeylessForTest(model, pki, { email: IDENTITY, oidcIssuer: ISSUER }),
    );
    const result = await verifyModel(model, { signaturePath, identity: identity() });
    expect(result.status).toBe("not_checked");
    expect(result.reason).toMatch(/--trust-root/);
    expect(result.reason).toMatch(/no network/);
  });
});
