import { type ClauseInput, clauseChecks } from "./clause-checks.js";
import { controlChecks } from "./control-checks.js";
import { type GapSubject, groupGapsByAction, type ReadinessAction } from "./group-actions.js";
import type { ReadinessCheck, ReadinessFacts, ReadinessGap, ReadinessStatus } from "./readiness-types.js";
import { systemChecks } from "./system-checks.js";

export interface Coverage {
  met: number;
  total: number;
  /** Whole percent, rounded down so 99.6% never shows as done. */
  percent: number;
  status: ReadinessStatus;
}

export interface ReadinessItem {
  id: string;
  title: string;
  checks: ReadinessCheck[];
  coverage: Coverage;
}

export interface ReadinessGapItem extends ReadinessGap {
  /** The clause, control or system the gap belongs to. */
  subject: string;
}

export interface Readiness {
  overall: Coverage;
  clauses: ReadinessItem[];
  areas: (ReadinessItem & { controls: ReadinessItem[] })[];
  systems: ReadinessItem[];
  /** Every unmet check, most severe first. */
  gaps: ReadinessGapItem[];
  /** The gaps grouped by the act that closes them, the first thing to do first. */
  actions: ReadinessAction[];
}

const severityRank = { high: 0, medium: 1, low: 2 } as const;

/** Readiness of one organisation: coverage per clause, per Annex A area and per system, and the gap list. */
export function computeReadiness(
  facts: ReadinessFacts,
  catalogue: { clauses: readonly ClauseInput[]; areas: readonly { id: string; title: string }[] },
): Readiness {
  const clauses = catalogue.clauses.map((clause) =>
    item(clause.id, `${clause.id} ${clause.title}`, clauseChecks(clause, facts)),
  );
  const controlItems = facts.controls.map((control) => ({
    areaId: control.areaId,
    subject: { kind: "control", ref: control.ref, areaId: control.areaId } as const,
    item: item(control.id, `${control.ref} ${control.title}`, controlChecks(control)),
  }));
  const areas = catalogue.areas.map((area) => {
    const controls = controlItems.filter((c) => c.areaId === area.id).map((c) => c.item);
    return {
      ...item(
        area.id,
        `${area.id} ${area.title}`,
        controls.flatMap((c) => c.checks),
      ),
      controls,
    };
  });
  const custom = controlItems.filter((c) => c.areaId === null).map((c) => c.item);
  if (custom.length > 0) {
    areas.push({
      ...item(
        "custom",
        "Custom controls",
        custom.flatMap((c) => c.checks),
      ),
      controls: custom,
    });
  }
  const systems = facts.systems.map((system) => item(system.id, system.name, systemChecks(system)));
  const subjects: { item: ReadinessItem; subject: GapSubject }[] = [
    ...clauses.map((item) => ({ item, subject: { kind: "clause", id: item.id } as const })),
    ...controlItems,
    ...facts.systems.map((system, index) => ({
      item: systems[index] as ReadinessItem,
      subject: { kind: "system", name: system.name } as const,
    })),
  ];
  const unmet = subjects.flatMap(({ item, subject }) =>
    item.checks.flatMap((c) => (c.gap ? [{ gap: c.gap, subject, title: item.title }] : [])),
  );
  const gaps = unmet
    .map(({ gap, title }) => ({ ...gap, subject: title }))
    .sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const all = subjects.flatMap((s) => s.item.checks);
  return { overall: coverageOf(all), clauses, areas, systems, gaps, actions: groupGapsByAction(unmet) };
}

function item(id: string, title: string, checks: ReadinessCheck[]): ReadinessItem {
  return { id, title, checks, coverage: coverageOf(checks) };
}

/** Share of checks met; a subject with nothing to check counts as covered. */
export function coverageOf(checks: readonly ReadinessCheck[]): Coverage {
  const total = checks.length;
  const met = checks.filter((c) => c.met).length;
  const percent = total === 0 ? 100 : Math.floor((met * 100) / total);
  const status: ReadinessStatus = met === total ? "covered" : met === 0 ? "gap" : "partial";
  return { met, total, percent, status };
}
