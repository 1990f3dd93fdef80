import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSystem } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { readPdfLines } from "./testing/read-pdf-text.js";
import { inkShare, type RenderedPage, renderPdfPage } from "./testing/render-pdf-page.js";

const NAMES = {
  chinese: "风险评估系统",
  arabic: "نظام التقييم",
  greek: "Αξιολόγηση κινδύνου",
  cyrillic: "Оценка рисков",
  long: "Electroencephalographically",
};
const ORG_NAME = "Δοκιμή Ltd — 测试组织";

/** Ink in a grid of cells over a box: what a glyph looks like, coarsely. */
function signature(page: RenderedPage, box: { left: number; top: number; width: number; height: number }): number[] {
  const cells: number[] = [];
  const n = 6;
  for (let row = 0; row < n; row++)
    for (let column = 0; column < n; column++)
      cells.push(
        inkShare(page, {
          left: box.left + (column * box.width) / n,
          top: box.top + (row * box.height) / n,
          width: box.width / n,
          height: box.height / n,
        }),
      );
  return cells;
}

describe("PDF exports of an organisation's records in any script", () => {
  let t: TestServer;
  let owner: TestMember;
  const base = () => `/api/v1/orgs/${owner.orgId}`;
  const get = (path: string) => t.call(owner.token, { method: "GET", url: `${base()}${path}` });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg(ORG_NAME);
    for (const name of Object.values(NAMES)) {
      const systemId = await addSystem(t, owner.orgId, { name });
      const risk = await t.call(owner.token, {
        method: "POST",
        url: `${base()}/risks`,
        payload: { title: name, systemId, inherentLikelihood: 3, inherentImpact: 4 },
      });
      expect(risk.statusCode, risk.body).toBe(201);
    }
    const justifications = Object.values(NAMES);
    const controls = await t.db.selectFrom("controls").select("id").where("org_id", "=", owner.orgId).execute();
    for (const [i, control] of controls.entries())
      await t.db
        .updateTable("controls")
        .set({ applicable: true, justification: justifications[i % justifications.length] })
        .where("id", "=", control.id)
        .execute();
    const draft = (await get("/soa")).json();
    const approved = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/soa/approve`,
      payload: { contentHash: draft.contentHash },
    });
    expect(approved.statusCode, approved.body).toBe(201);
  });
  afterAll(() => t.close());

  /** The export as PDF read back as lines per page, with the column headings of the same export. */
  async function exported(path: string) {
    const pdf = await get(`${path}${path.includes("?") ? "&" : "?"}format=pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const csv = await get(`${path}${path.includes("?") ? "&" : "?"}format=csv`);
    const [headers = []]: string[][] = parse(csv.body);
    const pages = await readPdfLines(pdf.rawPayload);
    return { pdf, hash: String(pdf.headers["x-content-sha256"]), headers, pages, text: pages.flat().join("\n") };
  }

  /** Each heading word whole on every page (the heading row repeats), page numbers on each. */
  function expectHeadingsAndPageNumbers(pages: string[][], headers: string[]) {
    pages.forEach((lines, i) => {
      const words = new Set(lines.flatMap((line) => line.split(" ")));
      for (const word of headers.flatMap((header) => header.split(" "))) expect(words, `page ${i + 1}`).toContain(word);
      expect(lines.some((line) => line.endsWith(`Page ${i + 1} of ${pages.length}`))).toBe(true);
    });
  }

  it("prints the approved SoA with its approval, version and hash on the cover, names in every script", async () => {
    const { pdf, hash, headers, pages, text } = await exported("/soa/export?version=1");
    expect(headers).toContain("Implementation status");
    const cover = pages[0] ?? [];
    expect(cover).toContain(`Organisation ${ORG_NAME}`);
    expect(cover).toContain("Version v1");
    expect(cover.find((line) => line.startsWith("Approval"))).toMatch(
      new RegExp(`^Approval Approved by Test owner <${owner.email}> on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$`),
    );
    expect(cover).toContain(`Content SHA-256 ${hash}`);
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
    expectHeadingsAndPageNumbers(pages, headers);
    const page = await renderPdfPage(pdf.rawPayload, 1, 1);
    expect(page.width).toBeGreaterThan(page.height);
  });

  it("prints the working draft as not approved", async () => {
    const { pages } = await exported("/soa/export");
    expect(pages[0]).toContain("Version draft");
    expect(pages[0]).toContain("Approval Not approved");
  });

  it("prints the risk register landscape with each name drawn, not as missing-glyph boxes", async () => {
    const { pdf, hash, headers, pages, text } = await exported("/risks/export");
    expect(headers).toContain("Inherent (L×I)");
    expect(pages[0]).toContain(`Content SHA-256 ${hash}`);
    expect(pages[0]).toContain("Approval Not approved");
    for (const name of Object.values(NAMES)) {
      expect(text).toContain(name);
    }
    expectHeadingsAndPageNumbers(pages, headers);

    const page = await renderPdfPage(pdf.rawPayload, 1);
    expect(page.width).toBeGreaterThan(page.height);
    expect(inkShare(page, { left: 0, top: 0, width: page.width, height: page.height })).toBeGreaterThan(0.01);
    // Each Chinese character is drawn with ink, and no two alike: a missing glyph would be the same empty box each time.
    const glyphs = Array.from(NAMES.chinese, (char) => {
      const box = page.boxesOf(char)[0];
      expect(box, char).toBeDefined();
      return box ? signature(page, box) : [];
    });
    for (const glyph of glyphs)
      expect(glyph.reduce((sum, share) => sum + share, 0) / glyph.length).toBeGreaterThan(0.05);
    for (let a = 0; a < glyphs.length; a++)
      for (let b = a + 1; b < glyphs.length; b++) {
        const distance = (glyphs[a] ?? []).reduce((sum, share, i) => sum + Math.abs(share - (glyphs[b]?.[i] ?? 0)), 0);
        expect(distance, `${NAMES.chinese[a]} and ${NAMES.chinese[b]}`).toBeGreaterThan(0.5);
      }
  });

  it("prints the AI system inventory with every name and whole heading words", async () => {
    const { hash, headers, pages, text } = await exported("/systems/export");
    expect(pages[0]).toContain(`Content SHA-256 ${hash}`);
    expect(pages[0]).toContain("Version current");
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
    expectHeadingsAndPageNumbers(pages, headers);
  });
});
