import type { objectiveRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import {
  archiveObjective,
  createObjective,
  getObjective,
  listObjectives,
  updateObjective,
} from "./objective-handlers.js";
import { recordObjectiveProgress } from "./record-objective-progress.js";

export { objectivesAsOf } from "./objectives-as-of.js";

/** Handlers of the AI objective routes. */
export const objectiveHandlers: DomainHandlers<typeof objectiveRoutes> = {
  listObjectives,
  createObjective,
  getObjective,
  updateObjective,
  recordObjectiveProgress,
  archiveObjective,
};
