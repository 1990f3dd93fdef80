import type { ReviewPack, Routes } from "@openaims/contracts";
import { resolveAsOf } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { compileReviewPack } from "./compile-review-pack.js";
import { packContentSha256, packPdf } from "./review-documents.js";
import { refuseFinished } from "./review-handlers.js";
import { loadReviewDetail, lockReview } from "./review-queries.js";

/** The instant to read as of, or a 400 naming `field`. */
function asOfOrRefuse(value: string | undefined, field: string): Date {
  const resolved = resolveAsOf(value, new Date());
  if (!resolved.ok) throw invalidField(field, resolved.message, "As of");
  return resolved.asOf;
}

/** The live pack, compiled from the records as of a date without any review: JSON or PDF. */
export const getReviewPack: Handler<Routes["getReviewPack"]> = async ({ tx, org, input }) => {
  const asOf = asOfOrRefuse(input.query.asOf, "query.asOf");
  const pack = await compileReviewPack(tx, org.orgId, asOf);
  return input.query.format === "pdf" ? packPdf(tx, org.orgId, pack, null) : pack;
};

/** Compiles the pack as of a date (default now) and freezes it on the review; allowed until it closes. */
export const compileManagementReviewPack: Handler<Routes["compileManagementReviewPack"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const row = await lockReview(tx, org.orgId, input.params.reviewId, input.body.version);
  refuseFinished(row, "its pack can no longer be compiled");
  const asOf = asOfOrRefuse(input.body.asOf, "body.asOf");
  const pack = await compileReviewPack(tx, org.orgId, asOf, { reviewId: row.id });
  const now = new Date();
  await tx
    .updateTable("management_reviews")
    .set({
      pack: JSON.stringify(pack),
      pack_as_of: asOf,
      pack_compiled_at: now,
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "management_review.pack_compiled",
    entityType: "management_review",
    entityId: row.id,
    changes: {
      packAsOf: { before: row.pack_as_of?.toISOString() ?? null, after: asOf.toISOString() },
      packSha256: {
        before: row.pack ? packContentSha256(row.pack as unknown as ReviewPack) : null,
        after: packContentSha256(pack),
      },
    },
  });
  return loadReviewDetail(tx, org.orgId, row.id);
};

/** The frozen pack of a review as a PDF; 409 until one is compiled. */
export const getManagementReviewPackPdf: Handler<Routes["getManagementReviewPackPdf"]> = async ({ tx, org, input }) => {
  const review = await loadReviewDetail(tx, org.orgId, input.params.reviewId);
  if (!review.pack)
    throw new AppError(
      "conflict",
      `Management review ${review.ref} has no compiled pack yet. Compile the pack first, or download a live pack from the reviews page.`,
    );
  return packPdf(tx, org.orgId, review.pack, review);
};
