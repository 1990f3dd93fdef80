/** Routes of the management review (clause 9.3) module. */
export const managementReviewRoutes = {} as const;
