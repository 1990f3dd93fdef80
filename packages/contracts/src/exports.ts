import { z } from "zod";

export const exportFormats = ["csv", "xlsx", "pdf"] as const;
export const exportFormatSchema = z.enum(exportFormats, { message: "must be csv, xlsx or pdf" });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Query of every export route: `?format=xlsx`. */
export const exportQuerySchema = z.object({ format: exportFormatSchema });

/** Content type of each export format. */
export const exportContentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};
