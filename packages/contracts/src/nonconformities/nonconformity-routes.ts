/** Routes of nonconformity and corrective action, effectiveness checks and the improvement log. */
export const nonconformityRoutes = {} as const;
