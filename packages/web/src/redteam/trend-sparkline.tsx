import { Group, Text } from "@mantine/core";
import type { TrendPoint } from "./redteam-types";
import { sparklinePoints } from "./sparkline-points";

const WIDTH = 160;
const HEIGHT = 32;

/**
 * Vulnerable cases over the latest scans as a small line; the numbers are also given as text, so
 * the chart is never the only way to read them.
 */
export function TrendSparkline({ points }: { points: TrendPoint[] }) {
  if (points.length === 0) return <Text c="dimmed">No finished scans yet.</Text>;
  const values = points.map((point) => point.vulnerable);
  const first = points[0];
  const last = points[points.length - 1];
  const lastPoint = sparklinePoints(values, WIDTH, HEIGHT, 3).split(" ").at(-1)?.split(",").map(Number);
  const scans = points.length === 1 ? "scan" : `${points.length} scans`;
  const description = `Vulnerable cases over the last ${scans}: ${values.join(", ")}.`;
  return (
    <Group gap="md" align="center">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <polyline
          points={sparklinePoints(values, WIDTH, HEIGHT, 3)}
          fill="none"
          stroke="var(--mantine-color-red-6)"
          strokeWidth={2}
          strokeLinejoin="round"
        />
        {lastPoint && <circle cx={lastPoint[0]} cy={lastPoint[1]} r={3} fill="var(--mantine-color-red-6)" />}
      </svg>
      <Text size="sm">
        {last?.vulnerable ?? 0} vulnerable in {last?.ref}
        {points.length > 1 && first ? ` (was ${first.vulnerable} in ${first.ref})` : ""}
      </Text>
    </Group>
  );
}
