import { List, Text } from "@mantine/core";
import type { PolicyProblem } from "@openaims/contracts";

/** Mistakes or warnings of a policy, each with the path it is at. */
export function PolicyProblems({
  title,
  problems,
  tone,
}: {
  title: string;
  problems: readonly PolicyProblem[];
  tone: "red" | "orange";
}) {
  if (problems.length === 0) return null;
  return (
    <div role={tone === "red" ? "alert" : "status"}>
      <Text fw={600} c={tone} size="sm">
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {problems.map((problem) => (
          <List.Item key={`${problem.path}:${problem.message}`}>
            <Text span ff="monospace" size="sm">
              {problem.path || "source"}
            </Text>{" "}
            — {problem.message}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
