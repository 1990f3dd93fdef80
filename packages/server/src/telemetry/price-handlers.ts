import { randomUUID } from "node:crypto";
import type { Routes, TelemetryPrice } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, type Selectable, sql } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { forgetIntakeContext } from "./intake-context.js";

function presentPrice(row: Selectable<Database["telemetry_prices"]>): TelemetryPrice {
  return {
    id: row.id,
    model: row.model,
    inputPerMillion: row.input_per_million,
    outputPerMillion: row.output_per_million,
    currency: row.currency,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export const listTelemetryPrices: Handler<Routes["listTelemetryPrices"]> = async ({ tx, org }) => {
  const rows = await tx
    .selectFrom("telemetry_prices")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .orderBy(sql`lower(model)`)
    .limit(1000)
    .execute();
  return { items: rows.map(presentPrice) };
};

async function checkModelFree(tx: Kysely<Database>, orgId: string, model: string, exceptId: string | null) {
  const clash = await tx
    .selectFrom("telemetry_prices")
    .select("id")
    .where("org_id", "=", orgId)
    .where(sql<boolean>`lower(model) = ${model.toLowerCase()}`)
    .$if(exceptId !== null, (q) => q.where("id", "<>", exceptId as string))
    .executeTakeFirst();
  if (clash) throw invalidBody([{ field: "model", message: "already has a price" }]);
}

export const createTelemetryPrice: Handler<Routes["createTelemetryPrice"]> = async ({
  tx,
  org,
  input,
  audit,
  afterCommit,
}) => {
  afterCommit(async () => forgetIntakeContext(org.orgId));
  const { model, inputPerMillion, outputPerMillion, currency } = input.body;
  await sql`select pg_advisory_xact_lock(hashtext(${`telemetry_prices:${org.orgId}`}))`.execute(tx);
  await checkModelFree(tx, org.orgId, model, null);
  const row = await tx
    .insertInto("telemetry_prices")
    .values({
      id: randomUUID(),
      org_id: org.orgId,
      model,
      input_per_million: inputPerMillion,
      output_per_million: outputPerMillion,
      currency,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: "telemetry_price.created",
    entityType: "telemetry_price",
    entityId: row.id,
    changes: {
      model: { before: null, after: model },
      input_per_million: { before: null, after: inputPerMillion },
      output_per_million: { before: null, after: outputPerMillion },
      currency: { before: null, after: currency },
    },
  });
  return presentPrice(row);
};

async function lockPrice(tx: Kysely<Database>, orgId: string, priceId: string, version: number) {
  const row = await tx
    .selectFrom("telemetry_prices")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", priceId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Token price", priceId);
  if (row.version !== version) throw staleVersion("token price", row.version, version);
  return row;
}

export const updateTelemetryPrice: Handler<Routes["updateTelemetryPrice"]> = async ({
  tx,
  org,
  input,
  audit,
  afterCommit,
}) => {
  afterCommit(async () => forgetIntakeContext(org.orgId));
  const { version, model, inputPerMillion, outputPerMillion, currency } = input.body;
  await sql`select pg_advisory_xact_lock(hashtext(${`telemetry_prices:${org.orgId}`}))`.execute(tx);
  const before = await lockPrice(tx, org.orgId, input.params.priceId, version);
  await checkModelFree(tx, org.orgId, model, before.id);
  const columns = { model, input_per_million: inputPerMillion, output_per_million: outputPerMillion, currency };
  const row = await tx
    .updateTable("telemetry_prices")
    .set({ ...columns, updated_at: new Date(), version: before.version + 1 })
    .where("id", "=", before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: "telemetry_price.updated",
    entityType: "telemetry_price",
    entityId: before.id,
    changes: Object.fromEntries(
      Object.entries(columns)
        .filter(([k, v]) => before[k as keyof typeof columns] !== v)
        .map(([k, v]) => [k, { before: before[k as keyof typeof columns], after: v }]),
    ),
  });
  return presentPrice(row);
};

export const deleteTelemetryPrice: Handler<Routes["deleteTelemetryPrice"]> = async ({
  tx,
  org,
  input,
  audit,
  afterCommit,
}) => {
  afterCommit(async () => forgetIntakeContext(org.orgId));
  const before = await lockPrice(tx, org.orgId, input.params.priceId, input.body.version);
  await tx.deleteFrom("telemetry_prices").where("id", "=", before.id).execute();
  await audit({
    action: "telemetry_price.removed",
    entityType: "telemetry_price",
    entityId: before.id,
    changes: { model: { before: before.model, after: null } },
  });
  return { ok: true as const };
};
