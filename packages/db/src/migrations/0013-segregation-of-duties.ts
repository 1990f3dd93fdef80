/**
 * Segregation of duties, per organisation: whoever wrote, submitted, changed or owns what is to be
 * approved may not approve it. On for every organisation, existing ones included; it bites only
 * once the organisation has a second active member.
 */
export default /* sql */ `
alter table organizations add column segregation_of_duties boolean not null default true;
`;
