import { createMigratedTemplate } from "./migrated-template.js";

/** Vitest global setup of the integration suites: one migrated template per run, removed afterwards. */
export default function setup(): Promise<() => Promise<void>> {
  return createMigratedTemplate();
}
