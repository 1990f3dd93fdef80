import { migrations } from "./migrations/index.js";
import type { RawSession } from "./raw-session.js";

/** Arbitrary constant naming the migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 420_042;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock makes a second
 * process starting at the same moment wait, then find nothing left to do.
 */
export async function migrate(session: RawSession): Promise<MigrationReport> {
  await session.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await session.exec(
      "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
    );
    const done = await session.query<{ id: string }>("select id from schema_migrations");
    const appliedIds = new Set(done.map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (appliedIds.has(migration.id)) continue;
      await session.exec("begin");
      try {
        await session.exec(migration.sql);
        await session.query("insert into schema_migrations (id) values ($1)", [migration.id]);
        await session.exec("commit");
      } catch (error) {
        await session.exec("rollback");
        throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`);
      }
      applied.push(migration.id);
    }
    return { applied, alreadyApplied: appliedIds.size };
  } finally {
    await session.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

/** Ids of migrations the database has not applied yet. */
export async function pendingMigrations(session: RawSession): Promise<string[]> {
  const exists = await session.query<{ present: boolean }>(
    "select to_regclass('schema_migrations') is not null as present",
  );
  if (!exists[0]?.present) return migrations.map((m) => m.id);
  const done = new Set((await session.query<{ id: string }>("select id from schema_migrations")).map((r) => r.id));
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}
