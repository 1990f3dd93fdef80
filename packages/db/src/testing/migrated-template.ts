import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate } from "../migrate.js";
import type { RawSession } from "../raw-session.js";

/** Where test files find the run's migrated PGlite data directory (a tarball from `dumpDataDir`). */
export const PGLITE_TEMPLATE_ENV = "AIMS_TEST_PGLITE_TEMPLATE";
/** Name of the run's migrated template database on the server named by AIMS_TEST_DATABASE_URL. */
export const POSTGRES_TEMPLATE_ENV = "AIMS_TEST_TEMPLATE_DATABASE";

/**
 * Migrates one database from empty at the start of a test run and leaves it where every test file
 * copies it from, instead of each file running initdb and every migration again. Made afresh each
 * run, so a new migration is in it; names are unique, so two runs can share a PostgreSQL server.
 * Returns the teardown that removes it.
 */
export async function createMigratedTemplate(): Promise<() => Promise<void>> {
  const serverUrl = process.env.AIMS_TEST_DATABASE_URL;
  return serverUrl ? createPostgresTemplate(serverUrl) : createPGliteTemplate();
}

async function createPGliteTemplate(): Promise<() => Promise<void>> {
  const pglite = await PGlite.create();
  let tarball: Blob;
  try {
    await migrate(pgliteSession(pglite));
    tarball = await pglite.dumpDataDir("none");
  } finally {
    await pglite.close();
  }
  const file = join(tmpdir(), `aims-test-template-${randomBytes(6).toString("hex")}.tar`);
  await writeFile(file, new Uint8Array(await tarball.arrayBuffer()));
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return async () => {
    delete process.env[PGLITE_TEMPLATE_ENV];
    await rm(file, { force: true });
  };
}

async function createPostgresTemplate(serverUrl: string): Promise<() => Promise<void>> {
  const name = `aims_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // No connection may stay open on the template: PostgreSQL refuses to copy a database in use.
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await migrate({
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
    });
  } finally {
    await client.end();
  }
  process.env[POSTGRES_TEMPLATE_ENV] = name;
  return async () => {
    delete process.env[POSTGRES_TEMPLATE_ENV];
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  };
}

function pgliteSession(pglite: PGlite): RawSession {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <R>(sql: string, params: unknown[] = []) => (await pglite.query<R>(sql, params)).rows,
  };
}

/** Runs one statement on its own connection (CREATE and DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
