import { fieldMessage, type LifecycleStage } from "@openaims/contracts";
import type { FieldProblem } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import { invalidFields } from "../http/invalid-fields.js";

/** A 400 naming each field a cross-field rule refused, like the schema validation does. */
export function fieldProblemsError(problems: FieldProblem[], part = "body"): AppError {
  return invalidFields(problems.map((problem) => fieldMessage(`${part}.${problem.field}`, problem.message)));
}

/** Archived records keep their history but take no more changes. */
export function archivedRecordError(entity: string): AppError {
  return new AppError("illegal_transition", `This ${entity} is archived; archived records cannot be changed.`);
}

/** Escapes LIKE wildcards so a search matches the text literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A forward stage change goes through the system's release gate, never through an edit or an
 * import: the 409 names the route (and the CLI command) that evaluates and records the gate.
 */
export function gateRequiredError(slug: string, from: LifecycleStage, to: LifecycleStage): AppError {
  return new AppError(
    "illegal_transition",
    `Moving ${slug} from ${from} to ${to} passes its release gate: use the Release gate tab of the system's page, ` +
      `aims gate pass --system ${slug} --stage ${to}, or POST /api/v1/orgs/:orgId/systems/:systemId/gate/decisions. ` +
      "Moving back to an earlier stage or retiring needs no gate.",
    { allowed: ["earlier stages", "retired"], gate: "POST /api/v1/orgs/:orgId/systems/:systemId/gate/decisions" },
  );
}
