const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value from a URL or a body has the shape of a record id (any case). Lookups use it to
 * tell an id from a reference or slug, and to answer 404 before querying with a malformed id.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
