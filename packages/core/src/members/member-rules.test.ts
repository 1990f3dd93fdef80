import { describe, expect, it } from "vitest";
import { canGrantRole, checkRoleChange } from "./member-rules.js";

describe("member rules", () => {
  it("lets an admin change a viewer to contributor", () => {
    expect(
      checkRoleChange({ actorRole: "admin", currentRole: "viewer", nextRole: "contributor", activeOwnerCount: 1 }),
    ).toBeNull();
  });
  it("keeps owner changes with owners", () => {
    expect(checkRoleChange({ actorRole: "admin", currentRole: "viewer", nextRole: "owner", activeOwnerCount: 1 })).toBe(
      "only_owner_manages_owners",
    );
    expect(checkRoleChange({ actorRole: "admin", currentRole: "owner", nextRole: "admin", activeOwnerCount: 2 })).toBe(
      "only_owner_manages_owners",
    );
  });
  it("never removes the last owner", () => {
    expect(
      checkRoleChange({ actorRole: "owner", currentRole: "owner", nextRole: "archived", activeOwnerCount: 1 }),
    ).toBe("last_owner");
    expect(
      checkRoleChange({ actorRole: "owner", currentRole: "owner", nextRole: "admin", activeOwnerCount: 2 }),
    ).toBeNull();
  });
  it("only owners invite owners", () => {
    expect(canGrantRole("admin", "owner")).toBe(false);
    expect(canGrantRole("owner", "owner")).toBe(true);
    expect(canGrantRole("admin", "auditor")).toBe(true);
  });
});
