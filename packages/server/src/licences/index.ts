import type { licenceRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import {
  getAssetLicenceFinding,
  getLicencePolicy,
  listLicenceFindings,
  updateLicencePolicy,
} from "./licence-handlers.js";

/** Handlers of the licence policy and the licence findings it produces. */
export const licenceHandlers: DomainHandlers<typeof licenceRoutes> = {
  getLicencePolicy,
  updateLicencePolicy,
  listLicenceFindings,
  getAssetLicenceFinding,
};
