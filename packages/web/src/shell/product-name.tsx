import { Anchor } from "@mantine/core";
import { Link } from "react-router";

/** The product name in the header; leads back to the current organisation. */
export function ProductName() {
  return (
    <Anchor component={Link} to="/" fw={700} size="lg" c="var(--mantine-color-text)" underline="never">
      OpenAIMS
    </Anchor>
  );
}
