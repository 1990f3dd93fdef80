import type { TestMember, TestServer } from "../testing/test-server.js";

/** The membership id of a test member. */
export async function membershipOf(t: TestServer, member: TestMember): Promise<string> {
  const row = await t.db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", member.orgId)
    .where("user_id", "=", member.userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function send(t: TestServer, who: TestMember, method: "GET" | "POST", path: string, payload?: object) {
  const res = await t.call(who.token, {
    method,
    url: `/api/v1/orgs/${who.orgId}${path}`,
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Submits a draft version (by its author) and has another member approve it, through the documents API. */
export async function approveThroughWorkflow(
  t: TestServer,
  author: TestMember,
  approver: TestMember,
  documentId: string,
  versionId: string,
): Promise<void> {
  const draft = await send(t, author, "GET", `/documents/${documentId}/versions/${versionId}`);
  const submitted = await send(t, author, "POST", `/documents/${documentId}/versions/${versionId}/submit`, {
    version: draft.version,
  });
  await send(t, approver, "POST", `/documents/${documentId}/versions/${versionId}/approve`, {
    version: submitted.version,
  });
}

/** An AI policy document with its first version approved; answers the document and version ids. */
export async function givenApprovedPolicyThroughApi(
  t: TestServer,
  author: TestMember,
  approver: TestMember,
): Promise<{ documentId: string; versionId: string }> {
  const document = await send(t, author, "POST", "/documents", {
    title: "AI policy",
    kind: "ai_policy",
    body: "# AI policy\n\nWe use AI with care.\n",
  });
  const versionId = document.versions[0].id as string;
  await approveThroughWorkflow(t, author, approver, document.id, versionId);
  return { documentId: document.id, versionId };
}

/** Starts a new draft of an approved document, edits it and has it approved; answers the new version id. */
export async function approveNewVersion(
  t: TestServer,
  author: TestMember,
  approver: TestMember,
  documentId: string,
): Promise<string> {
  const document = await send(t, author, "GET", `/documents/${documentId}`);
  const started = await send(t, author, "POST", `/documents/${documentId}/versions`, {
    version: document.version,
    changeSummary: "Adds a rule on personal data",
  });
  const versionId = started.id as string;
  await approveThroughWorkflow(t, author, approver, documentId, versionId);
  return versionId;
}
