/**
 * Timestamps that list pages are sorted by keep millisecond precision, the precision a cursor carries
 * (JavaScript dates): with microseconds, the row a page ended on compared as later than its own cursor.
 */
export default /* sql */ `
alter table memberships alter column created_at type timestamptz(3), alter column updated_at type timestamptz(3);
alter table invitations alter column created_at type timestamptz(3), alter column expires_at type timestamptz(3);
alter table api_tokens alter column created_at type timestamptz(3), alter column expires_at type timestamptz(3),
  alter column last_used_at type timestamptz(3);
alter table users alter column created_at type timestamptz(3);
`;
