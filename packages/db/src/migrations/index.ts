import foundation from "./0001-foundation.js";

/**
 * Every schema change, in order. Append only: a migration that has shipped is never edited;
 * a fix is a new migration.
 */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [{ id: "0001-foundation", sql: foundation }];
