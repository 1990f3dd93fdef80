import { describe, expect, it } from "vitest";
import { keyRefusal, keysForOrganization, parseRedteamKeys, redteamKeyWarnings } from "./redteam-keys.js";

const TARGETS = ["https://bot.acme.example", "http://127.0.0.1:8000"];
const ACME = { id: "2b7c5d0e-0000-4000-8000-000000000001", slug: "acme" };
const BETA = { id: "2b7c5d0e-0000-4000-8000-000000000002", slug: "beta" };

describe("red-team key bindings", () => {
  const keys = parseRedteamKeys(
    {
      AIMS_REDTEAM_KEY_BOT: "sk-bot-value",
      AIMS_REDTEAM_KEY_BOT_ORGS: " Acme , 2b7c5d0e-0000-4000-8000-000000000002",
      AIMS_REDTEAM_KEY_BOT_ORIGINS: "https://bot.acme.example/",
      AIMS_REDTEAM_KEY_LOOSE: "sk-loose-value",
      AIMS_REDTEAM_KEY_HALF: "sk-half-value",
      AIMS_REDTEAM_KEY_HALF_ORGS: "acme",
      AIMS_REDTEAM_KEY_GONE_ORIGINS: "http://127.0.0.1:8000",
      AIMS_REDTEAM_TARGETS: TARGETS.join(","),
      DATABASE_URL: "postgres://secret",
    },
    TARGETS,
  );

  it("reads each key's organisations and origins, never its value", () => {
    expect(keys).toEqual([
      { name: "AIMS_REDTEAM_KEY_BOT", orgs: ["acme", BETA.id], origins: ["https://bot.acme.example"], keySet: true },
      { name: "AIMS_REDTEAM_KEY_GONE", orgs: [], origins: ["http://127.0.0.1:8000"], keySet: false },
      { name: "AIMS_REDTEAM_KEY_HALF", orgs: ["acme"], origins: [], keySet: true },
      { name: "AIMS_REDTEAM_KEY_LOOSE", orgs: [], origins: [], keySet: true },
    ]);
    expect(JSON.stringify(keys)).not.toContain("sk-");
  });

  it("says at start which keys nobody can use, naming variables only", () => {
    const warnings = redteamKeyWarnings(keys);
    expect(warnings).toEqual([
      "AIMS_REDTEAM_KEY_GONE_ORGS or _ORIGINS is set, but AIMS_REDTEAM_KEY_GONE is not: no key.",
      "AIMS_REDTEAM_KEY_HALF is usable by no organisation until AIMS_REDTEAM_KEY_HALF_ORIGINS is set.",
      "AIMS_REDTEAM_KEY_LOOSE is usable by no organisation until AIMS_REDTEAM_KEY_LOOSE_ORGS and AIMS_REDTEAM_KEY_LOOSE_ORIGINS are set.",
    ]);
    expect(warnings.join("\n")).not.toContain("sk-");
  });

  it("lets an organisation named by slug or id send a key to its bound origins only", () => {
    expect(keyRefusal(keys, "AIMS_REDTEAM_KEY_BOT", ACME, "https://bot.acme.example/v1")).toBeNull();
    expect(keyRefusal(keys, "AIMS_REDTEAM_KEY_BOT", BETA, "https://bot.acme.example/chat")).toBeNull();
    expect(keyRefusal(keys, "AIMS_REDTEAM_KEY_BOT", ACME, "http://127.0.0.1:8000/v1")).toBe(
      "AIMS_REDTEAM_KEY_BOT may only be sent to https://bot.acme.example, not to http://127.0.0.1:8000.",
    );
  });

  it("refuses another organisation's key, an unbound key and an unknown one alike", () => {
    const gamma = { id: "2b7c5d0e-0000-4000-8000-000000000003", slug: "gamma" };
    const refusal = (name: string, org = gamma) => keyRefusal(keys, name, org, "https://bot.acme.example/v1");
    expect(refusal("AIMS_REDTEAM_KEY_BOT")).toMatch(/^AIMS_REDTEAM_KEY_BOT is not a key this organisation may use/);
    expect(refusal("AIMS_REDTEAM_KEY_LOOSE", ACME)).toMatch(/is not a key this organisation may use/);
    expect(refusal("AIMS_REDTEAM_KEY_HALF", ACME)).toMatch(/is not a key this organisation may use/);
    expect(refusal("AIMS_REDTEAM_KEY_GONE", ACME)).toMatch(/is not a key this organisation may use/);
    expect(refusal("AIMS_REDTEAM_KEY_NONE", ACME)).toMatch(/is not a key this organisation may use/);
    expect(refusal("AIMS_REDTEAM_KEY_BOT_ORGS", ACME)).toMatch(/is not a key this organisation may use/);
  });

  it("lists for each organisation only the keys it may use", () => {
    expect(keysForOrganization(keys, ACME)).toEqual([
      { name: "AIMS_REDTEAM_KEY_BOT", origins: ["https://bot.acme.example"] },
    ]);
    expect(keysForOrganization(keys, { id: "x", slug: "gamma" })).toEqual([]);
  });

  it("stops the server when a binding names an origin outside AIMS_REDTEAM_TARGETS", () => {
    const env = { AIMS_REDTEAM_KEY_BOT: "sk-bot", AIMS_REDTEAM_KEY_BOT_ORIGINS: "https://elsewhere.example" };
    expect(() => parseRedteamKeys(env, TARGETS)).toThrow(
      "AIMS_REDTEAM_KEY_BOT_ORIGINS: https://elsewhere.example is not among AIMS_REDTEAM_TARGETS",
    );
    expect(() => parseRedteamKeys({ ...env, AIMS_REDTEAM_KEY_BOT_ORIGINS: "ftp://x" }, TARGETS)).toThrow(
      "AIMS_REDTEAM_KEY_BOT_ORIGINS: 'ftp://x' is not an http:// or https:// origin",
    );
  });
});
