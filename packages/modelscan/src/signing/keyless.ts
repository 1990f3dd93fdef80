/**
 * Keyless (Sigstore certificate) verification of a model signature, offline: the bundle's
 * certificate must chain to a certificate authority of the given trusted_root.json, be valid at a
 * verified time (a transparency-log entry's signed timestamp or an RFC 3161 timestamp), carry the
 * expected identity (SAN) and OIDC issuer (Fulcio extensions 1.3.6.1.4.1.57264.1.8, or .1.1), and
 * its key must have signed the DSSE envelope. Transparency-log and certificate-transparency entries
 * are required when the trust root names such logs. Uses @sigstore/bundle, @sigstore/verify.
 */
import { bundleFromJSON } from "@sigstore/bundle";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { PolicyError, toSignedEntity, toTrustMaterial, VerificationError, Verifier } from "@sigstore/verify";
import { type SerializedModelBundle, SignatureFormatError } from "./format.js";

export interface KeylessIdentity {
  /** The certificate's subject alternative name: an email or a URI (e.g. a CI workflow). */
  certificateIdentity: string;
  /** The OIDC issuer the identity was proven to, e.g. https://accounts.google.com. */
  certificateOidcIssuer: string;
}

/** Why a keyless check failed, in plain words, with the library's underlying cause. */
function describe(error: unknown): string {
  if (error instanceof VerificationError || error instanceof PolicyError) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? ` (${cause.message})` : "";
    return `${error.message}${detail}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Reads a trusted_root.json (Sigstore TrustedRoot, JSON mapping) into trust material. */
export function readTrustRoot(text: string): ReturnType<typeof toTrustMaterial> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SignatureFormatError("The trust root is not JSON (expected a Sigstore trusted_root.json).");
  }
  try {
    return toTrustMaterial(TrustedRoot.fromJSON(json));
  } catch (error) {
    throw new SignatureFormatError(`The trust root cannot be read: ${(error as Error).message}.`);
  }
}

/**
 * Verifies the bundle's certificate, its log and timestamp material and the DSSE signature against
 * the trust root, then the identity policy. Returns the signer as "identity (issuer)" or throws an
 * Error whose message says why.
 */
export function verifyKeylessBundle(
  serialized: SerializedModelBundle,
  trustRootJson: string,
  identity: KeylessIdentity,
): string {
  const trust = readTrustRoot(trustRootJson);
  let bundle: ReturnType<typeof bundleFromJSON>;
  try {
    bundle = bundleFromJSON(serialized);
  } catch (error) {
    throw new SignatureFormatError(`The bundle is not a valid Sigstore bundle: ${(error as Error).message}.`);
  }
  const content = bundle.verificationMaterial.content;
  if (content.$case === "publicKey")
    throw new Error(
      "The signature was made with a key, not a certificate: verify it with --key instead of --certificate-identity.",
    );
  const verifier = new Verifier(trust, {
    tlogThreshold: trust.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
    // A verified time is needed: without one the certificate chain would not be checked at all.
    timestampThreshold: 1,
  });
  try {
    const signer = verifier.verify(toSignedEntity(bundle), {
      subjectAlternativeName: identity.certificateIdentity,
      extensions: { issuer: identity.certificateOidcIssuer },
    });
    return `${signer.identity?.subjectAlternativeName ?? identity.certificateIdentity} (issuer ${
      signer.identity?.extensions?.issuer ?? identity.certificateOidcIssuer
    })`;
  } catch (error) {
    throw new Error(describe(error));
  }
}
