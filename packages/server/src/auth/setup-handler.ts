import type { Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { createOrganization } from "../orgs/create-organization.js";
import { createUser } from "./create-user.js";
import { checkSetupCode, consumeSetupCode } from "./setup-code.js";
import { signinActor } from "./signin-actor.js";
import { countAttemptFromAddress } from "./signin-throttle.js";
import { startSession } from "./start-session.js";

export const setup: Handler<Routes["setup"]> = async ({
  input,
  tx,
  deps,
  request,
  reply,
  requestId,
  failAfterCommit,
}) => {
  await countAttemptFromAddress(
    tx,
    request.ip,
    "Too many attempts from your address. Wait a few minutes and try again.",
  );
  // Lock the settings row so two set-up attempts cannot both succeed.
  await tx.selectFrom("instance_settings").select("key").where("key", "=", "setup_code").forUpdate().execute();
  const anyUser = await tx.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (anyUser) throw new AppError("conflict", "OpenAIMS is already set up. Sign in instead.");
  if (!(await checkSetupCode(tx, input.body.setupCode))) {
    // Commit, then refuse: the attempt recorded above must count, or guessing would never be throttled.
    failAfterCommit(
      new AppError(
        "forbidden",
        "The setup code is wrong. Use the code printed in the server's console when it started.",
      ),
    );
    return undefined as never;
  }
  const user = await createUser(tx, { email: input.body.email, name: input.body.name, password: input.body.password });
  await createOrganization(tx, { name: input.body.orgName, ownerUserId: user.id, actor: signinActor(user), requestId });
  await consumeSetupCode(tx);
  return startSession(tx, deps, request, reply, user.id, "setup");
};
