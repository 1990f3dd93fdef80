/** Routes of incidents (timeline, communications, links) and concerns, including the anonymous link. */
export const incidentRoutes = {} as const;
