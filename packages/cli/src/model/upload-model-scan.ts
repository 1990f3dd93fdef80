import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  type ModelProvenance,
  type ModelScanReport,
  type ModelSignatureResult,
  modelScanSchema,
} from "@openaims/contracts";
import { verifyModel } from "@openaims/modelscan";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

/** The flags of `aims model scan --upload` that say where the scan belongs and how to check a signature. */
export interface ModelScanUploadFlags {
  asset?: string;
  system?: string;
  signature?: string;
  key?: string;
  certificateIdentity?: string;
  certificateOidcIssuer?: string;
  trustRoot?: string;
}

async function readFlagFile(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch {
    throw usageError(`${flag}: cannot read ${path}.`);
  }
}

/**
 * With --signature, verifies the model's OpenSSF signature (offline) with --key, or with
 * --certificate-identity and --certificate-oidc-issuer (and --trust-root); without it, nothing is
 * checked and the scan is recorded as not checked. A bad signature is a result, not an error.
 */
export async function modelSignatureFor(
  modelPath: string,
  flags: ModelScanUploadFlags,
  cwd: string,
): Promise<ModelSignatureResult | undefined> {
  const at = (path: string) => resolve(cwd, path);
  if (!flags.signature) {
    if (flags.key || flags.certificateIdentity || flags.certificateOidcIssuer || flags.trustRoot)
      throw usageError("--key, --certificate-identity, --certificate-oidc-issuer and --trust-root need --signature.");
    return undefined;
  }
  if (flags.key) {
    if (flags.certificateIdentity || flags.certificateOidcIssuer)
      throw usageError("Give --key, or --certificate-identity with --certificate-oidc-issuer, not both.");
    return verifyModel(modelPath, {
      signaturePath: at(flags.signature),
      publicKeyPem: await readFlagFile(at(flags.key), "--key"),
    });
  }
  if (!flags.certificateIdentity || !flags.certificateOidcIssuer)
    throw usageError(
      "--signature needs --key PUBKEY, or --certificate-identity ID and --certificate-oidc-issuer URL (with --trust-root).",
    );
  return verifyModel(modelPath, {
    signaturePath: at(flags.signature),
    identity: { certificateIdentity: flags.certificateIdentity, certificateOidcIssuer: flags.certificateOidcIssuer },
    trustRoot: flags.trustRoot ? await readFlagFile(at(flags.trustRoot), "--trust-root") : null,
  });
}

/**
 * Sends a scan report to a running server (AIMS_URL, AIMS_TOKEN) for one asset and, optionally, one
 * AI system: it becomes a scan with its findings and an evidence record on the asset's supply-chain
 * controls. The same report sent again is not recorded twice; the server answers with the first scan.
 */
export async function uploadModelScanReport(
  report: ModelScanReport,
  target: {
    asset: string;
    system?: string | undefined;
    signature?: ModelSignatureResult | undefined;
    provenance?: ModelProvenance | undefined;
  },
  io: CliIo,
  say: (text: string) => void = (text) => io.stdout(text),
): Promise<void> {
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const body = {
    asset: target.asset,
    report,
    ...(target.system ? { system: target.system } : {}),
    ...(target.signature ? { signature: target.signature } : {}),
    ...(target.provenance ? { provenance: target.provenance } : {}),
  };
  const response = await api.post(`/api/v1/orgs/${orgId}/model-scans`, JSON.stringify(body), "application/json");
  const scan = modelScanSchema.parse(await response.json());
  const evidence = scan.evidence ? `; evidence ${scan.evidence.ref}` : "";
  say(
    response.status === 201
      ? `Recorded model scan ${scan.ref} of ${scan.asset?.name ?? target.asset} on ${api.baseUrl}: ${scan.verdict}${evidence}.\n`
      : `This report was already recorded as model scan ${scan.ref} of ${scan.asset?.name ?? target.asset}${evidence}.\n`,
  );
}
