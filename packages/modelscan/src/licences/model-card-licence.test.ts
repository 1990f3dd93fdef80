import { describe, expect, it } from "vitest";
import { hfLicenceToExpression, licenseRefOf } from "./hugging-face.js";
import { frontMatterOf, readModelCardLicence } from "./model-card-licence.js";

const card = (yaml: string) => `---\n${yaml}\n---\n# Model\n\nlicense: mit (in prose, not front matter)\n`;

describe("hfLicenceToExpression", () => {
  it.each([
    ["apache-2.0", "Apache-2.0"],
    ["mit", "MIT"],
    ["cc-by-nc-4.0", "CC-BY-NC-4.0"],
    ["llama3.1", "LicenseRef-Llama-3.1-Community"],
    ["llama2", "LicenseRef-Llama-2-Community"],
    ["gemma", "LicenseRef-Gemma-Terms-of-Use"],
    ["openrail", "LicenseRef-OpenRAIL"],
    ["creativeml-openrail-m", "LicenseRef-CreativeML-OpenRAIL-M"],
    ["gpl-3.0", "GPL-3.0-only"],
    ["odbl", "ODbL-1.0"],
    ["MIT OR Apache-2.0", "MIT OR Apache-2.0"],
  ])("maps %s to %s", (key, expected) => {
    expect(hfLicenceToExpression(key)).toBe(expected);
  });

  it("turns `other` into a LicenseRef from license_name and `unknown` into null", () => {
    expect(hfLicenceToExpression("other", "Acme Model Licence v2")).toBe("LicenseRef-Acme-Model-Licence-v2");
    expect(hfLicenceToExpression("other")).toBe("LicenseRef-other");
    expect(hfLicenceToExpression("unknown")).toBeNull();
    expect(licenseRefOf("  ///  ")).toBe("LicenseRef-other");
  });
});

describe("readModelCardLicence", () => {
  it("reads `license:` from the front matter only", () => {
    expect(readModelCardLicence(card("license: llama3.1\nlanguage: en"))).toEqual({
      expression: "LicenseRef-Llama-3.1-Community",
      declared: "llama3.1",
      name: null,
      link: null,
    });
    expect(readModelCardLicence("# Model\n\nlicense: mit\n")).toBeNull();
    expect(readModelCardLicence(card("language: en"))).toBeNull();
  });

  it("reads `other` with license_name and license_link", () => {
    const result = readModelCardLicence(
      card("license: other\nlicense_name: tongyi-qianwen\nlicense_link: https://example.com/LICENSE"),
    );
    expect(result).toMatchObject({ expression: "LicenseRef-tongyi-qianwen", link: "https://example.com/LICENSE" });
  });

  it("joins a list of licences with AND, and gives up on a list with an unknown one", () => {
    expect(readModelCardLicence(card("license:\n  - apache-2.0\n  - cc-by-4.0"))?.expression).toBe(
      "Apache-2.0 AND CC-BY-4.0",
    );
    expect(readModelCardLicence(card("license: [mit, unknown]"))?.expression).toBeNull();
  });

  it("throws on front matter that is not YAML, and finds front matter after a byte-order mark and CRLF", () => {
    expect(() => readModelCardLicence(card("license: [mit"))).toThrow(/not valid YAML/);
    expect(frontMatterOf("\uFEFF---\r\nlicense: mit\r\n---\r\n")).toBe("license: mit");
    expect(frontMatterOf("---\nlicense: mit\n")).toBeNull();
  });
});
