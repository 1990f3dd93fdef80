import type { ErrorBody, ErrorCode } from "@openaims/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./app-error.js";

/** Fastify's own client errors, translated to our codes. */
const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "payload_too_large",
    message: "The request body is larger than the server accepts.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    message: "Send the request body as application/json.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "validation_failed",
    message: "The request needs a JSON body.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "validation_failed", message: "The request body is not valid JSON." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "validation_failed",
    message: "The Content-Length header does not match the body.",
  },
};

/** PostgreSQL errors a client can cause, by SQLSTATE. */
const databaseCodes: Record<string, { code: ErrorCode; message: string }> = {
  "23505": { code: "conflict", message: "A record with the same unique value already exists." },
  "40001": { code: "conflict", message: "The change collided with another one; try again." },
  "40P01": { code: "conflict", message: "The change collided with another one; try again." },
  "22021": { code: "validation_failed", message: "The request contains text the database cannot store (a NUL byte)." },
  "22P05": { code: "validation_failed", message: "The request contains text the database cannot store (a NUL byte)." },
  "22008": { code: "validation_failed", message: "The request contains a date or time outside the supported range." },
};

export function errorBody(code: ErrorCode, message: string, requestId: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

/** The one place errors become responses: a stable code, a message a person can act on, never internals. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof AppError) {
    if (error.code === "internal") request.log.error({ err: error }, "internal error");
    void reply.status(error.status).send(errorBody(error.code, error.message, request.id, error.details));
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  const known = (fastifyCode && fastifyCodes[fastifyCode]) || databaseCodes[fastifyCode ?? ""];
  if (known) {
    const status =
      known.code === "payload_too_large"
        ? 413
        : known.code === "unsupported_media_type"
          ? 415
          : known.code === "conflict"
            ? 409
            : 400;
    void reply.status(status).send(errorBody(known.code, known.message, request.id));
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    void reply
      .status(status)
      .send(errorBody(status === 404 ? "not_found" : "validation_failed", error.message, request.id));
    return;
  }
  request.log.error({ err: error }, "unhandled error");
  void reply
    .status(500)
    .send(
      errorBody("internal", "Something went wrong on the server. Quote the request id when reporting it.", request.id),
    );
}
