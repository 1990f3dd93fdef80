/** Routes of AI bills of materials: export for a system or the inventory, and import with a dry run. */
export const aibomRoutes = {};
