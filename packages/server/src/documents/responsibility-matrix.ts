import {
  type AimsProcess,
  aimsProcesses,
  type RaciRole,
  type ResponsibilityMatrix,
  type Routes,
} from "@openaims/contracts";
import { assessRaciCoverage } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { type ResponsibilityRow, responsibilityQuery } from "./responsibility-queries.js";

type Row = ResponsibilityMatrix["rows"][number];

function row(subject: Pick<Row, "subjectType" | "process" | "system">, assignments: ResponsibilityRow[]): Row {
  return {
    ...subject,
    assignments: assignments.map((a) => ({
      id: a.id,
      memberId: a.member_id,
      raciRole: a.raci_role as RaciRole,
      note: a.note,
      version: a.version,
    })),
    coverage: assessRaciCoverage(assignments.map((a) => a.raci_role as RaciRole)),
  };
}

/** Every AIMS process, then every active AI system, with their live assignments and whether each is covered. */
export const getResponsibilityMatrix: Handler<Routes["getResponsibilityMatrix"]> = async ({ tx, org, input }) => {
  const { subjectType } = input.query;
  const assignments = await responsibilityQuery(tx, org.orgId)
    .where("r.archived_at", "is", null)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
  const systems = await tx
    .selectFrom("ai_systems")
    .select(["id", "name"])
    .where("org_id", "=", org.orgId)
    .where("archived_at", "is", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
  const byProcess = (process: AimsProcess) => assignments.filter((a) => a.process === process);
  const bySystem = (systemId: string) => assignments.filter((a) => a.system_id === systemId);
  const rows: Row[] = [
    ...(subjectType === "system"
      ? []
      : aimsProcesses.map((process) => row({ subjectType: "process", process, system: null }, byProcess(process)))),
    ...(subjectType === "process"
      ? []
      : systems.map((system) => row({ subjectType: "system", process: null, system }, bySystem(system.id)))),
  ];
  const shown = new Set(rows.flatMap((r) => r.assignments.map((a) => a.memberId)));
  const members = new Map<string, string>();
  for (const a of assignments) if (shown.has(a.member_id)) members.set(a.member_id, a.member_name);
  return {
    members: [...members]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    rows,
    coveredCount: rows.filter((r) => r.coverage.covered).length,
    totalCount: rows.length,
  };
};
