import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { RawSession } from "./raw-session.js";
import type { Database } from "./schema.js";

export type Engine = "pglite" | "postgres";

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Data directory of the embedded database; absent means in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** A PGlite data directory tarball (`dumpDataDir`) the embedded database starts from, instead of initdb. */
  snapshot?: Blob | undefined;
}

/** An open database: the typed query builder plus what the platform needs around it. */
export interface AimsDatabase {
  engine: Engine;
  db: Kysely<Database>;
  /** Runs `fn` on one dedicated connection. */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const parseInt8 = (value: string) => Number(value);
/** `date` columns stay 'YYYY-MM-DD' text on both engines: a calendar date has no time zone to shift. */
const DATE_OID = 1082;
const keepText = (value: string) => value;

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite (locking its data directory). */
export async function openDatabase(options: DatabaseOptions): Promise<AimsDatabase> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPGlite(options.dataDir, options.snapshot);
}

async function openPGlite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<AimsDatabase> {
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ? join(dataDir, "pgdata") : undefined, {
      parsers: { [INT8_OID]: parseInt8, [DATE_OID]: keepText },
      ...(snapshot ? { loadDataDir: snapshot } : {}),
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: "pglite",
    db,
    // Goes through Kysely's connection so raw work waits its turn like every other query.
    withSession: (fn) =>
      db.connection().execute(() =>
        fn({
          exec: async (sql) => {
            await pglite.exec(sql);
          },
          query: async <R>(sql: string, params: unknown[] = []) => (await pglite.query<R>(sql, params)).rows,
        }),
      ),
    close: async () => {
      await db.destroy();
      await pglite.close();
      await unlock();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<AimsDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: (oid, format) =>
        oid === INT8_OID ? parseInt8 : oid === DATE_OID ? keepText : pg.types.getTypeParser(oid, format),
    },
  });
  // An idle connection dropped by the server (restart, failover, admin) must not crash the process;
  // the pool replaces it on next use.
  pool.on("error", () => {});
  // Fail fast with the driver's message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: "postgres",
    db,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
