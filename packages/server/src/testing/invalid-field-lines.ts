/**
 * The fields a `validation_failed` answer names, one "body.name: must be …" line each, for a test to
 * look for a field path and its message now that the summary above them speaks in labels.
 */
export function invalidFieldLines(res: { json(): unknown }): string {
  const body = res.json() as { error?: { details?: { fields?: { field: string; message: string }[] } } };
  return (body.error?.details?.fields ?? []).map((f) => `${f.field}: ${f.message}`).join("\n");
}
