import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, humanizeKey } from "./field-labels.js";
import { fieldMessage, fieldMessages, plainParseOptions, validationSummary } from "./field-messages.js";
import { valueLabels } from "./value-labels.js";

const schema = z.object({
  name: z.string().trim().min(1).max(200),
  highImpactReasons: z
    .array(z.enum(["eligibility", "security_access"]))
    .max(2)
    .meta({ title: "High-impact reasons" }),
  reviewDate: z.iso.date({ message: "must be a date written YYYY-MM-DD" }).nullable(),
  ownerMemberId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  role: z.enum(["owner", "compliance_manager"], { message: "must be owner or compliance_manager" }).optional(),
  website: z.url().optional(),
  target: z.object({ url: z.string().max(10) }).optional(),
  confirm: z.literal(true).optional(),
});

function messagesFor(value: unknown) {
  const result = schema.safeParse(value, plainParseOptions);
  if (result.success) throw new Error("expected the value to be refused");
  return fieldMessages(result.error.issues, schema, "body");
}

describe("validation messages", () => {
  it("labels a field by its title, or by its key in words", () => {
    expect(humanizeKey("highImpactReasons")).toBe("High impact reasons");
    expect(humanizeKey("ownerMemberId")).toBe("Owner member");
    expect(humanizeKey("memberIds")).toBe("Members");
    expect(humanizeKey("apiKeyEnv")).toBe("API key env");
    expect(humanizeKey("email")).toBe("E-mail");
    expect(humanizeKey("orgId")).toBe("Organisation");
    expect(fieldLabel(schema, ["highImpactReasons"])).toBe("High-impact reasons");
    expect(fieldLabel(schema, ["target", "url"])).toBe("Target › URL");
    expect(fieldLabel(schema, [], "body")).toBe("Request");
  });

  it("says what is wrong with each field in words, with the path kept for clients", () => {
    const fields = messagesFor({
      name: "x".repeat(201),
      highImpactReasons: ["eligibility", "ransom"],
      reviewDate: "31/12/2026",
      ownerMemberId: "nope",
      limit: "abc",
      role: "boss",
      website: "not an address",
      target: { url: "x".repeat(11) },
      confirm: false,
    });
    expect(fields).toEqual([
      { field: "body.name", label: "Name", message: "must be 200 characters or fewer" },
      {
        field: "body.highImpactReasons.1",
        label: "High-impact reasons",
        message:
          "choose one or more of: Decides eligibility (jobs, credit, housing, benefits, education), Grants or removes security access",
      },
      { field: "body.reviewDate", label: "Review date", message: "must be a date such as 2026-12-31" },
      {
        field: "body.ownerMemberId",
        label: "Owner member",
        message: "must be an identifier such as 4f7d3c5e-2a61-4f0b-9a8e-0c5b1d2e3f40",
      },
      { field: "body.limit", label: "Limit", message: "must be a number" },
      { field: "body.role", label: "Role", message: "must be one of: Owner, Compliance manager" },
      { field: "body.website", label: "Website", message: "must be a web address such as https://example.com" },
      { field: "body.target.url", label: "Target › URL", message: "must be 10 characters or fewer" },
      { field: "body.confirm", label: "Confirm", message: "must be confirmed" },
    ]);
  });

  it("says a missing or empty field is required, and bounds in words", () => {
    const fields = messagesFor({
      name: "  ",
      highImpactReasons: ["eligibility", "eligibility", "eligibility"],
      limit: 0,
    });
    expect(fields.map((f) => `${f.label}: ${f.message}`)).toEqual([
      "Name: is required",
      "High-impact reasons: can have at most 2 entries",
      "Review date: is required",
      "Limit: must be 1 or more",
    ]);
  });

  it("keeps the sentence a refinement gives, and words zod's default when it gives none", () => {
    const refined = z.object({
      a: z.string().refine((v) => v !== "x", "must not be x"),
      b: z.string().refine(() => false),
    });
    const result = refined.safeParse({ a: "x", b: "y" }, plainParseOptions);
    expect(result.success).toBe(false);
    const fields = fieldMessages(result.error?.issues ?? [], refined, "query");
    expect(fields.map((f) => f.message)).toEqual(["must not be x", "is not valid"]);
  });

  it("labels enum values from the shared label map, and other values in words", () => {
    expect(valueLabels(["owner", "compliance_manager"])).toEqual(["Owner", "Compliance manager"]);
    expect(valueLabels(["name", "-createdAt"])).toEqual(["Name", "Created at (descending)"]);
    expect(valueLabels(["true", "false"])).toEqual(["Yes", "No"]);
  });

  it("sums up the fields in one readable sentence with no paths", () => {
    const summary = validationSummary([
      fieldMessage("body.name", "must be 200 characters or fewer"),
      fieldMessage("body.reviewDate", "must be a date such as 2026-12-31."),
      fieldMessage("body.reviewDate", "is required"),
    ]);
    expect(summary).toBe(
      "Check 2 fields: Name — must be 200 characters or fewer; Review date — must be a date such as 2026-12-31.",
    );
  });
});
