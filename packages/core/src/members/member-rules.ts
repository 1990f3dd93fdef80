import type { Role } from "@openaims/contracts";

/** Why a membership change is refused, or null when it is allowed. */
export type RoleChangeRefusal = "only_owner_manages_owners" | "last_owner" | null;

/**
 * Only an owner may make someone an owner or change an owner's role, and an organisation always
 * keeps at least one active owner.
 */
export function checkRoleChange(input: {
  actorRole: Role;
  currentRole: Role;
  nextRole: Role | "archived";
  activeOwnerCount: number;
}): RoleChangeRefusal {
  const touchesOwner = input.currentRole === "owner" || input.nextRole === "owner";
  if (touchesOwner && input.actorRole !== "owner") return "only_owner_manages_owners";
  if (input.currentRole === "owner" && input.nextRole !== "owner" && input.activeOwnerCount <= 1) return "last_owner";
  return null;
}

/** The roles an actor may hand out in an invitation. */
export function canGrantRole(actorRole: Role, role: Role): boolean {
  return role !== "owner" || actorRole === "owner";
}
