import {
  type ChangeDetail,
  changeDetailSchema,
  changeKindSchema,
  changeKinds,
  labelOf,
  type RecordChangeRequest,
  systemSlugSchema,
} from "@openaims/contracts";
import { suggestMaterial } from "@openaims/core";
import type { Command } from "commander";
import { z } from "zod";
import { notFoundError, usageError } from "../cli-error.js";
import { parseFlag } from "../input.js";
import type { CliIo } from "../io.js";
import { printJson } from "../output.js";
import { type RemoteApi, remoteApi } from "../remote/api-client.js";
import { systemBySlugPath } from "../remote/server-lookups.js";

interface RecordFlags {
  system?: string;
  kind?: string;
  summary?: string;
  description?: string;
  material?: boolean;
  json?: boolean;
}

const kindList = changeKinds.join(", ");
const textFlag = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export function registerChangeCommands(program: Command, io: CliIo): void {
  const change = program
    .command("change")
    .description("Change control: record changes to AI systems on a running server (AIMS_URL, AIMS_TOKEN)");
  change
    .command("record")
    .description("Record a change to an AI system, e.g. from a deploy pipeline")
    .option("--system <slug>", "the AI system's slug")
    .option("--kind <kind>", `what changed: ${kindList}`)
    .option("--summary <text>", "one line saying what changed")
    .option("--description <text>", "more detail")
    .option(
      "--material",
      "mark the change material; without it, the kind decides (material: model_version, retraining, vendor_model, new_tool_or_connector, new_data_source)",
    )
    .option("--json", "print the recorded change as JSON")
    .addHelpText(
      "after",
      "\nA material change at once sends the system's risks and impact assessment back for review, so the\n" +
        "next `aims gate check` fails until they are reviewed again.\n\n" +
        "Environment:\n  AIMS_URL    address of the running server, e.g. http://localhost:8080\n" +
        "  AIMS_TOKEN  a write-scope API token of the organisation\n\n" +
        "Exits 0 when recorded, 2 on a missing or unknown option, 4 when the system is not found.",
    )
    .action((flags: RecordFlags) => recordChange(flags, io));
}

/** The system's id from its slug, through the inventory's exact-slug filter. */
async function systemIdOf(api: RemoteApi, orgId: string, slug: string): Promise<string> {
  const response = await api.get(systemBySlugPath(`/api/v1/orgs/${orgId}`, slug));
  const page = (await response.json()) as { items: { id: string; slug: string }[] };
  const system = page.items.find((item) => item.slug === slug);
  if (!system) throw notFoundError(`No live AI system with the slug '${slug}' in this organisation.`);
  return system.id;
}

async function recordChange(flags: RecordFlags, io: CliIo): Promise<void> {
  const missing = (["system", "kind", "summary"] as const).filter((name) => flags[name] === undefined);
  if (missing.length > 0)
    throw usageError(
      `Missing ${missing.map((name) => `--${name}`).join(", ")}. ` +
        `Usage: aims change record --system SLUG --kind KIND --summary TEXT [--material]. Kinds: ${kindList}.`,
    );
  if (!changeKindSchema.safeParse(flags.kind).success)
    throw usageError(`--kind: '${flags.kind}' is not a kind of change. Use one of: ${kindList}.`);
  const kind = changeKindSchema.parse(flags.kind);
  const slug = parseFlag(systemSlugSchema, flags.system, "--system");
  const summary = parseFlag(textFlag(200), flags.summary, "--summary");
  const description =
    flags.description === undefined ? undefined : parseFlag(textFlag(4000), flags.description, "--description");

  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const systemId = await systemIdOf(api, orgId, slug);
  const body: RecordChangeRequest = {
    systemId,
    kind,
    summary,
    ...(description === undefined ? {} : { description }),
    ...(flags.material ? { material: true } : {}),
  };
  const response = await api.post(`/api/v1/orgs/${orgId}/changes`, JSON.stringify(body), "application/json");
  const change = changeDetailSchema.parse(await response.json());
  if (flags.json) {
    printJson(io, change);
    return;
  }
  io.stdout(describeChange(change, slug, flags.material === true));
}

function describeChange(change: ChangeDetail, slug: string, forced: boolean): string {
  const lines = [`Recorded ${change.ref} on ${slug}: ${labelOf("changeKind", change.kind)} — ${change.summary}`];
  const why = forced ? "as you said with --material" : suggestMaterial(change.kind).why;
  if (!change.material) {
    lines.push(`Not material (${why}); nothing was sent back for review.`);
  } else {
    lines.push(`Material (${forced ? why : `the kind's suggestion: ${why}`}).`);
    const { risks, impactAssessment } = change.sentForReview;
    lines.push(
      risks.length === 0
        ? "Sent back for review: no live risks."
        : `Sent back for review: ${risks.length} risk${risks.length === 1 ? "" : "s"} (${risks.map((r) => r.ref).join(", ")}).`,
    );
    lines.push(
      impactAssessment
        ? `Impact assessment ${impactAssessment.ref} is now stale until it is assessed again.`
        : "The system had no approved impact assessment to make stale.",
    );
  }
  lines.push(`Status: ${labelOf("changeStatus", change.status).toLowerCase()}; another member approves or rejects it.`);
  return `${lines.join("\n")}\n`;
}
