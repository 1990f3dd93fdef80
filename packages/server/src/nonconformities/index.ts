import type { nonconformityRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { createCorrectiveAction, updateCorrectiveAction } from "./corrective-action-handlers.js";
import { createImprovement, getImprovement, listImprovements, updateImprovement } from "./improvement-handlers.js";
import {
  getNonconformity,
  listNonconformities,
  raiseNonconformity,
  updateNonconformity,
} from "./nonconformity-handlers.js";
import { recordEffectivenessCheck } from "./record-effectiveness-check.js";

export { insertImprovement, type NewImprovement } from "./insert-improvement.js";
export { insertNonconformity, type NewNonconformity } from "./insert-nonconformity.js";

/** Handlers of the nonconformity, corrective-action and improvement routes. */
export const nonconformityHandlers: DomainHandlers<typeof nonconformityRoutes> = {
  listNonconformities,
  raiseNonconformity,
  getNonconformity,
  updateNonconformity,
  createCorrectiveAction,
  updateCorrectiveAction,
  recordEffectivenessCheck,
  listImprovements,
  createImprovement,
  getImprovement,
  updateImprovement,
};
