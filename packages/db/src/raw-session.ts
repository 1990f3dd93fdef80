/**
 * One dedicated connection for work the query builder does not cover: multi-statement SQL
 * (migrations), advisory locks held across statements, bulk loads.
 */
export interface RawSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with parameters and returns its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}
