import type { changeRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { approveChange, rejectChange } from "./decide-change.js";
import { getChange, listChangeKinds, listChanges } from "./list-changes.js";
import { recordChange } from "./record-change.js";

/** Handlers of the change-control routes. */
export const changeHandlers: DomainHandlers<typeof changeRoutes> = {
  listChangeKinds,
  listChanges,
  recordChange,
  getChange,
  approveChange,
  rejectChange,
};
