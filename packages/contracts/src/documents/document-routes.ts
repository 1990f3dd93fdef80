/** Routes of the documents module. */
export const documentRoutes = {} as const;
