import { parseDocument } from "yaml";
import { hfLicenceToExpression } from "./hugging-face.js";

/** The licence a model card declares, as an SPDX expression, and where it came from. */
export interface DeclaredLicence {
  expression: string | null;
  /** The `license:` value as written (a list is joined with commas). */
  declared: string;
  name: string | null;
  link: string | null;
}

/** The longest front matter read: a model card's metadata is small; the rest of the card is prose. */
const MAX_FRONT_MATTER = 256 * 1024;

/** The YAML front matter of a Markdown model card (between a first line `---` and the next `---`), or null. */
export function frontMatterOf(text: string): string | null {
  const body = text.replace(/^\uFEFF/, "");
  const first = /^---[ \t]*\r?\n/.exec(body);
  if (!first) return null;
  const rest = body.slice(first[0].length, first[0].length + MAX_FRONT_MATTER);
  const end = /(^|\r?\n)---[ \t]*(\r?\n|$)/.exec(rest);
  if (!end) return null;
  return rest.slice(0, end.index);
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 500) : null;
}

/**
 * The licence a Hugging Face model card (README.md) declares in its front matter: `license:` as a
 * key or a list of keys (all of which apply, so they are joined with AND), with `license_name` and
 * `license_link` for `other`. Null when the card has no front matter or no licence; throws on YAML
 * it cannot read.
 */
export function readModelCardLicence(text: string): DeclaredLicence | null {
  const yaml = frontMatterOf(text);
  if (yaml === null) return null;
  const document = parseDocument(yaml, { uniqueKeys: false });
  if (document.errors.length > 0)
    throw new Error(`The model card's front matter is not valid YAML: ${document.errors[0]?.message}`);
  const data: unknown = document.toJS({ maxAliasCount: 100 });
  if (typeof data !== "object" || data === null) return null;
  const record = data as Record<string, unknown>;
  const raw = record.license ?? record.licence;
  const keys = (Array.isArray(raw) ? raw : [raw])
    .map(textOf)
    .filter((key): key is string => key !== null)
    .slice(0, 20);
  if (keys.length === 0) return null;
  const name = textOf(record.license_name);
  const expressions = [...new Set(keys.map((key) => hfLicenceToExpression(key, name ?? undefined)))];
  const known = expressions.filter((expression): expression is string => expression !== null);
  const expression =
    known.length === 0 || known.length < expressions.length
      ? null
      : known.map((part) => (known.length > 1 && / (OR|AND) /i.test(part) ? `(${part})` : part)).join(" AND ");
  return { expression, declared: keys.join(", "), name, link: textOf(record.license_link) };
}
