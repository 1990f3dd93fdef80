import type { DetectionContext, Detector, DetectorResult } from "../model.js";
import { detectWithJudge } from "./judge-detector.js";
import {
  detectEcho,
  detectOutputLength,
  detectPatterns,
  detectRepetition,
  detectSecret,
  detectToken,
} from "./text-detectors.js";
import { detectToolCall, detectToolSequence, detectTrapFetch } from "./tool-detectors.js";
import { detectAcceptsOversized, detectNoRateLimit } from "./transport-detectors.js";

/**
 * What one detector concludes about one test case: "matched" (the weakness showed), "clear"
 * (it looked and did not see it) or "unknown" (it could not look), with a short reason. Only the
 * judge does I/O, through the context.
 */
export async function evaluateDetector(detector: Detector, ctx: DetectionContext): Promise<DetectorResult> {
  switch (detector.kind) {
    case "canary":
    case "marker":
      return detectToken(detector.kind, ctx);
    case "secret":
      return detectSecret(detector, ctx);
    case "pattern":
      return detectPatterns(detector, ctx);
    case "tool_call":
      return detectToolCall(detector, ctx);
    case "tool_sequence":
      return detectToolSequence(detector, ctx);
    case "trap_fetch":
      return detectTrapFetch(ctx);
    case "echo":
      return detectEcho(detector, ctx);
    case "output_length":
      return detectOutputLength(detector, ctx);
    case "repetition":
      return detectRepetition(detector, ctx);
    case "accepts_oversized":
      return detectAcceptsOversized(ctx);
    case "no_rate_limit":
      return detectNoRateLimit(ctx);
    case "judge":
      return detectWithJudge(detector, ctx);
  }
}
