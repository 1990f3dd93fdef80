import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AuditVerifyResult } from "@openaims/contracts";
import type { ChainBreak } from "@openaims/core";
import { auditedOrgIds, readAuditEntries, verifyAuditTrail } from "@openaims/server";
import type { Command } from "commander";
import { verifyAuditLines } from "../audit/verify-audit-lines.js";
import { checkFailed, usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { findOrganization } from "../lookups.js";
import { printJson } from "../output.js";
import { type StorageFlags, withDataDirOption, withStorage } from "../storage.js";

interface VerifyFlags extends StorageFlags {
  org?: string;
  file?: string;
  json?: boolean;
}

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command("audit").description("Verify and export the tamper-evident audit trail");
  withDataDirOption(
    audit
      .command("verify")
      .description("Recompute every organisation's hash chain; exit 1 naming the first broken entry")
      .option("--org <idOrSlug>", "only this organisation")
      .option("--file <file>", "verify an exported JSONL file instead of the database (works offline)")
      .option("--json", "print JSON"),
  ).action((flags: VerifyFlags) => (flags.file ? verifyFile(flags.file, flags, io) : verifyDatabase(flags, io)));
  withDataDirOption(
    audit
      .command("export")
      .description("Write the audit trail as JSONL, one entry per line (the format of the API's export)")
      .requiredOption("--out <file>", "file to write")
      .option("--org <idOrSlug>", "only this organisation"),
  ).action((flags: StorageFlags & { out: string; org?: string }) => exportTrail(flags, io));
}

interface VerifiedOrg extends AuditVerifyResult {
  orgId: string;
  seconds: number;
  entriesPerSecond: number;
}

async function verifyDatabase(flags: VerifyFlags, io: CliIo): Promise<void> {
  const results = await withStorage(flags, io, "require", async ({ database }) => {
    const orgIds = flags.org ? [(await findOrganization(database.db, flags.org)).id] : await auditedOrgIds(database.db);
    const verified: VerifiedOrg[] = [];
    for (const orgId of orgIds) {
      const started = performance.now();
      const result = await verifyAuditTrail(database.db, orgId);
      const seconds = (performance.now() - started) / 1000;
      verified.push({
        orgId,
        ...result,
        seconds,
        entriesPerSecond: Math.round(result.entriesChecked / Math.max(seconds, 1e-6)),
      });
    }
    return verified;
  });
  if (flags.json) printJson(io, { ok: results.every((r) => r.ok), organizations: results });
  else if (results.length === 0) io.stdout("No audit trails yet.\n");
  else for (const r of results) io.stdout(`${describeOrg(r)}, ${r.entriesPerSecond.toLocaleString("en")} entries/s\n`);
  failOnFirstBreak(results);
}

async function verifyFile(file: string, flags: VerifyFlags, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, file);
  const stream = createReadStream(path);
  const opened = new Promise<void>((ok, fail) => {
    stream.once("open", () => ok());
    stream.once("error", fail);
  });
  await opened.catch((error: NodeJS.ErrnoException) => {
    throw usageError(`Cannot read ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  const started = performance.now();
  const check = await verifyAuditLines(
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }),
    flags.org,
  );
  const seconds = (performance.now() - started) / 1000;
  if (check.kind === "malformed")
    throw checkFailed(`Line ${check.line} of ${path} is not an audit entry (${check.reason}).`);
  const total = check.organizations.reduce((sum, r) => sum + r.entriesChecked, 0);
  if (flags.json) {
    printJson(io, {
      ok: check.organizations.every((r) => !r.firstBroken),
      lines: check.lines,
      seconds,
      organizations: check.organizations,
    });
  } else {
    for (const r of check.organizations) io.stdout(`${describeOrg({ ...r, ok: !r.firstBroken })}\n`);
    io.stdout(
      `${check.lines.toLocaleString("en")} lines in ${seconds.toFixed(2)} s (${Math.round(total / Math.max(seconds, 1e-6)).toLocaleString("en")} entries/s).\n`,
    );
    if (check.organizations.length === 0) io.stdout("The file holds no audit entries.\n");
  }
  failOnFirstBreak(check.organizations.map((r) => ({ ...r, ok: !r.firstBroken })));
}

/** One organisation's verdict, from the database or from a file (which also knows the line). */
interface ChainSummary {
  orgId: string;
  ok: boolean;
  entriesChecked: number;
  headSeq: number;
  firstBroken: (ChainBreak & { line?: number }) | null;
}

function describeOrg(r: ChainSummary): string {
  if (r.ok) return `ok      ${r.orgId}: ${r.entriesChecked.toLocaleString("en")} entries, head at seq ${r.headSeq}`;
  return `BROKEN  ${r.orgId}: ${describeBreak(r)}`;
}

function describeBreak(r: Pick<ChainSummary, "firstBroken">): string {
  const b = r.firstBroken;
  if (!b) return "";
  const line = b.line === undefined ? "" : ` on line ${b.line}`;
  return `seq ${b.seq}${b.id ? ` (entry ${b.id})` : ""}${line}: ${b.reason}`;
}

function failOnFirstBreak(results: ChainSummary[]): void {
  const broken = results.find((r) => !r.ok);
  if (broken)
    throw checkFailed(`The audit trail of organisation ${broken.orgId} is broken at ${describeBreak(broken)}`);
}

async function exportTrail(flags: StorageFlags & { out: string; org?: string }, io: CliIo): Promise<void> {
  const out = resolve(io.cwd, flags.out);
  const counts = await withStorage(flags, io, "require", async ({ database }) => {
    const orgIds = flags.org ? [(await findOrganization(database.db, flags.org)).id] : await auditedOrgIds(database.db);
    const tally = { entries: 0, organizations: orgIds.length };
    async function* lines() {
      for (const orgId of orgIds) {
        for await (const batch of readAuditEntries(database.db, orgId)) {
          tally.entries += batch.length;
          yield batch.map((entry) => `${JSON.stringify(entry)}\n`).join("");
        }
      }
    }
    try {
      await pipeline(Readable.from(lines()), createWriteStream(out));
    } catch (error) {
      await rm(out, { force: true });
      throw error;
    }
    return tally;
  });
  io.stdout(
    `Wrote ${counts.entries.toLocaleString("en")} entries of ${counts.organizations} organisation(s) to ${out}.\n`,
  );
}
