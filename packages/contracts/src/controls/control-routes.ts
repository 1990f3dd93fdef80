/** Routes of the controls module. */
export const controlRoutes = {} as const;
