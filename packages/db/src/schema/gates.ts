/** Tables of migration 0014-release-gates. */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface GateTables {}
