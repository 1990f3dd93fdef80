import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { Role } from "@openaims/contracts";
import { FileBlobStore } from "@openaims/db";
import { openTestDatabase } from "@openaims/db/testing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import { type AuditActor, systemActor } from "../audit/append-audit-entry.js";
import { createUser } from "../auth/create-user.js";
import { defaultConfig, type ServerConfig } from "../config.js";
import { handlers } from "../handlers.js";
import type { Handlers } from "../http/register-routes.js";
import { createMailer } from "../mail/mailer.js";
import { createOrganization } from "../orgs/create-organization.js";
import { createSecretBox } from "../secrets/secret-box.js";
import { loadServerSecretKey } from "../secrets/server-secret-key.js";
import { createApiToken } from "../tokens/create-api-token.js";

export const TEST_PASSWORD = "correct horse battery staple";

export interface TestMember {
  userId: string;
  email: string;
  orgId: string;
  role: Role;
  /** Write-scope API token of this member in this organisation. */
  token: string;
}

/**
 * The real application on a real, empty database (PGlite, or PostgreSQL when
 * AIMS_TEST_DATABASE_URL is set), driven through Fastify's request injection. A test may swap in
 * handlers of its own (wrapping the real ones) through `routeHandlers`.
 */
export async function startTestServer(overrides: Partial<ServerConfig> = {}, routeHandlers: Handlers = handlers) {
  const database = await openTestDatabase();
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  const dataDir = mkdtempSync(join(tmpdir(), "aims-test-"));
  const config: ServerConfig = { ...defaultConfig, dataDir, logLevel: "info", logStream, ...overrides };
  const secrets = createSecretBox(loadServerSecretKey(config).key);
  const app: FastifyInstance = await buildApp(
    {
      db: database.db,
      engine: database.engine,
      blobs: new FileBlobStore(join(dataDir, "blobs")),
      config,
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      secrets,
    },
    routeHandlers,
  );
  const actor: AuditActor = systemActor("test setup");

  /** Creates a person with a membership of the given role, and a write token for them. */
  async function addMember(
    orgId: string,
    role: Role,
    email = `${role}-${randomUUID().slice(0, 8)}@example.com`,
  ): Promise<TestMember> {
    return database.db.transaction().execute(async (tx) => {
      const user = await createUser(tx, { email, name: `Test ${role}`, password: TEST_PASSWORD });
      await tx.insertInto("memberships").values({ id: randomUUID(), org_id: orgId, user_id: user.id, role }).execute();
      const token = await createApiToken(tx, {
        orgId,
        userId: user.id,
        name: "test",
        scope: "write",
        expiresInDays: 1,
        actor,
        requestId: null,
      });
      return { userId: user.id, email: user.email, orgId, role, token: token.secret };
    });
  }

  /** Creates an organisation and its owner. */
  async function addOrg(name = "Test Org"): Promise<TestMember> {
    return database.db.transaction().execute(async (tx) => {
      const user = await createUser(tx, {
        email: `owner-${randomUUID().slice(0, 8)}@example.com`,
        name: "Test owner",
        password: TEST_PASSWORD,
      });
      const org = await createOrganization(tx, { name, ownerUserId: user.id, actor, requestId: null });
      const token = await createApiToken(tx, {
        orgId: org.id,
        userId: user.id,
        name: "test",
        scope: "write",
        expiresInDays: 1,
        actor,
        requestId: null,
      });
      return { userId: user.id, email: user.email, orgId: org.id, role: "owner" as const, token: token.secret };
    });
  }

  /** Signs in through the API and returns the cookie and CSRF header a browser would send. */
  async function signIn(email: string, password = TEST_PASSWORD) {
    const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "aims_session");
    const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    return { cookie: `aims_session=${cookie?.value}`, csrfToken };
  }

  function call(token: string, options: InjectOptions): Promise<LightMyRequestResponse> {
    return app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) } });
  }

  return {
    app,
    database,
    db: database.db,
    config,
    secrets,
    logs,
    addMember,
    addOrg,
    signIn,
    call,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
