import type { VendorValues } from "@openaims/contracts";
import type { FieldProblem } from "./system-rules.js";

/** The rules that tie a vendor's fields together; an empty list means the record is consistent. */
export function vendorFieldProblems(values: Pick<VendorValues, "lastReviewDate" | "nextReviewDate">): FieldProblem[] {
  const { lastReviewDate, nextReviewDate } = values;
  // ISO dates compare correctly as text.
  if (lastReviewDate && nextReviewDate && nextReviewDate < lastReviewDate) {
    return [{ field: "nextReviewDate", message: `must not be before the last review (${lastReviewDate})` }];
  }
  return [];
}
