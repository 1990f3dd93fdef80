import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { canonicalJson, resolveAsOf } from "@openaims/core";
import { type Command, Option } from "commander";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

interface PackFlags {
  out: string;
  format: "json" | "pdf";
  asOf?: string;
}

const DATE_OR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function registerReviewCommands(program: Command, io: CliIo): void {
  const review = program
    .command("review")
    .description("Management review (clause 9.3) on a running server (AIMS_URL, AIMS_TOKEN)");
  review
    .command("pack")
    .description("Compile the management review input pack from the records, without a scheduled review")
    .requiredOption("--out <file>", "where to write the pack")
    .addOption(
      new Option("--format <format>", "json (one key per 9.3.2 input) or pdf")
        .choices(["json", "pdf"])
        .makeOptionMandatory(),
    )
    .option(
      "--as-of <date>",
      "read the records as of this date (YYYY-MM-DD, the end of that day in UTC) or instant (ISO 8601 with an offset); default now",
    )
    .addHelpText(
      "after",
      "\nThe JSON is written exactly as the API returns it: one top-level key per 9.3.2 input, each with its\n" +
        "clause, title, as-of instant and the start of the period since the last closed review.\n\n" +
        "Environment:\n  AIMS_URL    address of the running server, e.g. http://localhost:8080\n" +
        "  AIMS_TOKEN  an API token (read scope is enough) of the organisation\n\n" +
        "Exits 0 when written, 2 on a missing option or a date that is not one, 3 when the server cannot be reached.",
    )
    .action((flags: PackFlags) => writePack(flags, io));
}

/** The --as-of value checked here, so a typing slip is refused before the server is asked. */
function checkAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const resolved = DATE_OR_TIMESTAMP.test(trimmed) ? resolveAsOf(trimmed, new Date()) : null;
  if (!resolved?.ok)
    throw usageError(
      `--as-of: '${value}' ${resolved && !resolved.ok ? resolved.message : "is not a date"}. ` +
        "Give a date as YYYY-MM-DD (e.g. 2026-03-31) or an instant as an ISO 8601 timestamp (e.g. 2026-03-31T17:00:00Z).",
    );
  return trimmed;
}

async function writePack(flags: PackFlags, io: CliIo): Promise<void> {
  const asOf = checkAsOf(flags.asOf);
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const query = new URLSearchParams({ format: flags.format, ...(asOf === undefined ? {} : { asOf }) });
  const response = await api.get(`/api/v1/orgs/${orgId}/review-pack?${query}`);
  const body = Buffer.from(await response.arrayBuffer());
  const hash =
    flags.format === "pdf"
      ? (response.headers.get("x-content-sha256") ?? "unknown")
      : createHash("sha256")
          .update(canonicalJson(JSON.parse(body.toString("utf8"))))
          .digest("hex");
  const out = resolve(io.cwd, flags.out);
  await writeFile(out, body);
  io.stdout(
    `Wrote the management review input pack (${asOf === undefined ? "as of now" : `as of ${asOf}`}, ${flags.format}, ` +
      `${body.length} bytes) to ${out}.\nContent SHA-256: ${hash}\n`,
  );
}
