import type { Role } from "@openaims/contracts";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : "—";
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : "—";
}

const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  compliance_manager: "Compliance manager",
  contributor: "Contributor",
  auditor: "Auditor",
  viewer: "Viewer",
};

export function roleLabel(role: Role): string {
  return roleLabels[role];
}

/** Turns a stable key such as `pending` or `audit_trail` into display text. */
export function humanize(key: string): string {
  const text = key.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
