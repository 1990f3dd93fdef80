/**
 * Monitoring: metric definitions per AI system, their observations, and alerts deduplicated while open.
 */
export default /* sql */ `
select 1;
`;
