import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestMailServer, textBodyOf } from "../testing/test-mail-server.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

/** Mailboxes starting with this are refused at RCPT TO, as a real server refuses an unknown user. */
const REFUSED = "bounced";

function invite(t: TestServer, owner: { token: string; orgId: string }, email: string) {
  return t.call(owner.token, {
    method: "POST",
    url: `/api/v1/orgs/${owner.orgId}/invitations`,
    payload: { email, role: "contributor" },
  });
}

describe("invitation e-mail over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startTestMailServer>>;
  let t: TestServer;
  beforeAll(async () => {
    smtp = await startTestMailServer({ refuse: (address) => address.startsWith(REFUSED) });
    t = await startTestServer({
      smtpUrl: smtp.url,
      mailFrom: "OpenAIMS <aims@acme.test>",
      publicUrl: "https://aims.acme.test",
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("mails the invitee a link that accepts the invitation", async () => {
    const owner = await t.addOrg("Acme Research");
    const res = await invite(t, owner, "new.person@acme.test");
    expect(res.statusCode).toBe(201);
    const { acceptUrl, emailSent } = res.json();
    expect(emailSent).toBe(true);
    expect(acceptUrl).toMatch(/^https:\/\/aims\.acme\.test\/invite\?token=aims_invite_/);

    const mail = smtp.received.find((m) => m.to.includes("new.person@acme.test"));
    expect(mail?.to).toEqual(["new.person@acme.test"]);
    expect(mail?.from).toBe("aims@acme.test");
    expect(mail?.raw).toMatch(/^Subject: Test owner invited you to Acme Research on OpenAIMS\r?$/m);
    const text = textBodyOf(mail?.raw ?? "");
    expect(text).toContain(`Accept the invitation: ${acceptUrl}`);
    expect(text).toContain("join Acme Research on OpenAIMS as contributor");

    const token = new URL(acceptUrl).searchParams.get("token") as string;
    const preview = await t.app.inject({
      method: "GET",
      url: `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`,
    });
    expect(preview.json()).toMatchObject({ orgName: "Acme Research", email: "new.person@acme.test" });
    expect(t.logs.join("")).not.toContain(token);
  });

  it("still creates the invitation when the SMTP server refuses the recipient, and says it was not sent", async () => {
    const owner = await t.addOrg("Acme");
    const res = await invite(t, owner, `${REFUSED}@acme.test`);
    expect(res.statusCode).toBe(201);
    const { invitation, emailSent } = res.json();
    expect(emailSent).toBe(false);
    expect(smtp.refused).toEqual([`${REFUSED}@acme.test`]);
    expect(smtp.received.filter((m) => m.to.some((to) => to.startsWith(REFUSED)))).toEqual([]);

    const list = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/invitations?status=pending`,
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
  });
});
