import type { ImportFormat, ImportReport } from "@openaims/contracts";
import {
  type AuditChanges,
  type ImportPlan,
  importError,
  type PlannedImportRow,
  type SheetTable,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditEvent, appendAuditEntries } from "../audit/append-audit-entry.js";
import type { Actor } from "../http/handler-context.js";
import { auditActorOf } from "../http/register-routes.js";
import { readSheet, sniffFormat, UnreadableFile } from "./read-sheet.js";

const MAX_REPORTED_ERRORS = 500;
const MAX_REPORTED_ROWS = 1000;

type AnyRow = PlannedImportRow<unknown, unknown>;

function report(plan: ImportPlan<AnyRow>, format: ImportFormat, dryRun: boolean, applied: boolean): ImportReport {
  return {
    format,
    dryRun,
    valid: plan.valid,
    applied,
    summary: plan.summary,
    errors: plan.errors.slice(0, MAX_REPORTED_ERRORS),
    warnings: plan.warnings,
    rows: plan.rows.slice(0, MAX_REPORTED_ROWS).map(({ row, key, name, action }) => ({ row, slug: key, name, action })),
  };
}

/** The audit changes of a new record: its values, leaving out empty ones to keep bulk imports light. */
export function creationChanges(values: object): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    const empty = value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (!empty) changes[field] = { before: null, after: value };
  }
  return changes;
}

/** What every import route's handler is given; the three import routes share their input. */
interface ImportContext {
  tx: Kysely<Database>;
  org: { orgId: string };
  actor: Actor;
  requestId: string;
  input: { query: { format?: ImportFormat | undefined; dryRun: boolean }; body: Buffer };
}

/** How one kind of inventory file is planned and applied. */
export interface ImportSteps<R extends AnyRow> {
  /** e.g. "asset": the summary audit entry is `<prefix>.import_applied`. */
  actionPrefix: string;
  entityType: string;
  plan(sheet: SheetTable): Promise<ImportPlan<R>>;
  /** Writes the created and changed records of a valid plan and returns one audit event per record. */
  apply(rows: R[]): Promise<AuditEvent[]>;
}

/**
 * Reads an uploaded file, checks it, and applies it only when every row is valid and it is not a dry
 * run — in the request's transaction, so the file applies whole or not at all — with one audit entry
 * per created or changed record plus a summary entry.
 */
export async function runImport<R extends AnyRow>(ctx: ImportContext, steps: ImportSteps<R>): Promise<ImportReport> {
  const { tx, org, input, actor, requestId } = ctx;
  const format = input.query.format ?? sniffFormat(input.body);
  const dryRun = input.query.dryRun;
  let sheet: SheetTable;
  try {
    sheet = await readSheet(input.body, format);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const errors = [importError(null, null, error.message)];
    const summary = { rows: 0, create: 0, update: 0, unchanged: 0, invalid: 0, errors: 1 };
    return report({ valid: false, errors, warnings: [], rows: [], summary }, format, dryRun, false);
  }
  const plan = await steps.plan(sheet);
  if (!plan.valid || dryRun) return report(plan, format, dryRun, false);

  const events = await steps.apply(plan.rows);
  const { create, update, unchanged } = plan.summary;
  events.push({
    action: `${steps.actionPrefix}.import_applied`,
    entityType: steps.entityType,
    entityId: null,
    changes: {
      format: { before: null, after: format },
      rows: { before: null, after: plan.summary.rows },
      created: { before: null, after: create },
      updated: { before: null, after: update },
      unchanged: { before: null, after: unchanged },
    },
  });
  await appendAuditEntries(tx, { orgId: org.orgId, actor: auditActorOf(actor), requestId }, events);
  return report(plan, format, dryRun, true);
}
