/** Tables of migration 0018-corrective-action. */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here
export interface CorrectiveActionTables {}
