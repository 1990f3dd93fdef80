import { z } from "zod";
import { catalogueVersionSchema } from "./catalogue-schemas.js";

/** A threat of the AI threat library and the framework ids it maps to. */
export const catalogueThreatSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    annexCRiskSources: z.array(z.string()),
    owaspLlm: z.array(z.string()),
    owaspAgentic: z.array(z.string()),
    atlasTactics: z.array(z.string()),
    suggestedControls: z.array(z.string()),
    /** 1–5, a starting point for the risk owner. */
    defaultLikelihood: z.number().int().min(1).max(5),
    /** 1–5, a starting point for the risk owner. */
    defaultImpact: z.number().int().min(1).max(5),
  })
  .meta({ id: "CatalogueThreat" });
export type CatalogueThreat = z.infer<typeof catalogueThreatSchema>;

export const threatLibrarySchema = z.object({
  catalogueVersion: catalogueVersionSchema,
  threats: z.array(catalogueThreatSchema),
});
export type ThreatLibrary = z.infer<typeof threatLibrarySchema>;
