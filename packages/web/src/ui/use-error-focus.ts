import { useEffect, useRef } from "react";

/**
 * Moves a person to what went wrong when a submit fails: after `errors` (the client's field messages)
 * or `error` (the server's answer) change, the first input marked invalid in the form is focused and
 * scrolled into view; when no input is marked, the form's alert is. Returns the ref for the `<form>`.
 */
export function useErrorFocus<T extends HTMLElement = HTMLFormElement>(errors: unknown, error?: unknown) {
  const ref = useRef<T>(null);
  // Field messages are compared by content: some forms derive them anew on every render.
  const fieldErrors = JSON.stringify(errors ?? null);
  useEffect(() => {
    const hasFieldErrors = !["null", "{}", '""'].includes(fieldErrors);
    const hasError = error !== null && error !== undefined && error !== false;
    if (!hasFieldErrors && !hasError) return;
    const form = ref.current;
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (target.getAttribute("role") === "alert" && !target.hasAttribute("tabindex")) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center", behavior: "auto" });
  }, [fieldErrors, error]);
  return ref;
}
