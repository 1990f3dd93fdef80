/** Routes of the catalogue module. */
export const catalogueRoutes = {} as const;
