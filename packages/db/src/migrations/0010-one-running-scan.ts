/**
 * At most one server-run red-team scan per organisation at a time, whatever the number of server
 * processes sharing the database: the index refuses a second running row atomically.
 */
export default /* sql */ `
create unique index redteam_scans_one_running_per_org on redteam_scans (org_id) where status = 'running';
`;
