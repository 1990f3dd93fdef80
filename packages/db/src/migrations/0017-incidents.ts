/**
 * Incidents with their timeline, communications and links, and concerns reported by members or through an anonymous link.
 */
export default /* sql */ `
select 1;
`;
