import type { Me } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { systemBySlugPath, tokenOrganisation } from "./server-lookups.js";

const membership = (orgId: string) => ({ orgId, orgSlug: `org-${orgId}`, orgName: "Org", role: "owner" });
const me = (via: "token" | "session", orgIds: string[]) =>
  ({ user: {}, via, memberships: orgIds.map(membership) }) as unknown as Me;

describe("server lookups", () => {
  it("takes the organisation of a token of one organisation, and of nothing else", () => {
    expect(tokenOrganisation(me("token", ["o1"]))).toBe("o1");
    expect(tokenOrganisation(me("session", ["o1"]))).toBeNull();
    expect(tokenOrganisation(me("token", ["o1", "o2"]))).toBeNull();
    expect(tokenOrganisation(me("token", []))).toBeNull();
  });

  it("finds a system by its exact slug, encoded", () => {
    expect(systemBySlugPath("/api/v1/orgs/o1", "support agent&x")).toBe(
      "/api/v1/orgs/o1/systems?slug=support+agent%26x&limit=1",
    );
  });
});
