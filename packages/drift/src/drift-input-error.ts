/** Bad input: a missing or mismatched column, an unreadable or empty file. `column` names the column when there is one. */
export class DriftInputError extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = "DriftInputError";
  }
}
