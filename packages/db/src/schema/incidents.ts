/** Tables of migration 0017-incidents. */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface IncidentTables {}
