/**
 * Release gates: checklists per organisation and impact tier, immutable gate decisions, sign-offs, and the organisation's Ed25519 signing key for release attestations.
 */
export default /* sql */ `
select 1;
`;
