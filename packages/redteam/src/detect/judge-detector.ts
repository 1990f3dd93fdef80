/** The judge detector: asks the optional LLM judge and maps its answer; without a judge it cannot tell. */
import type { DetectionContext, Detector, DetectorResult } from "../model.js";
import { clip, serializeArguments } from "./detail.js";

type Of<K extends Detector["kind"]> = Extract<Detector, { kind: K }>;

const OUTCOME = { yes: "matched", no: "clear", unclear: "unknown" } as const;

export async function detectWithJudge(detector: Of<"judge">, ctx: DetectionContext): Promise<DetectorResult> {
  if (ctx.judge === undefined) return { kind: "judge", outcome: "unknown", detail: "no judge configured" };
  try {
    const verdict = await ctx.judge(detector.question, judgeTranscript(ctx));
    const rationale = verdict.rationale.trim() === "" ? "" : `: ${clip(verdict.rationale, 160)}`;
    return { kind: "judge", outcome: OUTCOME[verdict.answer], detail: `judge answered ${verdict.answer}${rationale}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "judge", outcome: "unknown", detail: `the judge failed: ${clip(message, 120)}` };
  }
}

/** Each part of the transcript is cut here, so one huge reply cannot swamp the judge. */
const PART_LIMIT = 16 * 1024;

/** The conversation as the judge reads it: user turns, replies and tool calls, in order. */
export function judgeTranscript(ctx: DetectionContext): string {
  const lines: string[] = [];
  const turns = Math.max(ctx.userTexts.length, ctx.exchanges.length);
  for (let i = 0; i < turns; i++) {
    const user = ctx.userTexts[i];
    const exchange = ctx.exchanges[i];
    if (user !== undefined) lines.push(`USER: ${cut(user)}`);
    if (exchange === undefined) continue;
    lines.push(
      exchange.ok ? `ASSISTANT: ${cut(exchange.reply)}` : `ASSISTANT: (no reply: ${exchange.error?.kind ?? "failed"})`,
    );
    for (const call of exchange.toolCalls ?? []) lines.push(`TOOL CALL: ${call.name} ${cut(serializeArguments(call))}`);
  }
  return lines.join("\n");
}

function cut(text: string): string {
  return text.length <= PART_LIMIT ? text : `${text.slice(0, PART_LIMIT)} …(cut, ${text.length} characters in all)`;
}
