import type { RaciRole, raciGaps } from "@openaims/contracts";

export type RaciGap = (typeof raciGaps)[number];

/**
 * Whether one subject (a system or a process) is covered: exactly one person accountable. A missing
 * responsible person is reported too, but does not block coverage — the accountable person may do the work.
 */
export function assessRaciCoverage(roles: readonly RaciRole[]): { covered: boolean; gaps: RaciGap[] } {
  const accountable = roles.filter((role) => role === "accountable").length;
  const gaps: RaciGap[] = [];
  if (accountable === 0) gaps.push("no_accountable");
  if (accountable > 1) gaps.push("several_accountable");
  if (!roles.includes("responsible")) gaps.push("no_responsible");
  return { covered: accountable === 1, gaps };
}
