import { defineRoute } from "../route.js";
import { catalogueSchema } from "./catalogue-schemas.js";
import { frameworkMappingsQuerySchema, frameworkMappingsSchema } from "./framework-schemas.js";
import { threatLibrarySchema } from "./threat-schemas.js";

/** Routes of the catalogue module: the reference data every organisation shares, read-only. */
export const catalogueRoutes = {
  getCatalogue: defineRoute({
    method: "GET",
    path: "/api/v1/catalogue",
    summary: "ISO/IEC 42001 clauses 4–10 and Annex A controls, with guidance",
    tag: "catalogue",
    access: { kind: "user" },
    write: false,
    response: catalogueSchema,
  }),
  listThreats: defineRoute({
    method: "GET",
    path: "/api/v1/catalogue/threats",
    summary: "The AI threat library with its framework mappings",
    tag: "catalogue",
    access: { kind: "user" },
    write: false,
    response: threatLibrarySchema,
  }),
  getFrameworkMappings: defineRoute({
    method: "GET",
    path: "/api/v1/catalogue/frameworks",
    summary: "Annex C, OWASP, MITRE ATLAS, NIST AI RMF and the crosswalks, optionally for one ISO/IEC 42001 id",
    tag: "catalogue",
    access: { kind: "user" },
    write: false,
    query: frameworkMappingsQuerySchema,
    response: frameworkMappingsSchema,
  }),
} as const;
