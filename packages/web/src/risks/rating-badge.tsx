import { Badge } from "@mantine/core";
import type { RiskRating } from "@openaims/contracts";
import { ratingColors, ratingLabels } from "./risk-labels";

/** A rating as a coloured badge; the word is always shown, so colour is never the only cue. */
export function RatingBadge({ rating }: { rating: RiskRating | null }) {
  if (!rating)
    return (
      <Badge variant="outline" color="gray">
        Not rated
      </Badge>
    );
  return (
    <Badge variant="filled" color={ratingColors[rating]} autoContrast>
      {ratingLabels[rating]}
    </Badge>
  );
}
