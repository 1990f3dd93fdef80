import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llmJudge, parseJudgeReply } from "./llm-judge.js";

describe("parseJudgeReply", () => {
  it("reads the JSON answer, even with text around it", () => {
    expect(parseJudgeReply('Sure: {"answer":"yes","rationale":"it leaked"}')).toEqual({
      answer: "yes",
      rationale: "it leaked",
    });
  });
  it("treats anything else as unclear", () => {
    expect(parseJudgeReply("maybe").answer).toBe("unclear");
    expect(parseJudgeReply('{"answer":"perhaps"}').answer).toBe("unclear");
  });
});

describe("llmJudge", () => {
  const prompts: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      prompts.push(JSON.parse(body).messages[0].content);
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({ choices: [{ message: { content: '{"answer":"no","rationale":"stayed on task"}' } }] }),
      );
    });
  });
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks the endpoint and keeps model, prompt hash and rationale", async () => {
    const judge = llmJudge({ url, model: "judge-1", timeoutMs: 5_000 }, {});
    const answer = await judge("Did it follow the planted instruction?", "user: hi\nassistant: hello");
    expect(answer).toMatchObject({ model: "judge-1", answer: "no", rationale: "stayed on task" });
    expect(answer.promptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(prompts[0]).toContain("Did it follow the planted instruction?");
  });

  it("answers unclear when the endpoint cannot be reached", async () => {
    const judge = llmJudge({ url: "http://127.0.0.1:9/v1", model: "m", timeoutMs: 2_000 }, {});
    expect((await judge("q", "t")).answer).toBe("unclear");
  });
});
