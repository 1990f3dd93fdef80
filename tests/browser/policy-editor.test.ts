import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yProblems, reportWhereStopped, startBrowserHarness, watchCspErrors } from "./harness.js";

type Harness = Awaited<ReturnType<typeof startBrowserHarness>>;

/** A version's Markdown as the API stores it, read with the page's own session. */
async function storedBody(page: Page, baseUrl: string, orgId: string, documentId: string): Promise<string> {
  const api = `${baseUrl}/api/v1/orgs/${orgId}/documents/${documentId}`;
  const doc = (await (await page.request.get(api)).json()) as { workingVersion: { id: string } | null };
  const versionId = doc.workingVersion?.id as string;
  const version = (await (await page.request.get(`${api}/versions/${versionId}`)).json()) as { body: string };
  return version.body;
}

/**
 * A policy owner writes a policy in the rich-text editor, with the toolbar and the keyboard, and
 * the API holds plain Markdown; a second version shows what changed against the approved one.
 */
describe("writing a policy in the browser", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  it("writes Markdown through the editor and shows the changes between versions", async () => {
    const page = await (await h.browser.newContext()).newPage();
    const cspErrors = await watchCspErrors(page);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const a11y: string[] = [];
    const check = async (what: string) => a11y.push(...(await a11yProblems(page, what)));
    reportWhereStopped(page);

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Fabrikam Health");
    await page.getByLabel("Your name").fill("Pat Policy");
    await page.getByLabel("E-mail").fill("pat@fabrikam.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

    // A blank policy starts from the policy headings.
    await page.goto(`${h.baseUrl}/o/${orgId}/documents/new`);
    await page.getByRole("textbox", { name: "Title" }).fill("Use of AI assistants");
    await expect
      .poll(() => page.getByRole("textbox", { name: "Text (Markdown)" }).inputValue())
      .toMatch(/^## Purpose\n/);
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("heading", { name: /^DOC-\d+ Use of AI assistants$/ }).waitFor();
    const documentId = /documents\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

    // The rich-text editor opens on the skeleton; a heading from the toolbar, a list from the keyboard.
    const editor = page.getByRole("textbox", { name: "Text", exact: true });
    await editor.getByRole("heading", { name: "Review" }).waitFor();
    const toolbar = page.getByRole("toolbar", { name: "Text: formatting" });
    await check("draft in the editor");
    await editor.getByRole("heading", { name: "Review" }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "H2 heading" }).click();
    await expect(toolbar.getByRole("button", { name: "H2 heading" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    // The toolbar hands focus back to the text; keys typed before that would go to the button.
    await expect
      .poll(() => editor.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      .toBe(true);
    await page.keyboard.type("Approved assistants");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+Shift+8");
    await page.keyboard.type("Chat assistant for drafting");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Code assistant, with ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("review");
    await page.keyboard.press("Control+b");

    // The toolbar is one tab stop; arrow keys move along it.
    await toolbar.getByRole("button", { name: "H1 heading" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe("H2 heading");

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Draft saved.").waitFor();
    const first = await storedBody(page, h.baseUrl, orgId, documentId);
    expect(first).toMatch(/^## Purpose\n\n## Scope\n/);
    expect(first).toContain(
      "## Review\n\n## Approved assistants\n\n- Chat assistant for drafting\n- Code assistant, with **review**",
    );

    // Approve version 1, start version 2 and edit it as Markdown source.
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: /^Approve version/ });
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText(/^Version 1 was approved\.$/).waitFor();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Start new draft" }).click();
    await page.getByRole("heading", { name: "Version 2" }).waitFor();
    await page.getByRole("tab", { name: "Markdown" }).click();
    const source = page.getByRole("textbox", { name: "Text (Markdown)" });
    await source.fill(
      (await source.inputValue()).replace(
        "- Chat assistant for drafting",
        "- Chat assistant for drafting and summaries",
      ),
    );
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Draft saved.").waitFor();
    expect(await storedBody(page, h.baseUrl, orgId, documentId)).toContain(
      "- Chat assistant for drafting and summaries\n",
    );

    // The comparison defaults to the new draft against the approved version, word by word.
    const compare = page.getByRole("region", { name: "Compare versions" });
    const differences = compare.getByRole("list", { name: "Differences" });
    await differences.waitFor();
    await expect
      .poll(() => compare.getByRole("combobox", { name: "Compare from" }).inputValue())
      .toMatch(/^Version 1 /);
    await expect.poll(() => compare.getByRole("combobox", { name: "to" }).inputValue()).toMatch(/^Version 2 /);
    await expect(differences.locator("ins").allTextContents()).resolves.toEqual([" and summaries"]);
    await expect(differences.locator("del").allTextContents()).resolves.toEqual([]);
    await expect(differences.getByRole("listitem").filter({ hasText: "Added:" }).textContent()).resolves.toContain(
      "- Chat assistant for drafting and summaries",
    );
    await differences.getByText("… 5 unchanged blocks").waitFor();
    await check("version comparison");
    await compare.getByRole("switch", { name: "Show unchanged text" }).check();
    await differences.getByRole("listitem").filter({ hasText: "## Purpose" }).waitFor();

    // The editor remembers the Markdown choice, and opens the source again next time.
    await page.reload();
    await page.getByRole("textbox", { name: "Text (Markdown)" }).waitFor();

    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
