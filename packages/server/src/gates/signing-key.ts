import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import type { SecretBox } from "../secrets/secret-box.js";

/** The key id named in attestations: SHA-256 (hex) of the public key in DER (SubjectPublicKeyInfo). */
export function releaseKeyId(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

/**
 * Makes sure the organisation has its Ed25519 release key, creating it on first need (the first
 * passed gate) in the caller's transaction. The private half is sealed under the server's key and
 * never returned; only the public half and key id are audited.
 */
export async function ensureReleaseKey(
  tx: Kysely<Database>,
  secrets: SecretBox,
  orgId: string,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<void> {
  const existing = await tx
    .selectFrom("org_signing_keys")
    .select("key_id")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (existing) return;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyId = releaseKeyId(publicKey);
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const inserted = await tx
    .insertInto("org_signing_keys")
    .values({
      org_id: orgId,
      key_id: keyId,
      public_key_pem: publicKeyPem,
      private_key_sealed: secrets.seal(orgId, privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
    })
    .onConflict((oc) => oc.column("org_id").doNothing())
    .returning("key_id")
    .executeTakeFirst();
  if (!inserted) return;
  await audit({
    action: "gate.release_key_created",
    entityType: "release_key",
    entityId: null,
    changes: { keyId: { before: null, after: keyId }, publicKey: { before: null, after: publicKeyPem } },
  });
}

/** The organisation's public release key (PEM), or null before its first passed gate. */
export async function findReleasePublicKey(db: Kysely<Database>, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom("org_signing_keys")
    .select("public_key_pem")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row?.public_key_pem ?? null;
}

/** The private key to sign with and its key id, opened from its sealed form; null when none exists. */
export async function openReleaseKey(
  db: Kysely<Database>,
  secrets: SecretBox,
  orgId: string,
): Promise<{ privateKey: KeyObject; keyId: string } | null> {
  const row = await db
    .selectFrom("org_signing_keys")
    .select(["key_id", "private_key_sealed"])
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return null;
  return { privateKey: createPrivateKey(secrets.open(orgId, row.private_key_sealed)), keyId: row.key_id };
}
