import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact.js";

describe("redactUrl", () => {
  it("hides the secret segment of concern and approval links, and secret query values", () => {
    expect(redactUrl("/concern/abc123")).toBe("/concern/[redacted]");
    expect(redactUrl("/approve/tok_SECRET?x=1")).toBe("/approve/[redacted]?x=1");
    expect(redactUrl("/api/v1/agent-approval-links/tok_SECRET")).toBe("/api/v1/agent-approval-links/[redacted]");
    expect(redactUrl("/api/v1/orgs/o/agent-approvals/a1")).toBe("/api/v1/orgs/o/agent-approvals/a1");
    expect(redactUrl("/login?token=abc&next=/x")).toBe("/login?token=[redacted]&next=/x");
  });
});
