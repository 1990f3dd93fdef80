import { z } from "zod";

export const importFormats = ["csv", "xlsx"] as const;
export const importFormatSchema = z.enum(importFormats, { message: "must be csv or xlsx" });
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** Query of an import upload; the file itself is the raw request body. */
export const importQuerySchema = z.object({
  /** Read from the file's first bytes when not given. */
  format: importFormatSchema.optional(),
  /** Check and report only (the default); `false` applies the file when every row is valid. */
  dryRun: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("true")
    .transform((value) => value === "true"),
});

/** What importing one row does (or would do). */
export const importActions = ["create", "update", "unchanged", "invalid"] as const;
export type ImportAction = (typeof importActions)[number];

export const importErrorSchema = z.object({
  /** Row number as a spreadsheet shows it (the heading is row 1); null for a problem with the whole file. */
  row: z.number().int().nullable(),
  /** Column key, e.g. `impact_tier`; null when the problem is not one column's. */
  column: z.string().nullable(),
  /** Full sentence naming row and column, e.g. "row 7, impact_tier: must be one of low, medium, high". */
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  /** What the row matches existing records by: a system's slug, or an asset's or vendor's lower-case name. */
  slug: z.string(),
  name: z.string(),
  action: z.enum(importActions),
});

export const importReportSchema = z
  .object({
    format: importFormatSchema,
    dryRun: z.boolean(),
    /** True when every row is valid: the file can be applied. */
    valid: z.boolean(),
    /** True when the changes were written (never for a dry run or an invalid file). */
    applied: z.boolean(),
    summary: z.object({
      rows: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      invalid: z.number().int(),
      errors: z.number().int(),
    }),
    /** At most the first 500 errors; `summary.errors` counts all. */
    errors: z.array(importErrorSchema),
    /** Notes that do not block the import, such as columns that were ignored. */
    warnings: z.array(z.string()),
    /** At most the first 1,000 rows; `summary` counts all. */
    rows: z.array(importRowSchema),
  })
  .meta({ id: "ImportReport" });
export type ImportReport = z.infer<typeof importReportSchema>;
