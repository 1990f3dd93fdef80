import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

/** A key that cannot be read, or of a kind the format does not sign with. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}

/** The digest each key kind signs with, as the reference tool pairs them (ECDSA by curve size). */
function digestFor(key: KeyObject): string | null {
  switch (key.asymmetricKeyType) {
    case "ec": {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (curve === "prime256v1" || curve === "P-256") return "sha256";
      if (curve === "secp384r1" || curve === "P-384") return "sha384";
      if (curve === "secp521r1" || curve === "P-521") return "sha512";
      throw new SigningKeyError(`Unsupported elliptic curve '${curve}' (P-256, P-384 and P-521 are supported).`);
    }
    case "ed25519":
      return null;
    case "rsa":
    case "rsa-pss":
      return "sha256";
    default:
      throw new SigningKeyError(
        `Unsupported key type '${key.asymmetricKeyType}' (ECDSA P-256/P-384/P-521, Ed25519 or RSA keys are supported).`,
      );
  }
}

export function loadPrivateKey(pem: string | Buffer, passphrase?: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: "pem", ...(passphrase ? { passphrase } : {}) });
  } catch (error) {
    throw new SigningKeyError(`Cannot read the private key: ${(error as Error).message}.`);
  }
}

/** A public key from PEM (SubjectPublicKeyInfo), or the public half of a private key or a certificate. */
export function loadPublicKey(pem: string | Buffer): KeyObject {
  try {
    return createPublicKey({ key: pem, format: "pem" });
  } catch (error) {
    throw new SigningKeyError(`Cannot read the public key: ${(error as Error).message}.`);
  }
}

/** The key's SubjectPublicKeyInfo as PEM, the form its hint is computed over. */
export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return publicKey.export({ type: "spki", format: "pem" }).toString();
}

export function signBytes(key: KeyObject, data: Buffer): Buffer {
  const digest = digestFor(key);
  if (key.asymmetricKeyType === "ec") return sign(digest, data, { key, dsaEncoding: "der" });
  return sign(digest, data, key);
}

/** `digest` overrides the one paired with the key (model_signing 0.2 signed ECDSA with SHA-256 whatever the curve). */
export function verifyBytes(key: KeyObject, data: Buffer, signature: Buffer, digest = digestFor(key)): boolean {
  try {
    if (key.asymmetricKeyType === "ec") return verify(digest, data, { key, dsaEncoding: "der" }, signature);
    return verify(digest, data, key, signature);
  } catch {
    return false;
  }
}
