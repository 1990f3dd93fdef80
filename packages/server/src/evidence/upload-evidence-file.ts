import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { sourceOf } from "./create-evidence.js";
import { evidenceMediaType } from "./evidence-media-type.js";
import { assertEvidenceDates, toInstant } from "./evidence-validity-sync.js";
import { insertEvidence } from "./insert-evidence.js";
import { loadEvidence } from "./present-evidence.js";
import { resolveEvidenceTargets } from "./resolve-evidence-targets.js";

/**
 * Stores the uploaded bytes content-addressed before the record is written, so a record never
 * points at a missing blob (a failed transaction leaves at most an unreferenced blob).
 */
export const uploadEvidenceFile: Handler<Routes["uploadEvidenceFile"]> = async (ctx) => {
  const { tx, org, actor, input, audit, deps } = ctx;
  const query = input.query;
  const filename = query.filename ?? null;
  const title = query.title ?? filename;
  if (!title) {
    const message = "give a title, or a filename to use as the title";
    throw invalidField("query.title", message);
  }
  const collectedAt = query.collectedAt ? toInstant(query.collectedAt) : new Date();
  const explicitValidUntil = query.validUntil ? toInstant(query.validUntil) : null;
  assertEvidenceDates(collectedAt, explicitValidUntil, "query");
  const targets = await resolveEvidenceTargets(
    tx,
    org.orgId,
    {
      controlIds: query.controlIds ?? [],
      clauseIds: query.clauseIds ?? [],
      riskIds: query.riskIds ?? [],
      systemIds: query.systemIds ?? [],
      assetIds: query.assetIds ?? [],
    },
    "query",
  );
  const mediaType = await evidenceMediaType(input.body, filename);
  const stored = await deps.blobs.put(input.body);
  const id = await insertEvidence(
    tx,
    org.orgId,
    {
      kind: "file",
      source: sourceOf(actor),
      title,
      description: query.description ?? "",
      url: null,
      body: null,
      file: { sha256: stored.sha256, size: stored.size, mediaType, filename },
      collectedAt,
      explicitValidUntil,
      createdByMemberId: org.membershipId,
      targets,
    },
    audit,
  );
  return loadEvidence(tx, org.orgId, id);
};
