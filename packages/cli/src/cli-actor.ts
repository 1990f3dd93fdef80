import { systemActor } from "@openaims/server";

/** The actor named in audit entries written from the command line. */
export const cliActor = systemActor("aims CLI");
