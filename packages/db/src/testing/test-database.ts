import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { migrate } from "../migrate.js";
import { type AimsDatabase, openDatabase } from "../open-database.js";
import { adminQuery, PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV } from "./migrated-template.js";

export interface TestDatabaseOptions {
  /** No migrations applied: for tests of the migrations themselves. */
  empty?: boolean;
}

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh database on
 * the PostgreSQL server named by AIMS_TEST_DATABASE_URL (dropped again on close). It is copied from
 * the run's migrated template when the test run made one (see migrated-template.ts); migrations
 * newer than the template, or all of them when there is none, are applied here.
 */
export async function openTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<AimsDatabase & { url: string | null }> {
  const serverUrl = process.env.AIMS_TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = options.empty ? undefined : await readPGliteTemplate();
    const database = await openDatabase(template ? { snapshot: template } : {});
    if (!options.empty) await database.withSession(migrate);
    return { ...database, url: null };
  }
  const name = `aims_test_${randomBytes(6).toString("hex")}`;
  const template = options.empty ? undefined : process.env[POSTGRES_TEMPLATE_ENV];
  await adminQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  if (!options.empty) await database.withSession(migrate);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

let pgliteTemplate: Promise<Blob | undefined> | undefined;

/** The template tarball, read once per test file however many databases it opens. */
export function readPGliteTemplate(): Promise<Blob | undefined> {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  pgliteTemplate ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return pgliteTemplate;
}
