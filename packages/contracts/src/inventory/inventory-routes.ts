/** Routes of the inventory module. */
export const inventoryRoutes = {} as const;
