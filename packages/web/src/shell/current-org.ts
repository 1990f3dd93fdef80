import { type Permission, roleAllows } from "@openaims/contracts";
import { createContext, useContext } from "react";
import { useParams } from "react-router";
import { useMe } from "../auth/me-context";
import type { Membership } from "../auth/session";

const LAST_ORG_KEY = "openaims.lastOrgId";

/** Remembers the organisation last opened, so "/" and the account page return to it. */
export function rememberOrg(orgId: string): void {
  try {
    localStorage.setItem(LAST_ORG_KEY, orgId);
  } catch {
    // Storage may be unavailable (private mode); forgetting the last organisation is harmless.
  }
}

function lastOrgId(): string | null {
  try {
    return localStorage.getItem(LAST_ORG_KEY);
  } catch {
    return null;
  }
}

/** The organisation in the URL, else the last one opened, else the first; null for nobody's member. */
export function useCurrentMembership(): Membership | null {
  const { orgId } = useParams();
  const { memberships } = useMe();
  if (orgId) return memberships.find((m) => m.orgId === orgId) ?? null;
  const last = lastOrgId();
  return memberships.find((m) => m.orgId === last) ?? memberships[0] ?? null;
}

/** The organisation an org page works in, with the permission check for the signed-in role. */
export interface OrgScope extends Membership {
  can: (permission: Permission) => boolean;
}

export const OrgContext = createContext<OrgScope | null>(null);

export function toOrgScope(membership: Membership): OrgScope {
  return { ...membership, can: (permission) => roleAllows(membership.role, permission) };
}

/** The current organisation; only usable on pages under /o/:orgId. */
export function useOrg(): OrgScope {
  const org = useContext(OrgContext);
  if (!org) throw new Error("useOrg() used outside an organisation route");
  return org;
}
