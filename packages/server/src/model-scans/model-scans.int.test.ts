import { scanBytes } from "@openaims/modelscan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { maliciousReportFixture, modelScanReportFixture } from "./model-scan-test-fixtures.js";

interface Finding {
  id: string;
  ruleId: string;
  severity: string;
  version: number;
  status: string;
  risk: { id: string; ref: string } | null;
  nonconformity: { id: string; ref: string } | null;
}

/** Model scans in the management system: recorded from an uploaded report or a file, as evidence, with finding actions. */
describe("model scans", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let assetId: string;
  let systemId: string;

  beforeAll(async () => {
    // A small upload limit, so the 413 case needs no large body.
    t = await startTestServer({ modelUploadMaxBytes: 64 * 1024 });
    owner = await t.addOrg("Model scans");
    other = await t.addOrg("Other model scans");
    systemId = await givenSystem(t.db, owner.orgId, "credit-model");
    const asset = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/assets`,
      payload: { name: "credit-scorer-v3", kind: "model" },
    });
    assetId = asset.json().id;
  });
  afterAll(() => t.close());

  const base = (member: TestMember) => `/api/v1/orgs/${member.orgId}/model-scans`;
  const upload = (payload: unknown, member: TestMember = owner) =>
    t.call(member.token, { method: "POST", url: base(member), payload: payload as object });
  const get = (url: string, member: TestMember = owner) =>
    t.call(member.token, { method: "GET", url: `/api/v1/orgs/${member.orgId}${url}` });
  const act = (finding: Finding, action: string, payload: object, member: TestMember = owner) =>
    t.call(member.token, {
      method: "POST",
      url: `${base(member)}/findings/${finding.id}/${action}`,
      payload,
    });

  it("records an uploaded report with its findings and files evidence on the asset, its controls and the system", async () => {
    const report = maliciousReportFixture();
    const signature = {
      status: "failed",
      predicateType: "https://model_signing/signature/v1.0",
      signer: "key sha256:ab12",
      changed: ["model/pytorch_model.bin"],
      added: [],
      removed: [],
      reason: "model/pytorch_model.bin does not match its signed digest",
    };
    const res = await upload({ asset: "credit-scorer-v3", system: "credit-model", report, signature });
    expect(res.statusCode, res.body).toBe(201);
    const scan = res.json();
    expect(scan).toMatchObject({
      ref: "MS-1",
      asset: { id: assetId, name: "credit-scorer-v3", kind: "model" },
      system: { id: systemId, slug: "credit-model" },
      origin: "cli",
      status: "completed",
      verdict: "unsafe",
      filesScanned: 2,
      bySeverity: { critical: 1, high: 1, medium: 0 },
      highestSeverity: "critical",
      openFindings: 2,
      signatureStatus: "failed",
      signature: { changed: ["model/pytorch_model.bin"] },
    });

    const evidence = (await get(`/evidence/${scan.evidence.id}`)).json();
    expect(evidence).toMatchObject({ kind: "record", source: "engine" });
    expect(evidence.title).toBe("Model scan MS-1 of credit-scorer-v3: unsafe (1 critical, 1 high)");
    expect(evidence.body).toContain("Signature check failed");
    expect(evidence.body).toContain(report.files[1]?.sha256);
    const links = evidence.links.map((l: { targetType: string; ref: string }) => `${l.targetType} ${l.ref}`).sort();
    expect(links).toEqual([
      "asset credit-scorer-v3",
      "control A.10.3",
      "control A.4.4",
      "control A.7.5",
      "system credit-model",
    ]);
    expect(evidence.links.find((l: { targetType: string }) => l.targetType === "asset")).toMatchObject({
      targetId: assetId,
      title: "credit-scorer-v3",
    });
    // The asset's evidence list shows the scan; another organisation cannot list it by the asset's id.
    const onAsset = (await get(`/evidence?assetId=${assetId}`)).json();
    expect(onAsset.items.map((item: { id: string }) => item.id)).toContain(scan.evidence.id);
    const foreign = (await get(`/evidence?assetId=${assetId}`, other)).json();
    expect(foreign.items).toEqual([]);

    const detail = (await get(`/model-scans/${scan.id}`)).json();
    expect(detail.files.map((f: { path: string; format: string }) => `${f.path} ${f.format}`)).toEqual([
      "model/model.safetensors safetensors",
      "model/pytorch_model.bin pytorch_zip",
    ]);
    expect(detail.findings.map((f: Finding) => `${f.severity} ${f.ruleId}`)).toEqual([
      "critical pickle.code-execution-global",
      "high pickle.unsafe-global",
    ]);
    expect(detail.findings[0].tags).toEqual({ cwe: ["CWE-502"], owaspAgentic: ["ASI04"] });

    const listed = (await get(`/model-scans?asset=credit-scorer-v3`)).json();
    expect(listed.items.map((s: { ref: string }) => s.ref)).toEqual(["MS-1"]);
    expect((await get(`/model-scans?verdict=clean`)).json().items).toEqual([]);

    const download = await get(`/model-scans/${scan.id}/report.json`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["x-content-sha256"]).toBe(scan.reportSha256);
    expect(JSON.parse(download.body)).toEqual(report);
    const sarif = await get(`/model-scans/${scan.id}/report.sarif`);
    expect(sarif.statusCode).toBe(200);
    expect(sarif.headers["content-type"]).toContain("application/sarif+json");
    const log = JSON.parse(sarif.body);
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      "pickle.code-execution-global",
      "pickle.unsafe-global",
    ]);
  });

  it("answers a retried upload of the same report with the scan already recorded, and counts it once", async () => {
    // A report the engine wrote over an in-memory malicious pickle (GLOBAL builtins.exec … REDUCE).
    const report = await scanBytes("retry/model.pkl", Buffer.from("cbuiltins\nexec\n(S'print(1)'\ntR.", "latin1"));
    expect(report.summary.highestSeverity).toBe("critical");
    const first = await upload({ asset: assetId, report });
    expect(first.statusCode, first.body).toBe(201);
    // The same report with its keys in another order is the same report.
    const reordered = JSON.parse(JSON.stringify(report, Object.keys(report).reverse()));
    const again = await upload({ asset: assetId, report: { ...reordered, ...report } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, ref: first.json().ref, system: null });
    const count = await t.db
      .selectFrom("model_scans")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", owner.orgId)
      .where("report_sha256", "=", first.json().reportSha256)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("raises a risk and a nonconformity from findings in one action each, and refuses a second action", async () => {
    const res = await upload({ asset: assetId, system: systemId, report: maliciousReportFixture("actions") });
    const scan = res.json();
    const findings: Finding[] = (await get(`/model-scans/${scan.id}`)).json().findings;
    const [critical, high] = findings as [Finding, Finding];

    const risk = await act(critical, "raise-risk", { version: critical.version });
    expect(risk.statusCode, risk.body).toBe(200);
    expect(risk.json()).toMatchObject({ status: "risk_raised", version: critical.version + 1 });
    const riskRecord = (await get(`/risks/${risk.json().risk.id}`)).json();
    expect(riskRecord).toMatchObject({
      title: `Pickle calls os.system when loaded (${scan.ref})`,
      threatId: "supply_chain_compromise",
      inherentRating: "critical",
      system: { id: systemId },
    });
    const evidence = (await get(`/evidence/${scan.evidence.id}`)).json();
    expect(evidence.links.map((l: { targetType: string; ref: string }) => `${l.targetType} ${l.ref}`)).toContain(
      `risk ${riskRecord.ref}`,
    );

    const nc = await act(high, "raise-nonconformity", { version: high.version });
    expect(nc.statusCode, nc.body).toBe(200);
    const ncRecord = (await get(`/nonconformities/${nc.json().nonconformity.id}`)).json();
    expect(ncRecord).toMatchObject({ source: "model_scan_finding", severity: "major", system: { id: systemId } });
    expect(ncRecord.description).toContain("actions/pytorch_model.bin!archive/data.pkl");

    const twice = await act(critical, "raise-nonconformity", { version: critical.version + 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain("already been raised as a risk");
    const after = (await get(`/model-scans/${scan.id}`)).json();
    expect(after.openFindings).toBe(0);
  });

  it("dismisses a finding with a reason, and refuses a stale version", async () => {
    const report = modelScanReportFixture(
      [{ path: "tiny/model.onnx", format: "onnx", content: "onnx" }],
      [
        {
          ruleId: "onnx.custom-domain",
          severity: "medium",
          file: "tiny/model.onnx",
          location: "node 3",
          title: "Operator from a custom domain",
          detail: "The runtime must load a library to run it.",
          cwe: [],
          owaspAgentic: [],
          fingerprint: "a".repeat(64),
        },
      ],
    );
    const scan = (await upload({ asset: assetId, report })).json();
    expect(scan.verdict).toBe("review");
    const [finding] = (await get(`/model-scans/${scan.id}`)).json().findings as Finding[];
    if (!finding) throw new Error("no finding");
    const stale = await act(finding, "dismiss", { reason: "Our runtime ships this operator", version: 7 });
    expect(stale.statusCode).toBe(409);
    const dismissed = await act(finding, "dismiss", { reason: "Our runtime ships this operator", version: 1 });
    expect(dismissed.json()).toMatchObject({ status: "dismissed", dismissalReason: "Our runtime ships this operator" });
  });

  it("names the fields of a bad report, and keeps other organisations' assets, scans and findings out of reach", async () => {
    const bad = maliciousReportFixture();
    const res = await upload({
      asset: "",
      report: { ...bad, formatVersion: 9, findings: [{ ...bad.findings[0], severity: "fatal" }] },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(["body.asset", "body.report.formatVersion", "body.report.findings.0.severity"]),
    );

    const scan = (await upload({ asset: assetId, report: maliciousReportFixture("private") })).json();
    const [finding] = (await get(`/model-scans/${scan.id}`)).json().findings as Finding[];
    if (!finding) throw new Error("no finding");
    expect((await upload({ asset: assetId, report: maliciousReportFixture() }, other)).statusCode).toBe(404);
    expect((await get(`/model-scans/${scan.id}`, other)).statusCode).toBe(404);
    expect((await get(`/model-scans/${scan.id}/report.json`, other)).statusCode).toBe(404);
    expect((await get(`/model-scans/${scan.id}/report.sarif`, other)).statusCode).toBe(404);
    expect((await get(`/model-scans?asset=${assetId}`, other)).statusCode).toBe(404);
    expect((await act(finding, "raise-risk", { version: 1 }, other)).statusCode).toBe(404);
  });

  it("counts a system's models never scanned, with open serious findings, or unsigned, in readiness", async () => {
    const model = (
      await t.call(owner.token, {
        method: "POST",
        url: `/api/v1/orgs/${owner.orgId}/assets`,
        payload: { name: "fraud-detector", kind: "model" },
      })
    ).json();
    const link = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/systems/${systemId}/asset-links`,
      payload: { assetId: model.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const modelChecks = async () => {
      const readiness = (await get("/readiness")).json();
      const system = readiness.systems.find((s: { id: string }) => s.id === systemId);
      return Object.fromEntries(
        system.checks
          .filter((c: { key: string }) => c.key.startsWith("model"))
          .map((c: { key: string; met: boolean }) => [c.key, c.met]),
      );
    };
    expect(await modelChecks()).toEqual({ "models-scanned": false, "model-findings": true, "models-signed": true });

    const verified = {
      status: "verified",
      predicateType: null,
      signer: "key",
      changed: [],
      added: [],
      removed: [],
      reason: null,
    };
    const scan = (
      await upload({ asset: model.id, report: maliciousReportFixture("fraud"), signature: verified })
    ).json();
    expect(await modelChecks()).toEqual({ "models-scanned": true, "model-findings": false, "models-signed": true });

    for (const finding of (await get(`/model-scans/${scan.id}`)).json().findings as Finding[]) {
      await act(finding, "dismiss", { reason: "Reviewed: the file is never loaded", version: finding.version });
    }
    expect(await modelChecks()).toEqual({ "models-scanned": true, "model-findings": true, "models-signed": true });
    // A newer scan without a signature check decides: the model counts as unsigned again.
    await upload({ asset: model.id, report: modelScanReportFixture([{ path: "fraud/model.safetensors" }], []) });
    expect(await modelChecks()).toEqual({ "models-scanned": true, "model-findings": true, "models-signed": false });
  });

  it("scans an uploaded file on the server, once, and refuses a file over the server's limit", async () => {
    // A protocol-0 pickle written opcode by opcode: GLOBAL os.system, MARK, STRING, TUPLE, REDUCE, STOP.
    const pickle = Buffer.from("cos\nsystem\n(S'echo pwned'\ntR.", "latin1");
    const send = (body: Buffer, fileName = "model.pkl", member: TestMember = owner) =>
      t.call(member.token, {
        method: "POST",
        url: `${base(member)}/file?asset=${assetId}&system=credit-model&fileName=${fileName}`,
        headers: { "content-type": "application/octet-stream" },
        payload: body,
      });
    const res = await send(pickle);
    expect(res.statusCode, res.body).toBe(201);
    const scan = res.json();
    expect(scan).toMatchObject({ origin: "server", verdict: "unsafe", highestSeverity: "critical", filesScanned: 1 });
    const detail = (await get(`/model-scans/${scan.id}`)).json();
    expect(detail.files).toMatchObject([
      { path: "model.pkl", format: "pickle", size: pickle.length, status: "scanned" },
    ]);
    expect(detail.findings[0]).toMatchObject({ severity: "critical", file: "model.pkl" });
    expect(detail.findings[0].detail + detail.findings[0].title).toContain("os.system");
    const evidence = (await get(`/evidence/${scan.evidence.id}`)).json();
    expect(evidence.body).toContain("run by this server on an uploaded file");
    expect(evidence.links).toContainEqual(expect.objectContaining({ targetType: "asset", targetId: assetId }));

    const again = await send(pickle);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(scan.id);

    const tooLarge = await send(Buffer.alloc(100 * 1024, 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toContain("AIMS_MODEL_UPLOAD_MAX_BYTES");
    const badName = await send(pickle, "..");
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.details.fields[0].field).toBe("query.fileName");
    // 255 characters, but 256 bytes: longer than a file system takes, so a 400, never a failed rename.
    const longName = await send(pickle, encodeURIComponent(`${"x".repeat(254)}é`));
    expect(longName.statusCode, longName.body).toBe(400);
    expect(longName.json().error.details.fields[0].field).toBe("query.fileName");
    expect((await send(pickle, "model.pkl", other)).statusCode).toBe(404);
  });

  it("keeps a scan that read no file, without evidence", async () => {
    const report = modelScanReportFixture([{ path: "locked/model.bin", failed: true }], []);
    const scan = (await upload({ asset: assetId, report })).json();
    expect(scan).toMatchObject({ status: "failed", verdict: "incomplete", evidence: null });
  });
});
