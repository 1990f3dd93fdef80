import type { incidentRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import {
  closeConcern,
  listConcerns,
  raiseIncidentFromConcern,
  raiseRiskFromConcern,
  reportConcern,
} from "./concern-handlers.js";
import {
  checkAnonymousConcernLink,
  disableConcernLink,
  enableConcernLink,
  getConcernLink,
  submitAnonymousConcern,
} from "./concern-link-handlers.js";
import {
  addIncidentCommunication,
  addIncidentLink,
  addIncidentTimelineEntry,
  removeIncidentLink,
  transitionIncident,
} from "./incident-actions.js";
import { createIncidentHandler, getIncident, listIncidents, updateIncident } from "./incident-handlers.js";

export { createIncident } from "./create-incident.js";

/** Handlers of the incident and concern routes. */
export const incidentHandlers: DomainHandlers<typeof incidentRoutes> = {
  listIncidents,
  createIncident: createIncidentHandler,
  getIncident,
  updateIncident,
  transitionIncident,
  addIncidentTimelineEntry,
  addIncidentCommunication,
  addIncidentLink,
  removeIncidentLink,
  reportConcern,
  listConcerns,
  raiseIncidentFromConcern,
  raiseRiskFromConcern,
  closeConcern,
  getConcernLink,
  enableConcernLink,
  disableConcernLink,
  checkAnonymousConcernLink,
  submitAnonymousConcern,
};
