import { randomUUID } from "node:crypto";
import type { ImpactContent, Routes } from "@openaims/contracts";
import { blankImpactContent } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { nextRef } from "../records/next-ref.js";
import { findAssessment, findCurrentRevisions, illegal, lockSystem } from "./impact-assessment-queries.js";
import { presentAssessment } from "./present-impact-assessment.js";

/**
 * Opens the next revision of a system's assessment as a draft. A system has one open revision at a
 * time; by default the new one copies the approved revision in force, so a reassessment starts
 * from what was decided last time; a blank one takes the intended use from the inventory.
 */
export const startImpactAssessment: Handler<Routes["startImpactAssessment"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
}) => {
  const system = await lockSystem(tx, org.orgId, input.params.systemId);
  if (system.archived_at)
    throw illegal(`AI system '${system.name}' is archived; restore it before assessing its impact.`);
  const { approved, open } = await findCurrentRevisions(tx, org.orgId, system.id);
  if (open)
    throw illegal(
      `${open.ref} (revision ${open.revision}) is already ${open.status} for '${system.name}'. Continue it, or archive it first.`,
    );
  const basis = input.body.startFrom === "current_approved" ? approved : null;
  const content: ImpactContent = basis ? (basis.content as ImpactContent) : blankImpactContent();
  // A first draft starts from what the inventory already says the system is for.
  if (!basis) content.context.intendedUse = system.intended_use.slice(0, 5000);
  const last = await tx
    .selectFrom("impact_assessments")
    .select((eb) => eb.fn.max("revision").as("revision"))
    .where("system_id", "=", system.id)
    .executeTakeFirst();
  const revision = Number(last?.revision ?? 0) + 1;
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "impact_assessment", "IA");
  await tx
    .insertInto("impact_assessments")
    .values({
      id,
      org_id: org.orgId,
      system_id: system.id,
      ref,
      revision,
      status: "draft",
      based_on_id: basis?.id ?? null,
      content: JSON.stringify(content),
      created_by: actor.userId,
      review_log: "[]",
    })
    .execute();
  await audit({
    action: "impact_assessment.started",
    entityType: "impact_assessment",
    entityId: id,
    changes: {
      status: { before: null, after: "draft" },
      system: { before: null, after: system.slug },
      revision: { before: null, after: revision },
      basedOn: { before: null, after: basis?.ref ?? null },
    },
  });
  return presentAssessment(await findAssessment(tx, org.orgId, id));
};
