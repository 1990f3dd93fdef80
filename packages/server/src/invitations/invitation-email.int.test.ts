import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";

interface ReceivedMail {
  from: string | undefined;
  to: string[];
  raw: string;
}

/** Mailboxes starting with this are refused at RCPT TO, as a real server refuses an unknown user. */
const REFUSED = "bounced";

/** A real SMTP server on a random loopback port that keeps what it receives. */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith(REFUSED)) return callback();
      refused.push(address.address);
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/** The decoded text body of a single-part message, whichever transfer encoding the sender chose. */
function textBodyOf(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function invite(t: TestServer, owner: { token: string; orgId: string }, email: string) {
  return t.call(owner.token, {
    method: "POST",
    url: `/api/v1/orgs/${owner.orgId}/invitations`,
    payload: { email, role: "contributor" },
  });
}

describe("invitation e-mail over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
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
