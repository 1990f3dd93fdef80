import { Progress, Stack, Text } from "@mantine/core";
import { labelOf, type ObjectiveStanding } from "@openaims/contracts";
import { progressColor } from "./objective-tones";

/** How far from baseline to target, with the numbers in words for everyone (the bar repeats them). */
export function progressText(
  o: Pick<ObjectiveStanding, "current" | "target" | "unit" | "progressPercent" | "direction">,
) {
  const unit = o.unit ? ` ${o.unit}` : "";
  if (!o.current) return `No reading yet; target ${o.target}${unit}`;
  const percent = o.progressPercent === null ? "" : ` (${o.progressPercent}% of the way)`;
  return `${o.current.value}${unit} of ${o.direction === "increase" ? "at least" : "at most"} ${o.target}${unit}${percent}`;
}

/** A progress bar from baseline to target, coloured by the objective's state. */
export function ObjectiveProgressBar({ objective }: { objective: ObjectiveStanding }) {
  const text = progressText(objective);
  return (
    <Stack gap={4} miw={200}>
      <Progress
        value={objective.progressPercent ?? 0}
        color={progressColor[objective.state]}
        size="md"
        aria-label={`${objective.ref} progress: ${text}, ${labelOf("objectiveState", objective.state).toLowerCase()}`}
      />
      <Text size="sm">{text}</Text>
    </Stack>
  );
}
