import { createHash } from "node:crypto";
import { labelOf, type ManagementReviewDetail, type ReviewPack, reviewInputs } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { exportHeaders } from "../exports/index.js";
import { formatUtc, safeFilename } from "../exports/table-export.js";
import { RawResponse } from "../http/handler-context.js";
import { packBlocks } from "./pdf/pack-blocks.js";
import { type DocumentBlock, type ReviewDocument, renderReviewPdf } from "./pdf/review-pdf.js";

const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");

/** How the pack's hash is computed; printed on the PDF so a reader can recompute it from the JSON. */
export const packHashDefinition =
  "SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of the pack exactly as the API returns it " +
  "(GET /review-pack for a live pack, the review's pack for a frozen one). The organisation name and the generation " +
  "time are not part of it.";

export const minutesHashDefinition =
  "SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of " +
  '{"review": {ref, title, scheduledFor, heldOn, status, chair, attendees, minutes, packAsOf}, ' +
  '"decisions": [{inputKey, decision}], "actions": [{ref, title, description, inputKey, owner, dueDate, status}]}. ' +
  "The organisation name and the generation time are not part of it.";

/** The SHA-256 of a pack's content, the same for its JSON and its PDF. */
export function packContentSha256(pack: ReviewPack): string {
  return sha256(pack);
}

async function orgName(db: Kysely<Database>, orgId: string): Promise<string> {
  const org = await db.selectFrom("organizations").select("name").where("id", "=", orgId).executeTakeFirstOrThrow();
  return org.name;
}

function pdfResponse(document: ReviewDocument, body: Buffer, filenameStem: string): RawResponse {
  return new RawResponse("application/pdf", body, safeFilename(filenameStem, "pdf"), {
    [exportHeaders.contentSha256]: document.contentSha256,
    [exportHeaders.title]: encodeURIComponent(document.title),
    [exportHeaders.organization]: encodeURIComponent(document.orgName),
    [exportHeaders.version]: encodeURIComponent(document.version),
    [exportHeaders.generatedAt]: document.generatedAt.toISOString(),
  });
}

/** The pack as a PDF: live (no review) or frozen on a review. */
export async function packPdf(
  db: Kysely<Database>,
  orgId: string,
  pack: ReviewPack,
  review: Pick<ManagementReviewDetail, "ref" | "title" | "packCompiledAt"> | null,
): Promise<RawResponse> {
  const asOf = new Date(pack.previousActions.asOf);
  const document: ReviewDocument = {
    title: review ? `Management review input pack — ${review.ref} ${review.title}` : "Management review input pack",
    orgName: await orgName(db, orgId),
    version: review ? `${review.ref}, as of ${formatUtc(asOf)}` : `Live, as of ${formatUtc(asOf)}`,
    generatedAt: new Date(),
    facts: [
      ["Records as of", formatUtc(asOf)],
      [
        "Period from",
        pack.previousActions.since
          ? formatUtc(new Date(pack.previousActions.since))
          : "The start (no earlier closed review)",
      ],
      ...(review?.packCompiledAt ? [["Compiled", formatUtc(new Date(review.packCompiledAt))] as const] : []),
      [
        "Inputs",
        reviewInputs
          .map((input) => input.clause)
          .filter((c, i, all) => all.indexOf(c) === i)
          .join(", "),
      ],
    ],
    contentSha256: packContentSha256(pack),
    hashDefinition: packHashDefinition,
    blocks: packBlocks(pack),
  };
  const stem = review ? `${review.ref}-input-pack` : `review-pack-as-of-${asOf.toISOString().slice(0, 10)}`;
  return pdfResponse(document, await renderReviewPdf(document), stem);
}

/** What the minutes' hash covers: the meeting, the decisions and the actions, without presentation. */
function minutesContent(review: ManagementReviewDetail) {
  return {
    review: {
      ref: review.ref,
      title: review.title,
      scheduledFor: review.scheduledFor,
      heldOn: review.heldOn,
      status: review.status,
      chair: review.chair?.name ?? null,
      attendees: review.attendees,
      minutes: review.minutes,
      packAsOf: review.packAsOf,
    },
    decisions: review.decisionsByInput.map((d) => ({ inputKey: d.inputKey, decision: d.decision })),
    actions: review.actions.map((a) => ({
      ref: a.ref,
      title: a.title,
      description: a.description,
      inputKey: a.inputKey,
      owner: a.owner?.name ?? null,
      dueDate: a.dueDate,
      status: a.status,
    })),
  };
}

/** The minutes as blocks: meeting, attendees, the decision per input, the actions and the notes. */
function minutesBlocks(review: ManagementReviewDetail): DocumentBlock[] {
  const decisions = new Map(review.decisionsByInput.map((d) => [d.inputKey, d]));
  const title = (key: string | null) => reviewInputs.find((input) => input.key === key)?.title ?? "—";
  return [
    { kind: "heading", text: "Meeting" },
    {
      kind: "facts",
      rows: [
        ["Review", `${review.ref} ${review.title}`],
        ["Scheduled for", review.scheduledFor],
        ["Held on", review.heldOn ?? "Not yet held"],
        ["Status", labelOf("managementReviewStatus", review.status)],
        ["Chair", review.chair?.name ?? "—"],
        ["Input pack", review.packAsOf ? `Records as of ${formatUtc(new Date(review.packAsOf))}` : "Not compiled"],
      ],
    },
    { kind: "heading", text: "Attendees" },
    review.attendees.length > 0
      ? { kind: "paragraph", text: review.attendees.join("\n") }
      : { kind: "paragraph", muted: true, text: "No attendees recorded." },
    { kind: "heading", text: "Decisions on each input (9.3.3)" },
    {
      kind: "table",
      columns: ["Clause", "Input", "Decision"],
      rows: reviewInputs.map((input) => [
        input.clause,
        input.title,
        decisions.get(input.key)?.decision ?? "No decision recorded",
      ]),
      empty: "",
    },
    { kind: "heading", text: "Actions" },
    {
      kind: "table",
      columns: ["Action", "Input", "Owner", "Due", "Status"],
      rows: review.actions.map((a) => [
        `${a.ref} ${a.title}${a.description ? `\n${a.description}` : ""}`,
        title(a.inputKey),
        a.owner?.name ?? "—",
        a.dueDate ?? "—",
        labelOf("reviewActionStatus", a.status),
      ]),
      empty: "No actions were decided.",
    },
    { kind: "heading", text: "Minutes" },
    review.minutes
      ? { kind: "paragraph", text: review.minutes }
      : { kind: "paragraph", muted: true, text: "No minutes written." },
  ];
}

/** The minutes of a review as a PDF. */
export async function minutesPdf(db: Kysely<Database>, orgId: string, review: ManagementReviewDetail) {
  const document: ReviewDocument = {
    title: `Management review minutes — ${review.ref} ${review.title}`,
    orgName: await orgName(db, orgId),
    version: `${review.ref} v${review.version} (${labelOf("managementReviewStatus", review.status).toLowerCase()})`,
    generatedAt: new Date(),
    facts: [
      ["Held on", review.heldOn ?? "Not yet held"],
      ["Decisions", `${review.decisionsByInput.length} of ${reviewInputs.length} inputs`],
      ["Actions", String(review.actions.length)],
    ],
    contentSha256: sha256(minutesContent(review)),
    hashDefinition: minutesHashDefinition,
    blocks: minutesBlocks(review),
  };
  return pdfResponse(document, await renderReviewPdf(document), `${review.ref}-minutes`);
}
