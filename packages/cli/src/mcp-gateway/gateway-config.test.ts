import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { policyDocumentSchema } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { durationMs, gatewayConfigSchema, resolveGatewayConfig } from "./gateway-config.js";

const exampleFolder = fileURLToPath(new URL("../../../../examples/mcp-gateway/", import.meta.url));
const examplePath = join(exampleFolder, "gateway.yaml");

/** The keys of every mistake the schema finds, as a person reads them. */
function mistakes(config: unknown): string[] {
  const checked = gatewayConfigSchema.safeParse(config);
  return checked.success ? [] : checked.error.issues.map((issue) => issue.path.join("."));
}

describe("the gateway configuration", () => {
  it("reads the issue's example: a stdio server run from the file's folder, an inline policy, stdio, auto approvals", () => {
    const raw = parseYaml(readFileSync(examplePath, "utf8"));
    const config = resolveGatewayConfig(gatewayConfigSchema.parse(raw), examplePath, {});
    expect(config.servers).toEqual([
      {
        name: "support",
        kind: "stdio",
        command: "node",
        args: ["support-tools.js"],
        env: {},
        cwd: exampleFolder.replace(/\/$/, ""),
      },
    ]);
    expect(config.listen).toEqual({ kind: "stdio" });
    expect(config.report).toBeNull();
    expect(config.approvals).toEqual({ via: "auto", timeoutMs: 600_000 });
    expect(config.policy.kind).toBe("inline");
    if (config.policy.kind === "inline")
      expect(policyDocumentSchema.safeParse(config.policy.document).success).toBe(true);
  });

  it("names the key of each mistake", () => {
    expect(mistakes({ policy: { default: "deny" } })).toEqual(["servers"]);
    expect(mistakes({ servers: {}, policy: {} })).toEqual(["servers"]);
    expect(mistakes({ servers: { a: { command: "node", argz: [] } }, policy: {} })).toEqual(["servers.a"]);
    expect(mistakes({ servers: { a: { url: "ftp://x" } }, policy: {} })).toEqual(["servers.a.url"]);
    expect(
      mistakes({ servers: { a: { url: "http://x/mcp" } }, policy: {}, listen: { http: { port: 70_000 } } }),
    ).toEqual(["listen.http.port"]);
    expect(mistakes({ servers: { a: { url: "http://x/mcp" } }, policy: { file: 3 } })).toEqual(["policy.file"]);
    expect(mistakes({ servers: { a: { url: "http://x/mcp" } }, policy: { server: { url: "http://aims" } } })).toEqual([
      "policy.server.system",
    ]);
    expect(mistakes({ servers: { a: { url: "http://x/mcp" } }, policy: {}, approvals: { via: "email" } })).toEqual([
      "approvals.via",
    ]);
  });

  it("takes the policy server's token from the variable it names, and reports to the policy server by default", () => {
    const file = gatewayConfigSchema.parse({
      servers: { a: { url: "http://127.0.0.1:9/mcp", prefix: "a_" } },
      policy: { server: { url: "http://aims.example/", token_env: "GATEWAY_TOKEN", org: "o", system: "s" } },
      report: { buffer: "decisions.jsonl" },
    });
    const config = resolveGatewayConfig(file, "/etc/aims/gateway.yaml", { GATEWAY_TOKEN: "aims_secret" });
    expect(config.policy).toEqual({
      kind: "server",
      server: { url: "http://aims.example", token: "aims_secret", org: "o", system: "s" },
    });
    expect(config.report).toEqual({
      url: "http://aims.example",
      token: "aims_secret",
      org: "o",
      system: "s",
      buffer: "/etc/aims/decisions.jsonl",
      intervalMs: 2000,
    });
    expect(() => resolveGatewayConfig(file, "/etc/aims/gateway.yaml", {})).toThrow(
      "policy.server.token_env names GATEWAY_TOKEN, which is not set",
    );
  });

  it("resolves a policy file against the configuration's folder", () => {
    const file = gatewayConfigSchema.parse({
      servers: { a: { command: "x" } },
      policy: { file: "policies/agent.yaml" },
    });
    expect(resolveGatewayConfig(file, "/srv/gw/gateway.yaml", {}).policy).toEqual({
      kind: "file",
      path: "/srv/gw/policies/agent.yaml",
    });
  });

  it("reads durations", () => {
    expect([durationMs("90s"), durationMs("15m"), durationMs("4h"), durationMs("2d")]).toEqual([
      90_000, 900_000, 14_400_000, 172_800_000,
    ]);
  });
});
