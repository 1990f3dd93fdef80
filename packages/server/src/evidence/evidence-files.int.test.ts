import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EVIDENCE_FILE_MAX_BYTES } from "@openaims/contracts";
import { FileBlobStore } from "@openaims/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { givenControl, givenRisk, givenSystem } from "./evidence-test-fixtures.js";

const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

describe("evidence files", () => {
  let t: TestServer;
  let owner: TestMember;
  let blobs: FileBlobStore;
  let controlId: string;
  let riskId: string;
  let systemId: string;
  let annexControlId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Files");
    blobs = new FileBlobStore(join(t.config.dataDir, "blobs"));
    controlId = await givenControl(t.db, owner.orgId, "C-FILES-1", 90);
    annexControlId = await givenControl(t.db, owner.orgId, "A.6.2.4", 365);
    riskId = await givenRisk(t.db, owner.orgId, "R-901");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
  });
  afterAll(() => t.close());

  const base = () => `/api/v1/orgs/${owner.orgId}/evidence`;
  function upload(token: string, bytes: Buffer | string, query: string, headers: Record<string, string> = {}) {
    return t.call(token, {
      method: "POST",
      url: `${base()}/files?${query}`,
      headers: { "content-type": "application/octet-stream", ...headers },
      payload: bytes,
    });
  }

  it("records an upload from an API token with its hash, size, sniffed type and links from the query", async () => {
    const sarif = JSON.stringify({ version: "2.1.0", runs: [] });
    const res = await upload(
      owner.token,
      sarif,
      `title=${encodeURIComponent("Prompt injection scan")}&filename=scan.sarif&collectedAt=2025-01-10` +
        `&controlIds=C-FILES-1,A.6.2.4&clauseIds=6.1.2,8.2&riskIds=R-901&systemIds=${systemId}`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const evidence = res.json();
    expect(evidence).toMatchObject({
      ref: expect.stringMatching(/^E-\d+$/),
      title: "Prompt injection scan",
      kind: "file",
      source: "api",
      file: {
        sha256: sha(sarif),
        size: Buffer.byteLength(sarif),
        mediaType: "application/sarif+json",
        filename: "scan.sarif",
      },
      collectedAt: "2025-01-10T00:00:00.000Z",
      validityBasis: "control_freshness",
      validUntil: "2025-04-10T00:00:00.000Z",
      state: "expired",
      createdBy: { name: "Test owner" },
    });
    const links = evidence.links.map((l: { targetType: string; ref: string; targetId: string | null }) => [
      l.targetType,
      l.ref,
      l.targetId,
    ]);
    expect(links).toEqual(
      expect.arrayContaining([
        ["control", "C-FILES-1", controlId],
        ["control", "A.6.2.4", annexControlId],
        ["clause", "6.1.2", null],
        ["clause", "8.2", null],
        ["risk", "R-901", riskId],
        ["system", "support-bot", systemId],
      ]),
    );
    expect(links).toHaveLength(6);
    expect(await blobs.has(sha(sarif))).toBe(true);

    const audit = await t.db
      .selectFrom("audit_entries")
      .select(["action", "actor_type", "changes"])
      .where("entity_id", "=", evidence.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "evidence.created", actor_type: "token" });
    expect(audit[0]?.changes.fileSha256).toEqual({ before: null, after: sha(sarif) });
  });

  it("sniffs binary types from the bytes and falls back to opaque bytes", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const asPng = await upload(owner.token, png, "title=Screenshot&filename=shot.txt");
    expect(asPng.json().file.mediaType).toBe("image/png");
    const opaque = await upload(owner.token, Buffer.from([0xff, 0x00, 0xfe, 0x01]), "title=Dump");
    expect(opaque.json().file).toMatchObject({ mediaType: "application/octet-stream", filename: null });
  });

  describe("refuses programs and scripts with 400 naming the field, and stores nothing", () => {
    async function refused(bytes: Buffer | string, query: string) {
      const evidenceBefore = await t.db.selectFrom("evidence").select("id").where("org_id", "=", owner.orgId).execute();
      const blobsBefore: string[] = [];
      for await (const digest of blobs.list()) blobsBefore.push(digest);
      const res = await upload(owner.token, bytes, query);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      const evidenceAfter = await t.db.selectFrom("evidence").select("id").where("org_id", "=", owner.orgId).execute();
      expect(evidenceAfter).toHaveLength(evidenceBefore.length);
      const blobsAfter: string[] = [];
      for await (const digest of blobs.list()) blobsAfter.push(digest);
      expect(blobsAfter.sort()).toEqual(blobsBefore.sort());
      expect(blobsAfter).not.toContain(sha(bytes));
      return res.json().error as { message: string; details: { fields: Array<{ field: string; message: string }> } };
    }

    it("by content: a Linux program named report.pdf, a Windows program, a #! script named notes.txt", async () => {
      const elf = Buffer.concat([Buffer.from("7f454c46020101000000000000000000", "hex"), Buffer.alloc(200, 7)]);
      const asPdf = await refused(elf, "title=Report&filename=report.pdf");
      expect(asPdf.message).toContain(
        "Programs and scripts cannot be uploaded as evidence: the file is a Linux program",
      );
      expect(asPdf.details.fields).toMatchObject([
        { field: "body", message: expect.stringContaining("Linux program") },
      ]);

      const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(256, 1)]);
      expect((await refused(exe, "title=Tool")).message).toContain("a Windows program");

      const shebang = await refused("#!/bin/sh\necho harmless\n", "title=Notes&filename=notes.txt");
      expect(shebang.message).toContain("the file is a script (it starts with #!)");
      expect(shebang.details.fields[0]?.field).toBe("body");
    });

    it("by name: a .sh file holding harmless text, and a .bat", async () => {
      const script = await refused("just some words", "title=Script&filename=cleanup.sh");
      expect(script.message).toBe(
        "Programs and scripts cannot be uploaded as evidence: files named .sh are run as programs or scripts.",
      );
      expect(script.details.fields).toMatchObject([{ field: "query.filename", message: script.message }]);
      expect((await refused("echo hi", "title=Script&filename=run.bat")).details.fields[0]?.field).toBe(
        "query.filename",
      );
    });
  });

  it("stores the same content once, however often it is uploaded", async () => {
    const bytes = `identical content ${Date.now()}`;
    const first = (await upload(owner.token, bytes, "title=First")).json();
    const second = (await upload(owner.token, bytes, "title=Second")).json();
    expect(first.id).not.toBe(second.id);
    expect(first.file.sha256).toBe(second.file.sha256);
    const stored: string[] = [];
    for await (const digest of blobs.list()) stored.push(digest);
    expect(stored.filter((digest) => digest === sha(bytes))).toHaveLength(1);
  });

  it("downloads with the hash re-checked, and refuses a file changed in storage", async () => {
    const bytes = `audit report ${Date.now()}`;
    const created = (await upload(owner.token, bytes, "title=Report&filename=R%C3%A9sum%C3%A9%20v1.txt")).json();
    const url = `${base()}/${created.id}/file`;
    const ok = await t.call(owner.token, { method: "GET", url });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe(bytes);
    expect(ok.headers["x-content-sha256"]).toBe(sha(bytes));
    expect(ok.headers["content-type"]).toContain("text/plain");
    expect(ok.headers["content-disposition"]).toBe(
      `attachment; filename="R_sum_ v1.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20v1.txt`,
    );

    writeFileSync(blobs.pathOf(created.file.sha256), "tampered");
    const refused = await t.call(owner.token, { method: "GET", url });
    expect(refused.statusCode).toBe(500);
    expect(refused.json().error.message).toContain("evidence file is corrupted");
    expect(refused.json().error.details).toMatchObject({ reason: "evidence_file_corrupted" });
    expect(t.logs.join("")).toContain("evidence file is corrupted");
  });

  it("answers 404 for a download of a link or of another organisation's file", async () => {
    const link = await t.call(owner.token, {
      method: "POST",
      url: base(),
      payload: { kind: "link", title: "Runbook", url: "https://example.com/runbook" },
    });
    const noFile = await t.call(owner.token, { method: "GET", url: `${base()}/${link.json().id}/file` });
    expect(noFile.statusCode).toBe(404);
    expect(noFile.json().error.message).toContain("not a file");
    const file = (await upload(owner.token, "mine", "title=Mine")).json();
    const other = await t.addOrg("Elsewhere");
    const foreign = await t.call(other.token, {
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/evidence/${file.id}/file`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("refuses bodies over the limit with 413", async () => {
    const res = await upload(owner.token, Buffer.alloc(EVIDENCE_FILE_MAX_BYTES + 1), "title=Huge");
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("refuses an upload with no file in the body, naming the body, and records nothing", async () => {
    const before = await t.db.selectFrom("evidence").select("id").where("org_id", "=", owner.orgId).execute();
    const res = await upload(owner.token, Buffer.alloc(0), "title=Nothing");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toMatchObject([
      { field: "body", label: "File", message: "is empty; choose a file to upload" },
    ]);
    const after = await t.db.selectFrom("evidence").select("id").where("org_id", "=", owner.orgId).execute();
    expect(after).toHaveLength(before.length);
  });

  it("names the bad query field and refuses links to unknown records", async () => {
    const noTitle = await upload(owner.token, "x", "");
    expect(noTitle.statusCode).toBe(400);
    expect(invalidFieldLines(noTitle)).toContain("query.title");
    const badClause = await upload(owner.token, "x", "title=X&clauseIds=6.1.2,11.4");
    expect(badClause.statusCode).toBe(400);
    expect(badClause.json().error.details.fields[0].field).toBe("query.clauseIds");
    const badControl = await upload(owner.token, "x", "title=X&controlIds=A.99.1");
    expect(badControl.statusCode).toBe(400);
    const unknown = await upload(owner.token, "x", "title=X&riskIds=R-404");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("Risk 'R-404'");
    const future = await upload(owner.token, "x", "title=X&collectedAt=2999-01-01");
    expect(future.json().error.details.fields[0].field).toBe("query.collectedAt");
    const empty = await upload(owner.token, Buffer.alloc(0), "title=Empty");
    expect(empty.statusCode).toBe(400);
  });

  it("refuses a viewer, a read-scope token, and another organisation's ids", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    const asViewer = await upload(viewer.token, "x", "title=X");
    expect(asViewer.statusCode).toBe(403);
    const created = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/tokens`,
      payload: { name: "reader", scope: "read" },
    });
    const readOnly = await upload(created.json().secret, "x", "title=X");
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error.message).toContain("read scope");
    const other = await t.addOrg("Other");
    const theirControl = await givenControl(t.db, other.orgId, "C-THEIRS", null);
    const crossOrg = await upload(owner.token, "x", `title=X&controlIds=${theirControl}`);
    expect(crossOrg.statusCode).toBe(404);
    expect(crossOrg.json().error.message).toContain(theirControl);
  });

  it("marks uploads through the web session as manual", async () => {
    const contributor = await t.addMember(owner.orgId, "contributor");
    const session = await t.signIn(contributor.email);
    const res = await t.app.inject({
      method: "POST",
      url: `${base()}/files?title=Minutes&filename=minutes.md`,
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "content-type": "text/markdown" },
      payload: "# Minutes",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: "manual", file: { mediaType: "text/markdown" } });
  });
});
