import { type ErrorCode, errorStatus } from "@openaims/contracts";

/** The one error type handlers throw. Its code decides the HTTP status; its message is shown to people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** "Member 'x' is not in this organisation" — the same answer whether it never existed or belongs elsewhere. */
export function notFound(entity: string, id: string): AppError {
  return new AppError("not_found", `${entity} '${id}' was not found in this organisation.`);
}

export function staleVersion(entity: string, current: number, sent: number): AppError {
  return new AppError(
    "version_conflict",
    `This ${entity} was changed by someone else (now version ${current}, you sent ${sent}). Reload it and try again.`,
    { currentVersion: current },
  );
}

export function forbidden(message: string): AppError {
  return new AppError("forbidden", message);
}
