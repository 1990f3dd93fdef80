import type { Me } from "@openaims/contracts";

/**
 * The organisation an API token was issued for, from what `/api/v1/me` says of the caller; null when
 * the caller is not an API token of exactly one organisation (a browser session, or no membership).
 */
export function tokenOrganisation(me: Me): string | null {
  const [membership, ...others] = me.memberships;
  return membership && me.via === "token" && others.length === 0 ? membership.orgId : null;
}

/** The request that finds a live AI system by its exact slug, through the inventory's slug filter. */
export function systemBySlugPath(orgPath: string, slug: string): string {
  return `${orgPath}/systems?${new URLSearchParams({ slug, limit: "1" })}`;
}
