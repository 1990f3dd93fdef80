import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipOf } from "../reminders/reminder-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { seedEveryKind } from "./due-item-test-fixtures.js";

describe("calendar feed", () => {
  let t: TestServer;
  let owner: TestMember;
  let alice: TestMember;

  const call = (method: "GET" | "POST", path: string, who = alice) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}` });
  const read = (url: string) => t.app.inject({ method: "GET", url: new URL(url).pathname });

  beforeAll(async () => {
    t = await startTestServer({ publicUrl: "https://aims.acme.test" });
    owner = await t.addOrg("Acme; Research, Inc.");
    alice = await t.addMember(owner.orgId, "compliance_manager");
    const bob = await t.addMember(owner.orgId, "contributor");
    const carol = await t.addMember(owner.orgId, "viewer");
    await seedEveryKind(t.db, owner.orgId, {
      alice: await membershipOf(t.db, owner.orgId, alice.userId),
      aliceUser: alice.userId,
      bob: await membershipOf(t.db, owner.orgId, bob.userId),
      carol: await membershipOf(t.db, owner.orgId, carol.userId),
    });
  });
  afterAll(() => t.close());

  it("serves the member's dated work as iCalendar that a parser reads back, one all-day event per item", async () => {
    expect((await call("GET", "/me/calendar-feed")).json()).toEqual({
      active: false,
      createdAt: null,
      lastUsedAt: null,
    });
    const created = await call("POST", "/me/calendar-feed");
    expect(created.statusCode, created.body).toBe(201);
    const { url } = created.json() as { url: string };
    expect(url).toMatch(/^https:\/\/aims\.acme\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = url.slice(url.lastIndexOf("/") + 1, -4);
    const stored = await t.db.selectFrom("calendar_feeds").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const res = await read(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    for (const line of res.body.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    const work = (await call("GET", "/my-work")).json() as {
      groups: { items: { dueDate: string | null; title: string; path: string }[] }[];
    };
    const dated = work.groups.flatMap((group) => group.items).filter((item) => item.dueDate !== null);
    expect(events).toHaveLength(dated.length);
    expect(events.length).toBeGreaterThanOrEqual(8);
    const uids = new Set(events.map((event) => event.uid));
    expect(uids.size).toBe(events.length);
    const treatment = events.find((event) => event.summary.startsWith("Treatment action: R-"));
    if (!treatment) throw new Error("no treatment action event");
    expect(treatment.startDate.isDate).toBe(true);
    expect(treatment.startDate.toString()).toBe("2026-06-20");
    expect(treatment.endDate.toString()).toBe("2026-06-21");
    const vevent = treatment.component;
    expect(vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(String(vevent.getFirstPropertyValue("url"))).toMatch(
      /^https:\/\/aims\.acme\.test\/o\/[0-9a-f-]+\/risks\/[0-9a-f-]+$/,
    );
    // Text with commas and semicolons survives escaping: the organisation's name is in the description.
    expect(treatment.description).toContain("in Acme; Research, Inc.: R-");
    // The same item keeps its UID on the next read, so calendars update rather than duplicate it.
    const again = new ICAL.Component(ICAL.parse((await read(url)).body));
    expect(new Set(again.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent).uid))).toEqual(uids);
    expect((await call("GET", "/me/calendar-feed")).json().lastUsedAt).not.toBeNull();
  });

  it("answers 404 alike for a revoked, a replaced and an unknown feed", async () => {
    const first = (await call("POST", "/me/calendar-feed")).json().url as string;
    const second = (await call("POST", "/me/calendar-feed")).json().url as string;
    expect((await read(first)).statusCode).toBe(404);
    expect((await read(second)).statusCode).toBe(200);
    const revoked = await call("POST", "/me/calendar-feed/revoke");
    expect(revoked.json()).toMatchObject({ active: false });
    const gone = await read(second);
    const unknown = await read(`https://x/api/v1/calendar/${"A".repeat(43)}.ics`);
    expect(gone.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(gone.json().error.message).toBe(unknown.json().error.message);
    expect((await read("https://x/api/v1/calendar/short.ics")).statusCode).toBe(400);
    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_type", "=", "calendar_feed")
      .orderBy("seq")
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual([
      "calendar_feed.created",
      "calendar_feed.replaced",
      "calendar_feed.replaced",
      "calendar_feed.revoked",
    ]);
  });
});
