import type { EvidenceSource, Routes } from "@openaims/contracts";
import type { Actor, Handler } from "../http/handler-context.js";
import { assertEvidenceDates, toInstant } from "./evidence-validity-sync.js";
import { insertEvidence } from "./insert-evidence.js";
import { loadEvidence } from "./present-evidence.js";
import { resolveEvidenceTargets } from "./resolve-evidence-targets.js";

/** A person in the UI adds evidence by hand; a program with an API token adds it through the API. */
export function sourceOf(actor: Actor): EvidenceSource {
  return actor.via === "token" ? "api" : "manual";
}

export const createEvidence: Handler<Routes["createEvidence"]> = async ({ tx, org, actor, input, audit }) => {
  const body = input.body;
  const collectedAt = body.collectedAt ? toInstant(body.collectedAt) : new Date();
  const explicitValidUntil = body.validUntil ? toInstant(body.validUntil) : null;
  assertEvidenceDates(collectedAt, explicitValidUntil, "body");
  const targets = await resolveEvidenceTargets(tx, org.orgId, body, "body");
  const id = await insertEvidence(
    tx,
    org.orgId,
    {
      kind: body.kind,
      source: sourceOf(actor),
      title: body.title,
      description: body.description,
      url: body.kind === "link" ? body.url : null,
      body: body.kind === "record" ? body.body : null,
      file: null,
      collectedAt,
      explicitValidUntil,
      createdByMemberId: org.membershipId,
      targets,
    },
    audit,
  );
  return loadEvidence(tx, org.orgId, id);
};
