import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../migrate.js";
import { type AimsDatabase, openDatabase } from "../open-database.js";

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh database on
 * the PostgreSQL server named by AIMS_TEST_DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<AimsDatabase & { url: string | null }> {
  const serverUrl = process.env.AIMS_TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await database.withSession(migrate);
    return { ...database, url: null };
  }
  const name = `aims_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  await database.withSession(migrate);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
