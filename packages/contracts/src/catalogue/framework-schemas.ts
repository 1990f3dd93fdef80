import { z } from "zod";
import { catalogueVersionSchema } from "./catalogue-schemas.js";

export const frameworkItemSchema = z.object({ id: z.string(), title: z.string() }).meta({ id: "FrameworkItem" });
export type FrameworkItem = z.infer<typeof frameworkItemSchema>;

export const nistAiRmfEntrySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    level: z.enum(["function", "category", "subcategory"]),
    parentId: z.string().nullable(),
  })
  .meta({ id: "NistAiRmfEntry" });

export const crosswalkSourceKeySchema = z.enum(["nistXwalk", "jkasteele", "jkasteele-clauseTable"]);

export const crosswalkEntrySchema = z
  .object({
    iso42001: z.string(),
    nistAiRmf: z.array(z.string()),
    euAiAct: z.array(z.string()),
    sources: z.object({
      nistAiRmf: crosswalkSourceKeySchema.nullable(),
      euAiAct: crosswalkSourceKeySchema.nullable(),
    }),
  })
  .meta({ id: "CrosswalkEntry" });

export const iso27001LinkSchema = z
  .object({ iso42001: z.string(), iso27001: z.string(), rationale: z.string() })
  .meta({ id: "Iso27001Link" });

export const euAiActAreaLinkSchema = z
  .object({ article: z.string(), label: z.string(), iso42001: z.array(z.string()), note: z.string() })
  .meta({ id: "EuAiActAreaLink" });

export const crosswalkAnomalySchema = z
  .object({
    nistAiRmf: z.string(),
    printed: z.string(),
    resolvedAs: z.string(),
    titleForId: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: "CrosswalkAnomaly" });

/** The outside frameworks and the crosswalks between them and ISO/IEC 42001. */
export const frameworkMappingsSchema = z
  .object({
    catalogueVersion: catalogueVersionSchema,
    annexC: z.object({ objectives: z.array(frameworkItemSchema), riskSources: z.array(frameworkItemSchema) }),
    owaspLlm: z.object({ edition: z.string(), items: z.array(frameworkItemSchema) }),
    owaspAgentic: z.object({ edition: z.string(), items: z.array(frameworkItemSchema) }),
    mitreAtlas: z.object({ version: z.string(), tactics: z.array(frameworkItemSchema) }),
    nistAiRmf: z.array(nistAiRmfEntrySchema),
    euAiActArticles: z.array(frameworkItemSchema),
    iso27001Controls: z.array(frameworkItemSchema),
    crosswalks: z.object({
      entries: z.array(crosswalkEntrySchema),
      euAiActAreas: z.array(euAiActAreaLinkSchema),
      iso27001: z.array(iso27001LinkSchema),
      anomalies: z.array(crosswalkAnomalySchema),
      sources: z.array(z.object({ key: crosswalkSourceKeySchema, description: z.string() })),
    }),
  })
  .meta({ id: "FrameworkMappings" });
export type FrameworkMappings = z.infer<typeof frameworkMappingsSchema>;

/** A clause ("6.1.2"), Annex A area ("A.6") or control ("A.6.2.4") id. */
export const iso42001IdSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^(A\.)?\d{1,2}(\.\d{1,2}){0,3}$/, "must be a clause or Annex A id such as 6.1.2, A.6 or A.6.2.4");

export const frameworkMappingsQuerySchema = z.object({
  /** Keep only the crosswalk links that concern this clause, area or control. */
  iso42001: iso42001IdSchema.optional(),
});
