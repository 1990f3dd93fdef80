/** Routes of the competence and awareness (clauses 7.2, 7.3) module. */
export const competenceRoutes = {} as const;
