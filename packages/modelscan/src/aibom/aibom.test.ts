import type { ModelCard } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { assetRef, PROPERTY, systemRef } from "./aibom-refs.js";
import type { AibomAsset, AibomInput } from "./aibom-types.js";
import { buildAibom, licencesOf } from "./build-aibom.js";
import { parseAibom } from "./parse-aibom.js";
import { jsonPathOf, validateAibom } from "./validate-aibom.js";

const ids = {
  system: "11111111-1111-4111-8111-111111111111",
  model: "22222222-2222-4222-8222-222222222222",
  dataset: "33333333-3333-4333-8333-333333333333",
  service: "44444444-4444-4444-8444-444444444444",
};

const card: ModelCard = {
  modelParameters: {
    approach: { type: "supervised" },
    task: "text-classification",
    architectureFamily: "transformer",
    modelArchitecture: "BertForSequenceClassification",
    datasets: [{ assetId: ids.dataset }],
    inputs: [{ format: "text" }],
    outputs: [{ format: "label" }],
  },
  quantitativeAnalysis: {
    performanceMetrics: [
      { type: "accuracy", value: "0.91", slice: "all", confidenceInterval: { lowerBound: "0.89", upperBound: "0.93" } },
    ],
  },
  considerations: {
    users: ["claims handlers"],
    useCases: ["route claims"],
    technicalLimitations: ["English only"],
    performanceTradeoffs: ["recall over precision"],
    ethicalConsiderations: [{ name: "bias against dialects", mitigationStrategy: "human review" }],
    fairnessAssessments: [{ groupAtRisk: "non-native speakers", harms: "misrouting" }],
    environmentalConsiderations: { properties: [{ name: "training kWh", value: "120" }] },
  },
};

function asset(overrides: Partial<AibomAsset> & Pick<AibomAsset, "id" | "name" | "kind">): AibomAsset {
  return {
    description: "",
    assetVersion: "",
    licence: "",
    licenceExpression: null,
    modelCard: {},
    provenance: "",
    acquisitionMethod: "",
    qualityNotes: "",
    preparationNotes: "",
    dataCategories: [],
    owner: null,
    vendor: null,
    scan: null,
    ...overrides,
  };
}

const input: AibomInput = {
  serialNumber: "urn:uuid:5b1e9c3c-1111-4111-8111-000000000001",
  timestamp: "2026-12-07T10:00:00.000Z",
  toolVersion: "0.1.0",
  organisationName: "Acme",
  system: {
    id: ids.system,
    slug: "claims-router",
    name: "Claims router",
    description: "Routes claims",
    assetIds: [ids.model, ids.dataset, ids.service],
  },
  systems: [],
  assets: [
    asset({
      id: ids.service,
      name: "Hosted LLM",
      kind: "vendor_service",
      vendor: { name: "Model Co", website: "https://model.example" },
      description: "Chat completions",
    }),
    asset({
      id: ids.model,
      name: "Claims classifier",
      kind: "model",
      assetVersion: "2.1",
      licenceExpression: "LicenseRef-Llama-3.1-Community",
      modelCard: card,
      owner: { name: "Ada", email: "ada@acme.example" },
      scan: {
        ref: "MS-3",
        finishedAt: "2026-12-06T09:00:00.000Z",
        highestSeverity: null,
        signatureStatus: "verified",
        files: [
          { path: "model.safetensors", sha256: "a".repeat(64) },
          { path: "config.json", sha256: "b".repeat(64) },
        ],
      },
    }),
    asset({
      id: ids.dataset,
      name: "Claims 2025",
      kind: "dataset",
      licenceExpression: "CC-BY-4.0 OR MIT",
      provenance: "Exported from the claims system",
      dataCategories: ["personal", "financial"],
      owner: { name: "Ada", email: "ada@acme.example" },
    }),
  ],
};

