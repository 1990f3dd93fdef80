import type { TestMember, TestServer } from "../testing/test-server.js";

/** Calls an organisation route of `member` with JSON, answering the raw response. */
export function orgCall(t: TestServer, member: TestMember) {
  return (method: "GET" | "POST" | "PATCH", path: string, payload?: object, token = member.token) =>
    t.call(token, { method, url: `/api/v1/orgs/${member.orgId}${path}`, payload });
}

/** Reports an incident through the API and returns it; fails the test on anything but 201. */
export async function reportIncident(t: TestServer, member: TestMember, payload: object = {}) {
  const res = await orgCall(t, member)("POST", "/incidents", {
    title: "Chatbot leaked an address",
    severity: "high",
    ...payload,
  });
  if (res.statusCode !== 201) throw new Error(`incident not reported: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A read-scope token of the member. */
export async function readToken(t: TestServer, member: TestMember): Promise<string> {
  const res = await orgCall(t, member)("POST", "/tokens", { name: "read only", scope: "read" });
  if (res.statusCode >= 300) throw new Error(`token not created: ${res.statusCode} ${res.body}`);
  return res.json().secret as string;
}
