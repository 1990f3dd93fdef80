import { createPublicKey, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { IN_TOTO_PAYLOAD_TYPE, verifyDsse } from "@openaims/core";
import type { Command } from "commander";
import { checkFailed, usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { printJson } from "../output.js";
import { checkGate, downloadReleaseKey, type GateFlags, passGate } from "./gate-remote.js";

interface VerifyFlags {
  key: string;
  json?: boolean;
}

export function registerGateCommands(program: Command, io: CliIo): void {
  const gate = program
    .command("gate")
    .description("Release gates: check and pass them on a running server, and verify signed gate decisions offline");
  const remoteHelp =
    "\nStages: planned, design, development, validation, deployment (or deployed), operation, retired.\n" +
    "Environment:\n  AIMS_URL    address of the running server, e.g. http://localhost:8080\n" +
    "  AIMS_TOKEN  an API token (aims_pat_...) of the system's organisation";
  gate
    .command("check")
    .description(
      "Evaluate the gate into a stage from the server's records, without recording anything (a read token will do)",
    )
    .requiredOption("--system <slug>", "the AI system's slug")
    .requiredOption("--stage <stage>", "the stage to move into; deployed is accepted for deployment")
    .option("--json", "print the checklist as JSON")
    .addHelpText(
      "after",
      `\nExits 0 when the gate passes, 1 when it does not, 2 on usage errors (an unknown system or stage included).${remoteHelp}`,
    )
    .action((flags: GateFlags) => checkGate(flags, io));
  gate
    .command("pass")
    .description(
      "Record the gate decision on the server (it evaluates the gate itself); a pass moves the system into the stage",
    )
    .requiredOption("--system <slug>", "the AI system's slug")
    .requiredOption("--stage <stage>", "the stage to move into; deployed is accepted for deployment")
    .option("--out <file>", "write the signed release attestation (DSSE envelope, in-toto statement) here")
    .option("--json", "print the decision as JSON")
    .addHelpText(
      "after",
      `\nNeeds a write token. Exits 0 when the gate passes, 1 when it fails (the failure is recorded), 2 on usage errors, 5 when the token may not record decisions.${remoteHelp}`,
    )
    .action((flags: GateFlags) => passGate(flags, io));
  gate
    .command("key")
    .description("Download the organisation's public release key (PEM), to verify attestations with aims gate verify")
    .option("--out <file>", "write the key here instead of printing it")
    .addHelpText("after", remoteHelp)
    .action((flags: { out?: string }) => downloadReleaseKey(flags, io));
  gate
    .command("verify")
    .description(
      "Check a signed release attestation (a DSSE envelope with an Ed25519 signature) against a public key, offline",
    )
    .argument("<file>", "the attestation, as JSON")
    .requiredOption("--key <file>", "the organisation's public key (PEM), as published by its server")
    .option("--json", "print the result as JSON")
    .addHelpText("after", "\nExits 0 when the signature verifies, 1 when it does not, 2 when a file cannot be read.")
    .action((file: string, flags: VerifyFlags) => verifyAttestation(file, flags, io));
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      `Cannot read the ${what} ${path}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
}

function parsePublicKey(pem: string, path: string): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === "ed25519") return key;
    throw new Error(`it is a ${key.asymmetricKeyType} key`);
  } catch (error) {
    throw usageError(`${path} is not an Ed25519 public key in PEM form (${(error as Error).message}).`);
  }
}

/** What the statement inside says, when it is an in-toto statement: its subjects and predicate type. */
function describeStatement(payloadType: string, payload: Buffer): { subjects: string[]; predicateType?: string } {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) return { subjects: [] };
  try {
    const statement = JSON.parse(payload.toString("utf8")) as {
      subject?: { name?: string; digest?: Record<string, string> }[];
      predicateType?: string;
    };
    const subjects = (statement.subject ?? []).map((s) =>
      `${s.name ?? "(unnamed)"} ${Object.entries(s.digest ?? {})
        .map(([alg, value]) => `${alg}:${value}`)
        .join(" ")}`.trim(),
    );
    return { subjects, ...(statement.predicateType ? { predicateType: statement.predicateType } : {}) };
  } catch {
    return { subjects: [] };
  }
}

async function verifyAttestation(file: string, flags: VerifyFlags, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, file);
  const keyPath = resolve(io.cwd, flags.key);
  const text = await readText(path, "attestation");
  const key = parsePublicKey(await readText(keyPath, "key"), keyPath);
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    envelope = null;
  }
  const result = verifyDsse(envelope, key);
  if (!result.valid) {
    if (flags.json) printJson(io, { ok: false, reason: result.reason });
    throw checkFailed(`${path} does not verify: ${result.reason}.`);
  }
  const statement = describeStatement(result.payloadType, result.payload);
  if (flags.json) {
    printJson(io, { ok: true, keyid: result.keyid ?? null, payloadType: result.payloadType, ...statement });
    return;
  }
  io.stdout(`Signature verified${result.keyid ? ` (key ${result.keyid})` : ""}: ${result.payloadType}\n`);
  if (statement.predicateType) io.stdout(`  predicate: ${statement.predicateType}\n`);
  for (const subject of statement.subjects) io.stdout(`  subject:   ${subject}\n`);
}
