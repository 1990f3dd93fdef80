import type { Routes } from "@openaims/contracts";
import { crosswalksFor } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { presentCatalogue, presentThreatLibrary } from "./present-catalogue.js";
import { presentFrameworkMappings } from "./present-framework-mappings.js";

// The catalogue is fixed for the life of the process, so each full answer is built once.
let catalogue: ReturnType<typeof presentCatalogue> | undefined;
let threatLibrary: ReturnType<typeof presentThreatLibrary> | undefined;
let frameworkMappings: ReturnType<typeof presentFrameworkMappings> | undefined;

export const getCatalogue: Handler<Routes["getCatalogue"]> = async () => {
  catalogue ??= presentCatalogue();
  return catalogue;
};

export const listThreats: Handler<Routes["listThreats"]> = async () => {
  threatLibrary ??= presentThreatLibrary();
  return threatLibrary;
};

export const getFrameworkMappings: Handler<Routes["getFrameworkMappings"]> = async ({ input }) => {
  const id = input.query.iso42001;
  if (id === undefined) {
    frameworkMappings ??= presentFrameworkMappings();
    return frameworkMappings;
  }
  const selection = crosswalksFor(id);
  if (!selection) {
    throw new AppError("not_found", `'${id}' is not a clause, Annex A area or control of ISO/IEC 42001.`);
  }
  return presentFrameworkMappings(selection);
};
