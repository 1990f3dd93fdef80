/** How many cases ended in each verdict, overall and per category: the summary's totals. */
import { type CaseResult, type Category, categories, type VerdictCounts } from "../model.js";

export function countVerdicts(cases: ReadonlyArray<Pick<CaseResult, "verdict">>): VerdictCounts {
  const counts: VerdictCounts = {
    cases: cases.length,
    vulnerable: 0,
    blocked: 0,
    not_observed: 0,
    inconclusive: 0,
    error: 0,
  };
  for (const result of cases) counts[result.verdict] += 1;
  return counts;
}

export function countByCategory(
  cases: ReadonlyArray<Pick<CaseResult, "verdict" | "category">>,
): Record<Category, VerdictCounts> {
  const entries = categories.map((category) => [category, countVerdicts(cases.filter((c) => c.category === category))]);
  return Object.fromEntries(entries) as Record<Category, VerdictCounts>;
}
