import type { SystemValues } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import type { SheetTable } from "./import-plan.js";
import { planSystemImport } from "./system-import-plan.js";
import type { SystemImportLookups } from "./system-import-row.js";

const OWNER_ID = "0b6e5e9e-5a2f-4c55-9e7a-3b1c0d9f1a11";
const existing: SystemValues = {
  name: "Support bot",
  slug: "support-bot",
  description: "",
  purpose: "Answer questions",
  intendedUse: "",
  limitations: "",
  ourRole: "deployer",
  lifecycleStage: "operation",
  impactTier: "low",
  highImpactReasons: [],
  dataCategories: ["personal"],
  capabilities: ["llm"],
  autonomy: "advisory",
  humanOversight: "",
  customerFacing: true,
  ownerId: OWNER_ID,
  reviewDate: null,
};
const lookups: SystemImportLookups = {
  memberIdByEmail: new Map([["ana@example.com", OWNER_ID]]),
  existingBySlug: new Map([
    ["support-bot", { id: "s1", values: existing, archived: false }],
    ["old-bot", { id: "s2", values: { ...existing, slug: "old-bot" }, archived: true }],
  ]),
};

function sheet(headers: string[], ...rows: string[][]): SheetTable {
  return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const headers = ["name", "our_role", "impact_tier", "autonomy", "data_categories", "owner_email"];

describe("planSystemImport", () => {
  it("reads cells leniently and plans creates", () => {
    const plan = planSystemImport(
      sheet(
        ["Name", "Our role", "Impact tier", "Autonomy", "Data categories", "Owner email", "Customer facing"],
        ["Credit scorer", "Provider", "HIGH", "Human in the loop", "Financial; Personal", "Ana@Example.com", "Yes"],
      ),
      lookups,
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^row 2, high_impact_reasons: name at least one reason/),
    ]);
    const fixed = planSystemImport(
      sheet(
        [...headers, "high_impact_reasons", "customer_facing"],
        [
          "Credit scorer",
          "Provider",
          "HIGH",
          "Human in the loop",
          "Financial; Personal",
          "Ana@Example.com",
          "financial",
          "Yes",
        ],
      ),
      lookups,
    );
    expect(fixed.valid).toBe(true);
    expect(fixed.rows[0]).toMatchObject({ action: "create", key: "credit-scorer" });
    expect(fixed.rows[0]?.values).toMatchObject({
      ourRole: "provider",
      impactTier: "high",
      autonomy: "human_in_the_loop",
      dataCategories: ["personal", "financial"],
      ownerId: OWNER_ID,
      customerFacing: true,
      lifecycleStage: "planned",
    });
  });

  it("names the row and column of every error, and plans nothing as valid", () => {
    const plan = planSystemImport(
      sheet(
        headers,
        ["Fine", "user", "low", "advisory", "", ""],
        ["Bad", "user", "extreme", "advisory", "personal; helth", "nobody@example.com"],
        ["", "wizard", "low", "", "", ""],
      ),
      lookups,
    );
    expect(plan.valid).toBe(false);
    const messages = plan.errors.map((e) => e.message);
    expect(messages).toContain("row 3, impact_tier: must be one of low, medium, high");
    expect(messages).toContainEqual(expect.stringMatching(/^row 3, data_categories: "helth" must be one of personal,/));
    expect(messages).toContain(
      "row 3, owner_email: no active member of this organisation has the e-mail nobody@example.com",
    );
    expect(messages).toContain("row 4, name: required");
    expect(messages).toContainEqual(expect.stringMatching(/^row 4, our_role: must be one of provider, deployer, user/));
    expect(messages).toContainEqual(expect.stringMatching(/^row 4, autonomy: required/));
    expect(plan.summary).toMatchObject({ rows: 3, create: 1, invalid: 2 });
  });

  it("updates by slug with the columns given, and sees unchanged rows", () => {
    const plan = planSystemImport(
      sheet(
        ["slug", "name", "impact_tier", "customer_facing"],
        ["support-bot", "Support bot", "low", "yes"],
        ["SUPPORT-BOT ", "Support bot", "medium", "yes"],
      ),
      lookups,
    );
    expect(plan.rows[0]).toMatchObject({ action: "unchanged" });
    expect(plan.rows[1]?.action).toBe("invalid");
    expect(plan.errors.map((e) => e.message)).toEqual(["row 3, slug: 'support-bot' is already used on row 2"]);
    const update = planSystemImport(
      sheet(["slug", "name", "impact_tier"], ["support-bot", "Support bot", "medium"]),
      lookups,
    );
    expect(update.rows[0]).toMatchObject({ action: "update" });
    expect(update.rows[0]?.values).toMatchObject({
      impactTier: "medium",
      purpose: "Answer questions",
      ownerId: OWNER_ID,
    });
  });

  it("refuses archived slugs, files without a name column, and empty files", () => {
    const archived = planSystemImport(sheet(["slug", "name"], ["old-bot", "Old"]), lookups);
    expect(archived.errors.map((e) => e.message)).toContain(
      "row 2, slug: the system 'old-bot' is archived; use another slug",
    );
    const noName = planSystemImport(sheet(["title", "impact_tier"], ["x", "low"]), lookups);
    expect(noName.errors.map((e) => e.message)).toEqual(["row 1, name: the file needs a name column"]);
    expect(noName.warnings).toEqual(["The column 'title' is not one the import knows; it was ignored."]);
    const empty = planSystemImport(sheet(headers, ["", "", "", "", "", ""]), lookups);
    expect(empty.valid).toBe(false);
    expect(empty.summary.rows).toBe(0);
  });
});
