/** Tables of migration 0016-monitoring. */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface MonitoringTables {}
