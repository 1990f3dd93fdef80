import { Center, Loader } from "@mantine/core";

/** Placeholder while a page or its data loads. */
export function PageLoader() {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label="Loading" />
    </Center>
  );
}
