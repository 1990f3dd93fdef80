/** Routes of the impact assessments module. */
export const impactAssessmentRoutes = {} as const;
