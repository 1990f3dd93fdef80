import { type LifecycleStage, lifecycleStages } from "@openaims/contracts";

/**
 * How a stage change relates to the lifecycle: `forward` passes a gate; `back` (returning to an
 * earlier stage) and `retire` are allowed without one; `none` is no change.
 */
export type StageMove = "forward" | "back" | "retire" | "none";

const position = (stage: LifecycleStage) => lifecycleStages.indexOf(stage);

export function stageMove(from: LifecycleStage, to: LifecycleStage): StageMove {
  if (from === to) return "none";
  if (to === "retired") return "retire";
  // Bringing a retired system back is a release like any other.
  if (from === "retired") return "forward";
  return position(to) > position(from) ? "forward" : "back";
}

/** The stage after `stage` that a gate leads into, or null when there is none (operation, retired). */
export function nextStage(stage: LifecycleStage): LifecycleStage | null {
  const next = lifecycleStages[position(stage) + 1];
  return next && next !== "retired" ? next : null;
}
