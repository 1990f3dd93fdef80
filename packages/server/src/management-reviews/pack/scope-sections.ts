import {
  type ExternalInternalIssuesSection,
  type InterestedPartiesSection,
  type ScopeContent,
  type ScopeVersionRef,
  scopeContentSchema,
} from "@openaims/contracts";
import { diffInterestedParties, diffScopeIssues } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type PackPeriod, sectionHeader } from "./pack-period.js";

/** An approved version of the AIMS scope with its structured content. */
interface ScopeAt {
  ref: ScopeVersionRef;
  content: ScopeContent;
}

/**
 * The approved version of the AIMS scope in force at an instant: the latest approved by then and not
 * retired by then. Approved versions are frozen, so this is exact as of any date.
 */
async function approvedScopeAt(db: Kysely<Database>, orgId: string, at: Date): Promise<ScopeAt | null> {
  const row = await db
    .selectFrom("document_versions as v")
    .innerJoin("documents as d", "d.id", "v.document_id")
    .select(["d.id as document_id", "d.ref", "v.id", "v.number", "v.approved_at", "v.scope_content"])
    .where("v.org_id", "=", orgId)
    .where("d.kind", "=", "aims_scope")
    .where("v.approved_at", "<=", at)
    .where((eb) => eb.or([eb("v.retired_at", "is", null), eb("v.retired_at", ">", at)]))
    .orderBy("v.approved_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row?.approved_at) return null;
  const parsed = scopeContentSchema.safeParse(row.scope_content ?? {});
  return {
    ref: {
      documentId: row.document_id,
      ref: row.ref,
      versionId: row.id,
      number: row.number,
      approvedAt: row.approved_at.toISOString(),
    },
    content: parsed.success ? parsed.data : scopeContentSchema.parse({}),
  };
}

/** The scope in force at asOf and the one in force when the previous review's pack was read. */
export interface ScopeComparison {
  current: ScopeAt | null;
  previous: ScopeAt | null;
  /** Whether there was an earlier review to compare with. */
  compared: boolean;
}

export async function compareScopes(db: Kysely<Database>, period: PackPeriod): Promise<ScopeComparison> {
  const [current, previous] = await Promise.all([
    approvedScopeAt(db, period.orgId, period.asOf),
    period.since ? approvedScopeAt(db, period.orgId, period.since) : Promise.resolve(null),
  ]);
  return { current, previous, compared: period.since !== null };
}

const empty = { added: [], removed: [], changed: [] };

/** 9.3.2 b: the internal and external issues of the scope in force, and what changed since the last review. */
export function externalInternalIssuesSection(
  period: PackPeriod,
  scopes: ScopeComparison,
): ExternalInternalIssuesSection {
  const now = scopes.current?.content;
  const before = scopes.previous?.content;
  const changes = (pick: (content: ScopeContent) => ScopeContent["internalIssues"]) => {
    const items = now ? pick(now) : [];
    if (!scopes.compared) return { items, ...empty };
    const diff = diffScopeIssues(before ? pick(before) : [], items);
    return {
      items,
      added: diff.added,
      removed: diff.removed,
      changed: diff.changed.map((change) => ({ title: change.after.title, ...change })),
    };
  };
  return {
    ...sectionHeader("externalInternalIssues", period),
    scope: scopes.current?.ref ?? null,
    previousScope: scopes.previous?.ref ?? null,
    compared: scopes.compared,
    internal: changes((content) => content.internalIssues),
    external: changes((content) => content.externalIssues),
  };
}

/** 9.3.2 c: the interested parties and their needs in the scope in force, and what changed since the last review. */
export function interestedPartiesSection(period: PackPeriod, scopes: ScopeComparison): InterestedPartiesSection {
  const items = scopes.current?.content.interestedParties ?? [];
  const diff = scopes.compared
    ? diffInterestedParties(scopes.previous?.content.interestedParties ?? [], items)
    : { ...empty };
  return {
    ...sectionHeader("interestedParties", period),
    scope: scopes.current?.ref ?? null,
    previousScope: scopes.previous?.ref ?? null,
    compared: scopes.compared,
    items,
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed.map((change) => ({ name: change.after.name, ...change })),
  };
}
