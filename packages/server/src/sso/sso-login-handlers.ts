import type { Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";

export const startSso: Handler<Routes["startSso"]> = async () => {
  throw new AppError("not_found", "Single sign-on is not available yet.");
};

export const finishSso: Handler<Routes["finishSso"]> = async () => {
  throw new AppError("not_found", "Single sign-on is not available yet.");
};
