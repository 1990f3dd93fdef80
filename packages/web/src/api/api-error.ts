import { type ErrorCode, errorBodySchema } from "@openaims/contracts";

/** Status used when the server could not be reached at all. */
export const NETWORK_STATUS = 0;

/** An error answered by the API, or a failure to reach it. `message` is fit to show to the user. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly requestId: string | null;
  readonly details: unknown;

  constructor(init: {
    code: ErrorCode;
    message: string;
    status: number;
    requestId?: string | null;
    details?: unknown;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.details = init.details;
  }

  /** Builds the error from a non-2xx response, tolerating bodies that are not the documented shape. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = await response.json().catch(() => null);
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, requestId, details } = parsed.data.error;
      return new ApiError({ code, message, status: response.status, requestId, details });
    }
    return new ApiError({
      code: response.status >= 500 ? "internal" : "validation_failed",
      message: `The server answered ${response.status} ${response.statusText}`.trim(),
      status: response.status,
      requestId: response.headers.get("x-request-id"),
    });
  }

  static network(): ApiError {
    return new ApiError({
      code: "internal",
      message: "The server could not be reached. Check your connection and try again.",
      status: NETWORK_STATUS,
    });
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A message for any thrown value, preferring the API's own words. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
