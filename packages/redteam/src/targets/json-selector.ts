/**
 * Selectors pick one value out of a JSON reply: a dotted path such as `reply`,
 * `choices.0.message.content` or `$.data[0].text` (a leading `$.` and `[n]` indexes are accepted).
 */

export type SelectorPath = Array<string | number>;

const segmentPattern = /^(?:[^.[\]]+|\[\d+\])+$/;

/** Splits a selector into keys and array indexes; throws on a malformed selector. */
export function parseSelector(selector: string): SelectorPath {
  let rest = selector.trim();
  if (rest === "$") return [];
  if (rest.startsWith("$.")) rest = rest.slice(2);
  else if (rest.startsWith("$[")) rest = rest.slice(1);
  if (rest === "") throw new Error(`selector "${selector}" is empty`);
  const path: SelectorPath = [];
  for (const segment of rest.split(".")) {
    if (!segmentPattern.test(segment)) throw new Error(`selector "${selector}" has an empty or malformed part`);
    for (const [, key, index] of segment.matchAll(/([^[\]]+)|\[(\d+)\]/g)) {
      if (index !== undefined) path.push(Number(index));
      else if (key !== undefined) path.push(/^\d+$/.test(key) ? Number(key) : key);
    }
  }
  return path;
}

export function isSelector(selector: string): boolean {
  try {
    parseSelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** The value at `path`, or undefined when any step is missing. */
export function selectValue(value: unknown, path: SelectorPath): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (Array.isArray(current)) {
      if (typeof step !== "number") return undefined;
      current = current[step];
    } else {
      const key = String(step);
      if (!Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current;
}
