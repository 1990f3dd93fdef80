import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type Catalogue = ApiResult<typeof routes.getCatalogue>;
export type CatalogueClause = Catalogue["clauses"][number];
export type CatalogueControl = Catalogue["annexA"]["controls"][number];
export type CatalogueThreat = ApiResult<typeof routes.listThreats>["threats"][number];
export type FrameworkMappings = ApiResult<typeof routes.getFrameworkMappings>;

/** The four parts of the catalogue, which are also its URL segments. */
export type CatalogueSection = "clauses" | "controls" | "threats" | "crosswalks";
