import type { catalogueRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getCatalogue, getFrameworkMappings, listThreats } from "./catalogue-handlers.js";

/** Handlers of the catalogue routes. */
export const catalogueHandlers: DomainHandlers<typeof catalogueRoutes> = {
  getCatalogue,
  listThreats,
  getFrameworkMappings,
};
