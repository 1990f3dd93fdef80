/** Routes of change control: changes to AI systems, their approval and their effect on re-review. */
export const changeRoutes = {} as const;
