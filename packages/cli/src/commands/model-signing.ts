/**
 * `aims model hash | sign | verify | provenance`: per-file SHA-256 manifests of a model, OpenSSF
 * model signatures (Sigstore bundle, DSSE, in-toto) written with a key and verified offline with a
 * key or keyless against a trust root, and the SLSA / in-toto provenance attached to a model.
 * verify exits 0 when the model matches its signature, 1 when it does not (each changed, added or
 * removed file named), 2 for usage errors (flags, missing files, named).
 */
import { access, readFile, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type { ModelSignatureResult } from "@openaims/contracts";
import { type Command, Option } from "commander";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";

function modelCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === "model") ??
    program.command("model").description("Model supply chain: scan, hash, sign, verify, provenance")
  );
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

async function mustExist(io: CliIo, path: string, flag: string): Promise<string> {
  const absolute = resolve(io.cwd, path);
  try {
    await access(absolute);
  } catch {
    throw usageError(`${flag}: '${path}' does not exist or cannot be read.`);
  }
  return absolute;
}

async function readText(io: CliIo, path: string, flag: string): Promise<string> {
  const absolute = await mustExist(io, path, flag);
  try {
    return await readFile(absolute, "utf8");
  } catch (error) {
    throw usageError(`${flag}: cannot read '${path}': ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
}

function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw usageError(`--format: expected ${allowed.join(" or ")}, got '${value}'.`);
  return value as T;
}

/** Library errors that mean the input was wrong (a key, a refused symlink, a missing path): exit 2. */
function asUsage(error: unknown): never {
  if (error instanceof Error && ["ModelHashError", "SigningKeyError", "SignatureFormatError"].includes(error.name))
    throw usageError(error.message);
  throw error;
}

interface HashFlags {
  out?: string;
  format: string;
  ignorePaths?: string[];
  ignoreGitPaths: boolean;
  allowSymlinks?: boolean;
}

interface SignFlags {
  key: string;
  out: string;
  shardSize?: string;
  ignorePaths?: string[];
  ignoreGitPaths: boolean;
  allowSymlinks?: boolean;
}

interface VerifyFlags {
  signature: string;
  key?: string;
  certificateIdentity?: string;
  certificateOidcIssuer?: string;
  trustRoot?: string;
  ignorePaths?: string[];
  format: string;
}

interface ProvenanceFlags {
  key?: string;
  format: string;
}

/** Registers `aims model hash`, `aims model sign`, `aims model verify` and `aims model provenance`. */
export function registerModelSigningCommands(program: Command, io: CliIo): void {
  const model = modelCommand(program);

  model
    .command("hash")
    .description("Write a manifest of the SHA-256 of every file of a model (a file or a folder)")
    .argument("<path>", "the model file or folder")
    .option("--out <file>", "write the manifest to this file instead of standard output")
    .option("--format <format>", "json or text (sha256sum style)", "json")
    .option("--ignore-paths <path>", "leave out this file or folder (repeatable)", collect)
    .option("--no-ignore-git-paths", "include .git, .gitattributes, .github and .gitignore")
    .addOption(new Option("--allow-symlinks", "follow symbolic links instead of refusing them"))
    .action(async (path: string, flags: HashFlags) => {
      const format = parseFormat(flags.format, ["json", "text"] as const);
      const root = await mustExist(io, path, "PATH");
      const { hashModel, manifestToText } = await import("@openaims/modelscan");
      const ignorePaths = (flags.ignorePaths ?? []).map((p) => resolve(io.cwd, p));
      // A manifest written inside the model is not part of it.
      if (flags.out) ignorePaths.push(resolve(io.cwd, flags.out));
      const manifest = await hashModel(root, {
        ignorePaths,
        ignoreGitPaths: flags.ignoreGitPaths,
        allowSymlinks: flags.allowSymlinks ?? false,
      }).catch(asUsage);
      const text =
        format === "text"
          ? manifestToText(manifest)
          : `${JSON.stringify(
              {
                model: manifest.modelName,
                rootDigest: { sha256: manifest.rootDigest },
                serialization: manifest.serialization,
                files: manifest.items,
              },
              null,
              2,
            )}\n`;
      if (flags.out) {
        await writeFile(resolve(io.cwd, flags.out), text);
        const bytes = manifest.items.reduce((sum, item) => sum + item.size, 0);
        io.stdout(`Hashed ${manifest.items.length} file(s), ${bytes.toLocaleString("en")} bytes; wrote ${flags.out}\n`);
      } else io.stdout(text);
    });

  model
    .command("sign")
    .description("Sign a model with a private key in the OpenSSF model-signing format (Sigstore bundle, DSSE, in-toto)")
    .argument("<path>", "the model file or folder")
    .requiredOption("--key <file>", "the private key (PEM: ECDSA P-256/P-384/P-521, Ed25519 or RSA)")
    .requiredOption(
      "--out <file>",
      "the signature file to write (e.g. model.sig; left out of the manifest when inside the model)",
    )
    .option("--ignore-paths <path>", "leave out this file or folder (repeatable)", collect)
    .option("--no-ignore-git-paths", "include .git, .gitattributes, .github and .gitignore")
    .addOption(new Option("--allow-symlinks", "follow symbolic links instead of refusing them"))
    .option(
      "--shard-size <bytes>",
      "sign fixed-size pieces of each file (the format's shards method) instead of whole files",
    )
    .action(async (path: string, flags: SignFlags) => {
      let shardSize: number | undefined;
      if (flags.shardSize !== undefined) {
        shardSize = Number(flags.shardSize);
        if (!Number.isInteger(shardSize) || shardSize <= 0)
          throw usageError(`--shard-size: expected a whole number of bytes above 0, got '${flags.shardSize}'.`);
      }
      const root = await mustExist(io, path, "PATH");
      const keyPem = await readText(io, flags.key, "--key");
      const { signModel } = await import("@openaims/modelscan");
      const out = resolve(io.cwd, flags.out);
      const signed = await signModel(root, keyPem, {
        out,
        ignorePaths: (flags.ignorePaths ?? []).map((p) => resolve(io.cwd, p)),
        ignoreGitPaths: flags.ignoreGitPaths,
        allowSymlinks: flags.allowSymlinks ?? false,
        passphrase: io.env.AIMS_SIGNING_KEY_PASSPHRASE,
        ...(shardSize ? { shardSize } : {}),
      }).catch(asUsage);
      io.stdout(
        `Signed ${signed.manifest.items.length} file(s) of '${signed.manifest.modelName}' (key sha256:${signed.bundle.verificationMaterial.publicKey?.hint}); wrote ${relative(io.cwd, out) || out}\n`,
      );
    });

  model
    .command("verify")
    .description(
      "Verify a model against its OpenSSF model signature, offline, with a public key or keyless (certificate identity, OIDC issuer and trust root); names every file changed, added or removed",
    )
    .argument("<path>", "the model file or folder")
    .requiredOption("--signature <file>", "the signature (a Sigstore bundle, e.g. model.sig)")
    .option("--key <file>", "the signer's public key (PEM)")
    .option("--certificate-identity <id>", "keyless: the signer's identity in the certificate (email or URI)")
    .option("--certificate-oidc-issuer <url>", "keyless: the OIDC issuer the identity was proven to")
    .option(
      "--trust-root <file>",
      "keyless: the Sigstore trusted_root.json to verify against (required: no network is used)",
    )
    .option(
      "--ignore-paths <path>",
      "leave out this file or folder besides those the signature lists (repeatable)",
      collect,
    )
    .option("--format <format>", "text or json", "text")
    .action(async (path: string, flags: VerifyFlags) => {
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const keyless = flags.certificateIdentity !== undefined || flags.certificateOidcIssuer !== undefined;
      if (flags.key !== undefined && keyless)
        throw usageError("Give either --key, or --certificate-identity with --certificate-oidc-issuer, not both.");
      if (flags.key === undefined && !keyless)
        throw usageError("Give --key PUBKEY, or --certificate-identity ID with --certificate-oidc-issuer URL.");
      if (keyless && (!flags.certificateIdentity || !flags.certificateOidcIssuer))
        throw usageError("Keyless verification needs both --certificate-identity and --certificate-oidc-issuer.");
      if (!keyless && flags.trustRoot !== undefined)
        throw usageError("--trust-root is for keyless verification (with --certificate-identity); a key needs none.");
      const root = await mustExist(io, path, "PATH");
      const signaturePath = await mustExist(io, flags.signature, "--signature");
      const ignorePaths = (flags.ignorePaths ?? []).map((p) => resolve(io.cwd, p));
      const { verifyModel } = await import("@openaims/modelscan");
      let result: ModelSignatureResult;
      if (flags.key !== undefined) {
        const publicKeyPem = await readText(io, flags.key, "--key");
        result = await verifyModel(root, { signaturePath, publicKeyPem, ignorePaths }).catch(asUsage);
      } else {
        if (flags.trustRoot === undefined)
          throw usageError(
            "Keyless verification needs --trust-root trusted_root.json: nothing is fetched from the network, so the Sigstore public-good trust root (or your own instance's) must be downloaded on a connected machine and given here.",
          );
        const trustRoot = await readText(io, flags.trustRoot, "--trust-root");
        result = await verifyModel(root, {
          signaturePath,
          ignorePaths,
          trustRoot,
          identity: {
            certificateIdentity: flags.certificateIdentity as string,
            certificateOidcIssuer: flags.certificateOidcIssuer as string,
          },
        }).catch(asUsage);
      }
      io.stdout(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : verifyText(result));
      if (result.status !== "verified")
        throw new CliError(
          result.status === "not_checked" ? ExitCode.usage : ExitCode.checkFailed,
          result.reason ?? "The model does not verify.",
        );
    });

  model
    .command("provenance")
    .description("Show the SLSA / in-toto provenance attached to a model (builder, source, materials)")
    .argument("<path>", "the model file or folder, or a provenance file")
    .option("--key <file>", "check the provenance's DSSE signature with this public key (PEM)")
    .option("--format <format>", "text or json", "text")
    .action(async (path: string, flags: ProvenanceFlags) => {
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const root = await mustExist(io, path, "PATH");
      const publicKeyPem = flags.key === undefined ? undefined : await readText(io, flags.key, "--key");
      const { readProvenance, SigningKeyError } = await import("@openaims/modelscan");
      if (publicKeyPem !== undefined) {
        const { createPublicKey } = await import("node:crypto");
        try {
          createPublicKey(publicKeyPem);
        } catch (error) {
          throw usageError(`--key: ${new SigningKeyError((error as Error).message).message}`);
        }
      }
      const result = await readProvenance(root, { ...(publicKeyPem ? { publicKeyPem } : {}) });
      if (format === "json") io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else io.stdout(provenanceText(result));
      if (result.found.some((item) => item.signature === "failed"))
        throw new CliError(ExitCode.checkFailed, "A provenance signature does not verify with the key given.");
    });
}

function verifyText(result: ModelSignatureResult): string {
  const lines: string[] = [];
  if (result.status === "verified") {
    lines.push(`Verified: the model matches its signature (${result.predicateType}).`, `  signer: ${result.signer}`);
  } else {
    lines.push(`${result.status === "not_checked" ? "Not checked" : "Verification FAILED"}: ${result.reason ?? ""}`);
    if (result.signer) lines.push(`  signer: ${result.signer}`);
    for (const file of result.changed) lines.push(`  changed: ${file}`);
    for (const file of result.added) lines.push(`  added (not signed): ${file}`);
    for (const file of result.removed) lines.push(`  removed (signed, missing): ${file}`);
  }
  return `${lines.join("\n")}\n`;
}

type ProvenanceResult = Awaited<ReturnType<typeof import("@openaims/modelscan").readProvenance>>;

function provenanceText(result: ProvenanceResult): string {
  if (result.found.length === 0 && result.problems.length === 0) return "No provenance found.\n";
  const lines: string[] = [];
  for (const item of result.found) {
    const p = item.provenance;
    lines.push(`${item.file}: ${p.predicateType} (${item.signature}${item.reason ? `: ${item.reason}` : ""})`);
    lines.push(`  builder:    ${p.builder ?? "–"}`);
    lines.push(`  build type: ${p.buildType ?? "–"}`);
    lines.push(`  source:     ${p.source ?? "–"}`);
    for (const subject of item.subjects)
      lines.push(
        `  subject:    ${subject.name} ${Object.entries(subject.digest)
          .map(([a, d]) => `${a}:${d}`)
          .join(" ")}`,
      );
    for (const material of p.materials)
      lines.push(
        `  material:   ${material.uri} ${Object.entries(material.digest)
          .map(([a, d]) => `${a}:${d}`)
          .join(" ")}`,
      );
  }
  for (const problem of result.problems) lines.push(`${problem.file}: not read: ${problem.error}`);
  return `${lines.join("\n")}\n`;
}
