import {
  type AiSystem,
  autonomyLevels,
  dataCategories,
  highImpactReasons,
  impactTiers,
  lifecycleStages,
  type SystemValues,
  systemCapabilities,
  systemColumns,
  systemRoles,
} from "@openaims/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { systemExportRow } from "./system-export-row.js";
import { planSystemRow } from "./system-import-row.js";
import { normaliseSystemValues } from "./system-rules.js";

const OWNER = { id: "0b6e5e9e-5a2f-4c55-9e7a-3b1c0d9f1a11", name: "Ana", email: "ana@example.com" };
const text = fc.string({ maxLength: 40 }).map((s) => s.trim());
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const systemValues: fc.Arbitrary<SystemValues> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ""),
    slug: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/),
    description: text,
    purpose: text,
    intendedUse: text,
    limitations: text,
    ourRole: fc.constantFrom(...systemRoles),
    lifecycleStage: fc.constantFrom(...lifecycleStages),
    impactTier: fc.constantFrom(...impactTiers),
    highImpactReasons: subset(highImpactReasons),
    dataCategories: subset(dataCategories),
    capabilities: subset(systemCapabilities),
    autonomy: fc.constantFrom(...autonomyLevels),
    humanOversight: text,
    customerFacing: fc.boolean(),
    ownerId: fc.constantFrom(null, OWNER.id),
    reviewDate: fc.constantFrom(null, "2026-03-31"),
  })
  .map((values) => ({ ...values, name: values.name.trim() }))
  .filter((values) => values.impactTier !== "high" || values.highImpactReasons.length > 0)
  .map(normaliseSystemValues);

function asPresented(values: SystemValues): AiSystem {
  const { ownerId, ...rest } = values;
  const at = "2026-01-01T00:00:00.000Z";
  return {
    ...rest,
    id: "3f0c1e1e-0000-4000-8000-000000000001",
    owner: ownerId ? OWNER : null,
    materialChangedAt: at,
    status: "active",
    archiveReason: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

describe("systemExportRow", () => {
  it("writes every column the import reads", () => {
    fc.assert(
      fc.property(systemValues, (values) => {
        expect(Object.keys(systemExportRow(asPresented(values)))).toEqual(systemColumns.map((c) => c.key));
      }),
    );
  });

  it("reads back as the same system: an exported row imports unchanged", () => {
    fc.assert(
      fc.property(systemValues, (values) => {
        const cells = new Map(Object.entries(systemExportRow(asPresented(values))));
        const existingBySlug = new Map([[values.slug, { id: "s", values, archived: false }]]);
        const planned = planSystemRow(cells, 2, {
          memberIdByEmail: new Map([[OWNER.email, OWNER.id]]),
          existingBySlug,
        });
        expect(planned.errors).toEqual([]);
        expect(planned.action).toBe("unchanged");
        const fresh = planSystemRow(cells, 2, {
          memberIdByEmail: new Map([[OWNER.email, OWNER.id]]),
          existingBySlug: new Map(),
        });
        expect(fresh.values).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });
});
