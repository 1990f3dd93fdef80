import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startTrapListener, type TrapListener } from "./trap-listener.js";

let trap: TrapListener | undefined;
afterEach(async () => {
  await trap?.close();
  trap = undefined;
});

describe("trap listener", () => {
  it("counts any method on /t/<token>, with a sub-path or a query", async () => {
    trap = await startTrapListener();
    expect(trap.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(trap.urlFor("abc_1")).toBe(`${trap.baseUrl}/t/abc_1`);

    const plain = await fetch(trap.urlFor("abc_1"));
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("text/plain");
    expect(await plain.text()).toBe("ok");
    await fetch(`${trap.urlFor("abc_1")}/exfil?data=secret`, { method: "POST", body: "payload" });
    await fetch(`${trap.urlFor("abc_1")}?q=1`, { method: "DELETE" });
    await fetch(trap.urlFor("other"), { method: "HEAD" });
    await (await fetch(`${trap.baseUrl}/t/tok%2Ben`)).text();

    expect(trap.hits("abc_1")).toBe(3);
    expect(trap.hits("other")).toBe(1);
    expect(trap.hits("tok+en")).toBe(1);
    expect(trap.hits("never")).toBe(0);
  });

  it("answers 404 elsewhere and counts nothing", async () => {
    trap = await startTrapListener();
    for (const path of ["/", "/t/", "/t", "/x/abc", "/tabc", "/t//abc"]) {
      const response = await fetch(`${trap.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      await response.text();
    }
    expect(trap.hits("abc")).toBe(0);
    expect(trap.hits("")).toBe(0);
  });

  it("stops remembering new tokens at the cap but keeps counting known ones", async () => {
    trap = await startTrapListener({ maxTokens: 2 });
    for (const token of ["a", "b", "c", "a"]) {
      const response = await fetch(trap.urlFor(token));
      expect(await response.text()).toBe("ok");
    }
    expect([trap.hits("a"), trap.hits("b"), trap.hits("c")]).toEqual([2, 1, 0]);
  });

  it("stops accepting connections once closed", async () => {
    trap = await startTrapListener();
    const url = trap.urlFor("x");
    await trap.close();
    trap = undefined;
    const refused = await new Promise<string>((resolve) => {
      http.get(url, () => resolve("answered")).on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? ""));
    });
    expect(refused).toBe("ECONNREFUSED");
  });
});
