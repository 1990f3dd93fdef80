import { incidentStatuses } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { checkIncidentTransition, incidentSteps } from "./incident-transitions.js";

describe("incident status steps", () => {
  it("follow reported → triaged → contained → resolved → closed, with containment skippable", () => {
    expect(checkIncidentTransition("reported", "triaged")).toEqual({ ok: true });
    expect(checkIncidentTransition("triaged", "contained")).toEqual({ ok: true });
    expect(checkIncidentTransition("triaged", "resolved")).toEqual({ ok: true });
    expect(checkIncidentTransition("contained", "resolved")).toEqual({ ok: true });
    expect(checkIncidentTransition("resolved", "closed")).toEqual({ ok: true });
    expect(checkIncidentTransition("resolved", "contained")).toEqual({ ok: true });
  });

  it("refuse any other step, naming the allowed ones", () => {
    expect(checkIncidentTransition("reported", "closed")).toEqual({
      ok: false,
      reason: "An incident that is reported can move to triaged, not to closed.",
      allowed: ["triaged"],
    });
    expect(checkIncidentTransition("triaged", "closed")).toMatchObject({
      reason: "An incident that is triaged can move to contained or resolved, not to closed.",
    });
    expect(checkIncidentTransition("closed", "resolved")).toMatchObject({
      ok: false,
      reason: "The incident is closed and can no longer change status; report a new incident and link this one.",
      allowed: [],
    });
  });

  it("never allow staying put or going back to reported", () => {
    for (const status of incidentStatuses) {
      expect(checkIncidentTransition(status, status).ok).toBe(false);
      expect(incidentSteps[status]).not.toContain("reported");
    }
  });
});
