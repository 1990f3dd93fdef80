/**
 * Nonconformity and corrective action: the full flow from raising to an effective check, and the improvement log.
 */
export default /* sql */ `
select 1;
`;
