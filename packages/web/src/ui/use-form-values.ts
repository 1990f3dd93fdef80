import { type ChangeEvent, useState } from "react";
import type { FieldErrors } from "../api/form-errors";

/**
 * Text-field state for a small form: `bind(name)` gives an input its value, change handler and
 * error message; `errors` is filled from schema validation or the server's answer.
 */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const bind = (name: keyof T & string) => ({
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [name]: value }));
    },
    error: errors[name],
  });
  return { values, setValues, errors, setErrors, bind, reset: () => setValues(initial) };
}
