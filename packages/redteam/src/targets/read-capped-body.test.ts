import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { cutAtCharBoundary, limitText, readCappedBody } from "./read-capped-body.js";

describe("readCappedBody", () => {
  it("reads a stream to its end", async () => {
    const stream = new PassThrough();
    const reading = readCappedBody(stream, { maxBytes: 100 });
    stream.write("hello ");
    stream.end("world");
    expect(await reading).toMatchObject({ truncated: false, endedBy: "end" });
    expect((await reading).bytes.toString()).toBe("hello world");
  });

  it("stops at the cap, destroys the stream and never splits a character", async () => {
    const stream = new PassThrough();
    const reading = readCappedBody(stream, { maxBytes: 5 });
    stream.write("abcd€€€"); // € is three bytes: the cap falls inside the first one
    const body = await reading;
    expect(body).toMatchObject({ truncated: true, endedBy: "cap" });
    expect(body.bytes.toString()).toBe("abcd");
    expect(stream.destroyed).toBe(true);
  });

  it("keeps what arrived when the stream fails", async () => {
    const stream = new PassThrough();
    const reading = readCappedBody(stream, { maxBytes: 100 });
    stream.write("part");
    setImmediate(() => stream.destroy(new Error("boom")));
    const body = await reading;
    expect(body.endedBy).toBe("error");
    expect(body.bytes.toString()).toBe("part");
    expect((body.error as Error).message).toBe("boom");
  });

  it("keeps what arrived when aborted, with the abort reason", async () => {
    const stream = new PassThrough();
    const controller = new AbortController();
    const reading = readCappedBody(stream, { maxBytes: 100, signal: controller.signal });
    stream.write("so far");
    setImmediate(() => controller.abort("deadline"));
    const body = await reading;
    expect(body).toMatchObject({ endedBy: "abort", error: "deadline" });
    expect(body.bytes.toString()).toBe("so far");
    expect(stream.destroyed).toBe(true);
  });
});

describe("cutAtCharBoundary", () => {
  it("drops only an incomplete trailing character", () => {
    const euro = Buffer.from("a€");
    expect(cutAtCharBoundary(euro).toString()).toBe("a€");
    expect(cutAtCharBoundary(euro.subarray(0, 3)).toString()).toBe("a");
    expect(cutAtCharBoundary(euro.subarray(0, 2)).toString()).toBe("a");
    const emoji = Buffer.from("🙂");
    expect(cutAtCharBoundary(emoji.subarray(0, 3)).length).toBe(0);
  });
});

describe("limitText", () => {
  it("leaves short text alone and cuts long text by bytes", () => {
    expect(limitText("short", 10)).toBe("short");
    expect(limitText("ééééé", 5)).toBe("éé");
  });
});
