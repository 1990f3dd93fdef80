import { z } from "zod";
import { documentKindSchema } from "../documents/document-kinds.js";

/** Version of the catalogue data that answered, e.g. "iso42001-2023.1". */
export const catalogueVersionSchema = z.string();

/** Plain-words help for one requirement, written for this product. */
export const guidanceSchema = z.object({
  asks: z.string(),
  typicalEvidence: z.array(z.string()),
  pitfalls: z.array(z.string()),
});

export const catalogueClauseSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    parentId: z.string().nullable(),
    guidance: guidanceSchema.extend({
      /** The kind of approved document readiness looks for; null when none is expected. */
      expectedDocumentKind: documentKindSchema.nullable(),
    }),
  })
  .meta({ id: "CatalogueClause" });
export type CatalogueClause = z.infer<typeof catalogueClauseSchema>;

export const annexAAreaSchema = z.object({ id: z.string(), title: z.string() }).meta({ id: "AnnexAArea" });

export const annexAObjectiveSchema = z
  .object({ id: z.string(), areaId: z.string(), group: z.string().nullable(), summary: z.string() })
  .meta({ id: "AnnexAObjective" });

export const catalogueControlSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    areaId: z.string(),
    objectiveId: z.string(),
    /** Other wordings of the title found in public sources. */
    titleVariants: z.array(z.string()),
    guidance: guidanceSchema.extend({
      /** Days after which evidence for the control should be renewed. */
      suggestedFreshnessDays: z.number().int(),
    }),
  })
  .meta({ id: "CatalogueControl" });
export type CatalogueControl = z.infer<typeof catalogueControlSchema>;

/** Clauses 4–10 and Annex A, each with our guidance. */
export const catalogueSchema = z
  .object({
    catalogueVersion: catalogueVersionSchema,
    clauses: z.array(catalogueClauseSchema),
    annexA: z.object({
      areas: z.array(annexAAreaSchema),
      objectives: z.array(annexAObjectiveSchema),
      controls: z.array(catalogueControlSchema),
    }),
  })
  .meta({ id: "Catalogue" });
export type Catalogue = z.infer<typeof catalogueSchema>;
