/** Tables of migration 0015-change-control. */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface ChangeTables {}
