import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Integration files that drive whole programs (the CLI on data directories of its own, child
 * processes, a scan of the reference app): the "e2e" project, which CI runs beside `npm test` (on
 * PGlite and on PostgreSQL) so that `npm test` stays quick.
 */
const wholePrograms = [
  "packages/cli/src/backup.int.test.ts",
  "packages/cli/src/backup-secret-key.int.test.ts",
  "packages/cli/src/cli.int.test.ts",
  "packages/cli/src/process.int.test.ts",
  "packages/cli/src/redteam.int.test.ts",
  "packages/cli/src/serve-output.int.test.ts",
  "packages/cli/src/serve-secret-key.int.test.ts",
  "packages/db/src/open-database.int.test.ts",
  "packages/redteam/src/scan-reference-app.int.test.ts",
  "packages/server/src/reminders/reminder-processes.int.test.ts",
  "packages/server/src/server-start.int.test.ts",
];

/**
 * Integration files that go deeper into one module than the change-by-change check needs: each
 * module keeps its main flow in `npm test`, and these (edge cases, exports, the CLI against a server,
 * identity-provider and proxy set-ups) run with the e2e project in CI, because every file costs a
 * database and a server on top of its tests and `npm test` must stay under five minutes on two cores.
 */
const deeperIntegration = [
  // Walks and migrations that check every route or one upgrade path, the CLI against a server, and
  // the slowest deeper cases (identity-provider, proxy and burst set-ups, imports, PDF exports).
  "packages/server/src/http/bad-input.int.test.ts",
  "packages/server/src/http/authorization.int.test.ts",
  "packages/server/src/telemetry/otlp-intake.int.test.ts",
  "packages/cli/src/gate-check.int.test.ts",
  "packages/cli/src/change.int.test.ts",
  "packages/server/src/anomalies/anomalies.int.test.ts",
  "packages/server/src/sso/sso-migration.int.test.ts",
  "packages/server/src/changes/change-control-migration.int.test.ts",
  "packages/server/src/nonconformities/nonconformity-migration.int.test.ts",
  "packages/server/src/controls/annex-a-migration.int.test.ts",
  "packages/server/src/redteam/redteam-report.int.test.ts",
  "packages/cli/src/drift.int.test.ts",
  "packages/cli/src/audit-file.int.test.ts",
  "packages/cli/src/drift-upload.int.test.ts",
  "packages/cli/src/aibom.int.test.ts",
  "packages/cli/src/export.int.test.ts",
  "packages/cli/src/gate-verify.int.test.ts",
  "packages/cli/src/mcp-gateway-server.int.test.ts",
  "packages/cli/src/mcp-gateway-transports.int.test.ts",
  "packages/cli/src/metric.int.test.ts",
  "packages/cli/src/model-scan-upload.int.test.ts",
  "packages/cli/src/model-signing.int.test.ts",
  "packages/cli/src/review.int.test.ts",
  "packages/cli/src/redteam-through-gateway.int.test.ts",
  "packages/db/src/data-dir-lock.int.test.ts",
  "packages/server/src/agent-decisions/agent-approvals-deeper.int.test.ts",
  "packages/server/src/auth/signin-behind-proxy.int.test.ts",
  "packages/server/src/auth/signin-burst.int.test.ts",
  "packages/server/src/drift/drift-server-reports.int.test.ts",
  "packages/server/src/exports/pdf-exports.int.test.ts",
  "packages/server/src/internal-audits/audit-report.int.test.ts",
  "packages/server/src/inventory/import-systems.int.test.ts",
  "packages/server/src/jobs/job-worker.int.test.ts",
  "packages/server/src/redteam/server-scan-run.int.test.ts",
  "packages/server/src/sso/sso-account-links.int.test.ts",
  "packages/server/src/sso/sso-domains.int.test.ts",
  "packages/server/src/sso/sso-login.int.test.ts",
];

const endToEnd = [...wholePrograms, ...deeperIntegration];

const databaseSuite = {
  globalSetup: ["packages/db/src/testing/vitest-global-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: "forks" as const,
  // Each file makes its own database from the shared template and its own server, so files
  // can share a worker's module graph; re-importing the server for every file doubled the run.
  isolate: false,
};

/**
 * unit: pure logic, no I/O. integration: HTTP against a real database (PGlite in-process, or the
 * PostgreSQL server named by AIMS_TEST_DATABASE_URL). e2e: whole programs on that database, run by
 * CI and `npm run test:e2e`. browser: real Chromium against a built server.
 */
export default defineConfig({
  test: {
    // Vitest leaves one core free by default, which is a single worker on a two-core machine; the
    // test files mostly wait on their in-process database, so two workers there nearly halve the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Whether a worker process is reused for the next file is read from this root setting only (a
    // project's `isolate: false` just stops the module reset inside the worker); without it every file
    // paid a fresh process and a re-import of the server, more than half of `npm test`.
    poolOptions: { forks: { isolate: false } },
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "packages/redteam/packs/*.test.ts", "examples/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          // Unit files are pure and share no state, so one module graph per worker is safe; a fresh
          // graph per file spent most of the unit run re-importing the same modules.
          isolate: false,
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.int.test.ts"],
          exclude: [...endToEnd, "**/node_modules/**"],
          ...databaseSuite,
        },
      },
      { test: { name: "e2e", include: endToEnd, ...databaseSuite } },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
