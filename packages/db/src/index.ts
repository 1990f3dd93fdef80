export * from "./blob-store.js";
export * from "./data-dir-lock.js";
export * from "./migrate.js";
export { migrations } from "./migrations/index.js";
export * from "./open-database.js";
export * from "./raw-session.js";
export type * from "./schema.js";
