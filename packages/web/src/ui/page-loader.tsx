import { Center, Loader, VisuallyHidden } from "@mantine/core";

/** Placeholder while a page or its data loads; the spinner is decoration, the hidden text is what is announced. */
export function PageLoader() {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>Loading</VisuallyHidden>
    </Center>
  );
}
