import { describe, expect, it } from "vitest";
import { crosswalksFor, isIso42001Id, isWithin } from "./crosswalks-for.js";

describe("crosswalksFor", () => {
  it("knows clauses, areas and controls, and nothing else", () => {
    expect(isIso42001Id("6.1.2")).toBe(true);
    expect(isIso42001Id("A.6")).toBe(true);
    expect(isIso42001Id("A.6.2.4")).toBe(true);
    expect(isIso42001Id("A.11")).toBe(false);
    expect(crosswalksFor("A.11.1")).toBeNull();
  });

  it("respects the dot boundary between numbers", () => {
    expect(isWithin("A.10.2", "A.1")).toBe(false);
    expect(isWithin("A.10.2", "A.10")).toBe(true);
    expect(isWithin("10.2", "1")).toBe(false);
  });

  it("selects a control's own links and the area-level links of its area", () => {
    const selection = crosswalksFor("A.6.2.8");
    expect(selection?.entries.map((e) => e.iso42001)).toEqual(["A.6.2.8"]);
    expect(selection?.entries[0]?.euAiAct).toEqual(["Art. 12"]);
    expect(selection?.euAiActAreas.map((l) => l.article)).toEqual(["Art. 11", "Art. 12", "Art. 15"]);
    expect(selection?.iso27001.map((l) => l.iso27001)).toEqual(["A.5.33"]);
  });

  it("selects everything beneath a clause, and the anomalies printed for it", () => {
    const selection = crosswalksFor("6.1");
    expect(selection?.entries.map((e) => e.iso42001)).toEqual(["6.1.1", "6.1.2", "6.1.3", "6.1.4"]);
    expect(selection?.euAiActAreas.map((l) => l.article)).toEqual(["Art. 9", "Art. 17", "Art. 27"]);
    expect(selection?.anomalies.map((a) => a.nistAiRmf)).toEqual(["MAP 1.5"]);
  });
});
