import { describe, expect, it } from "vitest";
import { booleanCell, dateCell, enumCell, enumListCell, keyOfCell, listCell } from "./import-cells.js";

describe("import cells", () => {
  it("turns headings and enum words into keys", () => {
    expect(keyOfCell("High-impact reasons")).toBe("high_impact_reasons");
    expect(keyOfCell("  Owner E-mail ")).toBe("owner_e_mail");
    expect(keyOfCell("impact_tier")).toBe("impact_tier");
    expect(enumCell("Human in the loop")).toBe("human_in_the_loop");
    expect(enumCell("Operator", { operator: "deployer" })).toBe("deployer");
    expect(enumCell("  ")).toBeUndefined();
  });

  it("splits multi-value cells on common separators", () => {
    expect(listCell("personal; health")).toEqual(["personal", "health"]);
    expect(listCell("a, b |c\nd")).toEqual(["a", "b", "c", "d"]);
    expect(listCell(" ; ")).toEqual([]);
    expect(enumListCell("Sensitive personal; Confidential business")).toEqual([
      "sensitive_personal",
      "confidential_business",
    ]);
  });

  it("reads yes/no words and leaves anything else for the schema", () => {
    expect(booleanCell("Yes")).toBe(true);
    expect(booleanCell("TRUE")).toBe(true);
    expect(booleanCell("no")).toBe(false);
    expect(booleanCell("")).toBe(false);
    expect(booleanCell("maybe")).toBe("maybe");
  });

  it("reads dates, keeping the date of a timestamp", () => {
    expect(dateCell("")).toBeNull();
    expect(dateCell("2026-03-01")).toBe("2026-03-01");
    expect(dateCell("2026-03-01T00:00:00.000Z")).toBe("2026-03-01");
    expect(dateCell("01/03/2026")).toBe("01/03/2026");
  });
});
