import { z } from "zod";

/** Stable error codes. Clients switch on these, never on messages. */
export const errorCodes = [
  "validation_failed",
  "unauthenticated",
  "csrf_failed",
  "forbidden",
  "segregation_of_duties",
  "not_found",
  "conflict",
  "version_conflict",
  "illegal_transition",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "account_locked",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status for each error code: the single mapping the server uses. */
export const errorStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  segregation_of_duties: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  illegal_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  account_locked: 423,
  internal: 500,
};

/**
 * `details` of a `validation_failed` error: every bad field, named by its path (`body.email`,
 * `query.limit` …) for clients to place the message, with the label people know it by ("E-mail") and
 * what is wrong in words ("must be an e-mail address such as name@example.com").
 */
export const validationDetailsSchema = z.object({
  fields: z.array(z.object({ field: z.string(), label: z.string(), message: z.string() })),
});
export type ValidationDetails = z.infer<typeof validationDetailsSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      /** For validation_failed: ValidationDetails. Other codes may carry their own facts (e.g. currentVersion). */
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof errorBodySchema>;
