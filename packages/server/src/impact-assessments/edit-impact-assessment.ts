import type { ImpactAssessmentStatus, ImpactContent, Routes } from "@openaims/contracts";
import { checkImpactTransition, diffChanges, flattenImpactContent, type ImpactAction } from "@openaims/core";
import { staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { type AssessmentRow, findAssessment, illegal, lockAssessment } from "./impact-assessment-queries.js";
import { presentAssessment } from "./present-impact-assessment.js";

/** Locks a revision and checks that the action is allowed now and the caller saw the latest version. */
export async function lockForAction(
  tx: Parameters<typeof lockAssessment>[0],
  orgId: string,
  assessmentId: string,
  action: ImpactAction,
  version: number,
): Promise<AssessmentRow> {
  const row = await lockAssessment(tx, orgId, assessmentId);
  const step = checkImpactTransition(
    { status: row.status as ImpactAssessmentStatus, archived: row.archived_at !== null },
    action,
  );
  if (!step.ok) throw illegal(`${row.ref}: ${step.reason}`);
  if (row.version !== version) throw staleVersion("impact assessment", row.version, version);
  return row;
}

export const updateImpactAssessment: Handler<Routes["updateImpactAssessment"]> = async ({ tx, org, input, audit }) => {
  const row = await lockForAction(tx, org.orgId, input.params.assessmentId, "edit", input.body.version);
  const changes = diffChanges(
    flattenImpactContent(row.content as ImpactContent),
    flattenImpactContent(input.body.content),
  );
  if (Object.keys(changes).length === 0) return presentAssessment(row);
  await tx
    .updateTable("impact_assessments")
    .set({ content: JSON.stringify(input.body.content), version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({ action: "impact_assessment.updated", entityType: "impact_assessment", entityId: row.id, changes });
  return presentAssessment(await findAssessment(tx, org.orgId, row.id));
};

export const archiveImpactAssessment: Handler<Routes["archiveImpactAssessment"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const row = await lockForAction(tx, org.orgId, input.params.assessmentId, "archive", input.body.version);
  const now = new Date();
  await tx
    .updateTable("impact_assessments")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "impact_assessment.archived",
    entityType: "impact_assessment",
    entityId: row.id,
    changes: {
      archived: { before: false, after: true },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return presentAssessment(await findAssessment(tx, org.orgId, row.id));
};
