import { describe, expect, it } from "vitest";
import { nextStage, stageMove } from "./lifecycle-moves.js";

describe("lifecycle moves", () => {
  it("tells forward moves from moving back and retiring", () => {
    expect(stageMove("planned", "design")).toBe("forward");
    expect(stageMove("development", "deployment")).toBe("forward");
    expect(stageMove("deployment", "development")).toBe("back");
    expect(stageMove("operation", "retired")).toBe("retire");
    expect(stageMove("planned", "retired")).toBe("retire");
    expect(stageMove("retired", "operation")).toBe("forward");
    expect(stageMove("validation", "validation")).toBe("none");
  });

  it("names the next gated stage, none after operation", () => {
    expect(nextStage("planned")).toBe("design");
    expect(nextStage("validation")).toBe("deployment");
    expect(nextStage("operation")).toBeNull();
    expect(nextStage("retired")).toBeNull();
  });
});