describe("buildAibom", () => {
  const bom = buildAibom(input);

  it("validates against the CycloneDX 1.6 schema", () => {
    expect(validateAibom(bom)).toEqual({ valid: true, errors: [] });
  });

  it("describes the system, its model with a model card, its dataset and the vendor's service", () => {
    expect(bom.metadata).toMatchObject({ component: { type: "application", "bom-ref": systemRef(ids.system) } });
    const components = bom.components as Record<string, unknown>[];
    expect(components.map((component) => component.type)).toEqual(["machine-learning-model", "data"]);
    const model = components[0] as Record<string, unknown>;
    expect(model.licenses).toEqual([{ license: { name: "LicenseRef-Llama-3.1-Community" } }]);
    expect(model.modelCard).toMatchObject({ modelParameters: { datasets: [{ ref: assetRef(ids.dataset) }] } });
    expect(model.components).toEqual([
      { type: "file", name: "config.json", hashes: [{ alg: "SHA-256", content: "b".repeat(64) }] },
      { type: "file", name: "model.safetensors", hashes: [{ alg: "SHA-256", content: "a".repeat(64) }] },
    ]);
    expect(model.properties).toContainEqual({ name: PROPERTY.signatureStatus, value: "verified" });
    const data = (components[1] as { data: Record<string, unknown>[] }).data[0];
    expect(data).toMatchObject({
      type: "dataset",
      classification: "financial; personal",
      sensitiveData: ["financial", "personal"],
      governance: { owners: [{ contact: { email: "ada@acme.example" } }] },
    });
    expect(bom.services).toEqual([
      expect.objectContaining({ name: "Hosted LLM", provider: { name: "Model Co", url: ["https://model.example"] } }),
    ]);
    expect(bom.dependencies).toContainEqual({
      ref: systemRef(ids.system),
      dependsOn: [ids.model, ids.dataset, ids.service].map(assetRef).sort(),
    });
  });

  it("is stable: the same records give the same document whatever their order", () => {
    const again = buildAibom({ ...input, assets: [...input.assets].reverse() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(bom));
  });

  it("reads back the same assets, model card and system links", () => {
    const parsed = parseAibom(bom);
    expect(parsed.problems).toEqual([]);
    expect(parsed.systems).toEqual([
      { slug: "claims-router", path: "$.metadata.component", assetRefs: expect.any(Array) },
    ]);
    expect(parsed.systems[0]?.assetRefs.sort()).toEqual([ids.model, ids.dataset, ids.service].map(assetRef).sort());
    const model = parsed.assets.find((entry) => entry.values.kind === "model");
    const { datasets: _datasets, ...parameters } = card.modelParameters ?? {};
    expect(model?.values.modelCard).toEqual({ ...card, modelParameters: parameters });
    expect(model?.datasetRefs).toEqual([
      { ref: assetRef(ids.dataset), path: "$.components[0].modelCard.modelParameters.datasets[0]" },
    ]);
    expect(model).toMatchObject({ assetId: ids.model, ownerEmail: "ada@acme.example" });
    const dataset = parsed.assets.find((entry) => entry.values.kind === "dataset");
    expect(dataset?.values).toMatchObject({
      licenceExpression: "CC-BY-4.0 OR MIT",
      provenance: "Exported from the claims system",
      dataCategories: ["financial", "personal"],
    });
    const service = parsed.assets.find((entry) => entry.values.kind === "vendor_service");
    expect(service?.vendor).toEqual({ name: "Model Co", website: "https://model.example" });
  });
});

describe("licencesOf", () => {
  it("writes an SPDX id as id, a LicenseRef as name and anything else as an expression", () => {
    expect(licencesOf("Apache-2.0")).toEqual([{ license: { id: "Apache-2.0" } }]);
    expect(licencesOf("LicenseRef-Gemma-Terms-of-Use")).toEqual([
      { license: { name: "LicenseRef-Gemma-Terms-of-Use" } },
    ]);
    expect(licencesOf("MIT OR Apache-2.0")).toEqual([{ expression: "MIT OR Apache-2.0" }]);
    expect(licencesOf(null)).toBeUndefined();
  });
});

describe("validateAibom", () => {
  it("names the path of each error", () => {
    const bom = buildAibom(input) as { components: Record<string, unknown>[] };
    bom.components[0] = { ...bom.components[0], type: "robot", colour: "red" };
    const result = validateAibom(bom);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({
      path: "$.components[0].type",
      message: expect.stringContaining("must be equal to one of the allowed values"),
    });
    expect(result.errors).toContainEqual({
      path: "$.components[0]",
      message: "must NOT have additional properties (colour)",
    });
  });

  it("refuses what is not a CycloneDX 1.6 document", () => {
    expect(validateAibom([]).errors[0]?.path).toBe("$");
    expect(validateAibom({ bomFormat: "SPDX" }).errors[0]?.path).toBe("$.bomFormat");
    expect(validateAibom({ bomFormat: "CycloneDX", specVersion: "1.5" }).errors[0]?.message).toContain('"1.5"');
  });

  it("turns JSON pointers into JSON paths", () => {
    expect(jsonPathOf("")).toBe("$");
    expect(jsonPathOf("/metadata/tools/components/0/bom-ref")).toBe("$.metadata.tools.components[0].bom-ref");
    expect(jsonPathOf("/a~1b")).toBe('$["a/b"]');
  });
});

describe("the whole inventory's AI-BOM", () => {
  it("lists each system as a component depending on its assets, and reads the links back", () => {
    const other = {
      id: "55555555-5555-4555-8555-555555555555",
      slug: "a-helper",
      name: "Helper",
      description: "",
      assetIds: [ids.model],
    };
    const bom = buildAibom({
      ...input,
      system: null,
      systems: [input.system as NonNullable<typeof input.system>, other],
    });
    expect(validateAibom(bom)).toEqual({ valid: true, errors: [] });
    expect(bom.metadata).toMatchObject({ component: { type: "platform", name: "Acme AI inventory" } });
    const components = bom.components as { type: string; name: string }[];
    expect(components.filter((component) => component.type === "application").map((c) => c.name)).toEqual([
      "Helper",
      "Claims router",
    ]);
    const parsed = parseAibom(bom);
    expect(parsed.systems.map((system) => [system.slug, system.assetRefs.length])).toEqual([
      ["a-helper", 1],
      ["claims-router", 3],
    ]);
    expect(parsed.assets).toHaveLength(3);
  });
});
