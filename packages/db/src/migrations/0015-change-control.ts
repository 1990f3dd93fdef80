/**
 * Change control: changes to AI systems, their approval and material flag, and when a risk was last reviewed.
 */
export default /* sql */ `
select 1;
`;
