import type { TestMember, TestServer } from "../testing/test-server.js";

/** The membership id of a test member in their organisation. */
export async function membershipIdOf(t: TestServer, member: TestMember): Promise<string> {
  const row = await t.db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", member.orgId)
    .where("user_id", "=", member.userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

type Method = "GET" | "POST" | "PATCH" | "PUT";

/** Calls an organisation route as a member: `call(owner, "POST", "/internal-audits", body)`. */
export function orgCaller(t: TestServer) {
  return (who: TestMember, method: Method, path: string, payload?: object) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });
}
