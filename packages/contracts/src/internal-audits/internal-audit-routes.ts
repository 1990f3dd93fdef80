/** Routes of the internal audit (clause 9.2) module. */
export const internalAuditRoutes = {} as const;
