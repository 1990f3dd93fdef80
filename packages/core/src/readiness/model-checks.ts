import type { ReadinessCheck, ReadinessGap, SystemFacts } from "./readiness-types.js";
import { countOf } from "./readiness-wording.js";

/**
 * The model checks of one AI system, over the model assets it uses now: each scanned at least once,
 * no high or critical finding of a model's latest scan left open, and each model's latest scan with a
 * verified signature. A system without model assets has none of these checks.
 */
export function modelChecks(system: SystemFacts): ReadinessCheck[] {
  const models = system.models;
  if (!models || models.total === 0) return [];
  const gap = (action: string, severity: ReadinessGap["severity"], group: ReadinessGap["group"], path: string) => ({
    action,
    path,
    severity,
    group,
  });
  const item = (key: string, label: string, met: boolean, onGap: ReadinessGap): ReadinessCheck =>
    met ? { key, label, met } : { key, label, met, gap: onGap };
  return [
    item(
      "models-scanned",
      "Every model scanned",
      models.neverScanned === 0,
      gap(
        `Scan the ${countOf(models.neverScanned, "model")} of ${system.name} never scanned`,
        "medium",
        {
          key: "scan-models",
          action: "Scan the model files of every AI system and upload the results",
          path: "model-scans",
          step: "operation",
        },
        `inventory/systems/${system.id}`,
      ),
    ),
    item(
      "model-findings",
      "No open high or critical model finding",
      models.unresolvedSerious === 0,
      gap(
        `Raise or dismiss the high and critical findings of ${countOf(models.unresolvedSerious, "model")} of ${system.name}`,
        "high",
        {
          key: "resolve-model-findings",
          action: "Raise a risk or nonconformity from, or dismiss, each open high or critical model finding",
          path: "model-scans?verdict=unsafe",
          step: "operation",
        },
        `model-scans?system=${system.id}&verdict=unsafe`,
      ),
    ),
    item(
      "models-signed",
      "Every scanned model's signature verified",
      models.unsigned === 0,
      gap(
        `Sign and verify ${countOf(models.unsigned, "model")} of ${system.name} (unsigned, or the check failed)`,
        "low",
        {
          key: "sign-models",
          action: "Sign the models and upload scans with --signature so their signatures are verified",
          path: "model-scans",
          step: "operation",
        },
        `model-scans?system=${system.id}`,
      ),
    ),
  ];
}
