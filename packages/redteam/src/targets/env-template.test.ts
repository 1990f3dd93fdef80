import { describe, expect, it } from "vitest";
import { resolveEnvRecord, resolveEnvTemplate, resolveTargetSecrets } from "./env-template.js";

/** `${env:NAME}` written without tripping the template-string lint. */
const envRef = (name: string) => `\${env:${name}}`;

describe("resolveEnvTemplate", () => {
  it("replaces every reference and leaves other text alone", () => {
    const env = { KEY: "k-1", USER_ID: "u7" };
    expect(resolveEnvTemplate(`Bearer ${envRef("KEY")} for ${envRef("USER_ID")}`, env, "headers.Authorization")).toBe(
      "Bearer k-1 for u7",
    );
    const notReferences = `${envRef("lower-case")} $KEY {env:KEY}`;
    expect(resolveEnvTemplate(notReferences, env, "x")).toBe(notReferences);
  });

  it("names the setting and the variable when the variable is missing", () => {
    expect(() => resolveEnvRecord({ Authorization: `Bearer ${envRef("NOPE")}` }, {}, "headers")).toThrow(
      "headers.Authorization: environment variable NOPE is not set",
    );
  });

  it("resolves the target's secrets", () => {
    expect(resolveTargetSecrets({ secrets: { db: envRef("DB") } }, { DB: "pw" })).toEqual({ db: "pw" });
  });
});
