import type { InterestedParty, ScopeIssue } from "@openaims/contracts";

/** What changed in a list of named items between two scope versions. */
export interface ItemChanges<T> {
  added: T[];
  removed: T[];
  changed: { before: T; after: T }[];
}

/** Names compare without case and surrounding spaces: "Regulators " and "regulators" are one party. */
const keyOf = (name: string) => name.trim().toLowerCase();

/**
 * Compares two lists of items by name: items only in `after` were added, only in `before` removed,
 * and those in both whose content differs changed. Order follows `after` (then `before` for removed).
 */
export function diffNamedItems<T>(
  before: readonly T[],
  after: readonly T[],
  nameOf: (item: T) => string,
  same: (a: T, b: T) => boolean,
): ItemChanges<T> {
  const earlier = new Map(before.map((item) => [keyOf(nameOf(item)), item] as const));
  const later = new Set(after.map((item) => keyOf(nameOf(item))));
  const changes: ItemChanges<T> = { added: [], removed: [], changed: [] };
  for (const item of after) {
    const previous = earlier.get(keyOf(nameOf(item)));
    if (previous === undefined) changes.added.push(item);
    else if (!same(previous, item)) changes.changed.push({ before: previous, after: item });
  }
  for (const item of before) if (!later.has(keyOf(nameOf(item)))) changes.removed.push(item);
  return changes;
}

/** Changes in internal or external issues (clause 4.1) between two approved scope versions. */
export function diffScopeIssues(before: readonly ScopeIssue[], after: readonly ScopeIssue[]) {
  return diffNamedItems(
    before,
    after,
    (issue) => issue.title,
    (a, b) => a.title === b.title && a.detail === b.detail,
  );
}

/** Changes in interested parties and their needs (clause 4.2) between two approved scope versions. */
export function diffInterestedParties(before: readonly InterestedParty[], after: readonly InterestedParty[]) {
  return diffNamedItems(
    before,
    after,
    (party) => party.name,
    (a, b) =>
      a.name === b.name &&
      a.needs === b.needs &&
      a.addressedThroughAims === b.addressedThroughAims &&
      a.howAddressed === b.howAddressed,
  );
}
