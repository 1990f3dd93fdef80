import { type JinjaTag, type JinjaToken, lexJinja } from "./jinja-lexer.js";

/**
 * Static analysis of a Jinja2 chat template for the ways a template escapes Jinja's sandbox (or
 * runs unsandboxed, as llama-cpp-python did before CVE-2024-34359): walks over dunder attributes
 * to Python's globals and builtins, the same names built from pieces, escapes or other objects'
 * text, imports, and the objects whose attributes lead to globals. Ordinary chat templates use
 * none of these, so each is reported; nothing is evaluated.
 */
export type TemplateFindingKind = "sandbox-escape" | "obfuscation" | "risky-global" | "syntax";

export interface TemplateFinding {
  kind: TemplateFindingKind;
  severity: "critical" | "high" | "medium" | "low";
  /** Character offset of the tag in the template. */
  offset: number;
  title: string;
  detail: string;
}

/** Attributes and names that reach Python internals from any object. */
const DANGEROUS_DUNDERS = [
  "__class__",
  "__mro__",
  "__base__",
  "__bases__",
  "__subclasses__",
  "__globals__",
  "__builtins__",
  "__init__",
  "__import__",
  "__getattribute__",
  "__getattr__",
  "__dict__",
  "__code__",
  "__closure__",
  "__func__",
  "__self__",
  "__module__",
  "__loader__",
  "__spec__",
  "__reduce__",
  "__reduce_ex__",
  "__getitem__",
  "__call__",
  "__new__",
];
/** Attributes that run programs or load code once reached. */
const EXECUTING_ATTRIBUTES = new Set([
  "popen",
  "system",
  "spawn",
  "spawnv",
  "execv",
  "execve",
  "check_output",
  "check_call",
  "run_path",
  "eval",
  "exec",
  "compile",
  "load_module",
  "import_module",
  "__import__",
  "_run_code",
  "getoutput",
  "getstatusoutput",
]);
/** Module and builtin names a template never needs. */
const MODULE_NAMES = new Set([
  "os",
  "sys",
  "subprocess",
  "builtins",
  "importlib",
  "posix",
  "nt",
  "pty",
  "shutil",
  "socket",
  "runpy",
  "eval",
  "exec",
  "getattr",
  "setattr",
  "globals",
  "locals",
  "vars",
  "open",
  "compile",
  "__import__",
]);
/** Jinja globals and framework objects whose attributes lead to Python globals. */
const GLOBAL_WALKERS = new Set(["lipsum", "cycler", "joiner", "self", "url_for", "get_flashed_messages"]);
/** Filters that, after `|string`, pick characters out of the text. */
const PICKING_FILTERS = new Set(["list", "first", "last", "batch", "slice", "join"]);
/** Built strings that spell a code-running name. */
const EXECUTING_STRINGS = ["popen", "subprocess", "check_output", "__import__", "_run_code", "os.system"];
/** Filters that turn pieces into a name. */
const BUILDING_FILTERS = new Set([
  "join",
  "format",
  "reverse",
  "replace",
  "lower",
  "upper",
  "title",
  "capitalize",
  "string",
  "first",
  "last",
  "list",
  "batch",
  "slice",
  "center",
  "indent",
  "urlencode",
]);

const isDunder = (name: string) => /^__\w+__$/.test(name);
/** Python name mangling (`_TemplateReference__context`) or dunders: never needed by a chat template. */
const isPrivateWalk = (name: string) => name.startsWith("__") || /^_[A-Za-z0-9]+__\w/.test(name);

function containsDangerousName(text: string): string | undefined {
  const forms = [text, text.toLowerCase(), [...text].reverse().join(""), [...text.toLowerCase()].reverse().join("")];
  for (const form of forms) {
    const dunder = DANGEROUS_DUNDERS.find((d) => form.includes(d));
    if (dunder) return dunder;
  }
  return undefined;
}

function containsExecutingString(text: string): string | undefined {
  const forms = [text.toLowerCase(), [...text.toLowerCase()].reverse().join("")];
  for (const form of forms) {
    const found = EXECUTING_STRINGS.find((s) => form.includes(s));
    if (found) return found;
  }
  return undefined;
}

/** Analyses one template; a template that is not Jinja at all yields no finding. */
export function analyseChatTemplate(template: string): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const seen = new Set<string>();
  const add = (finding: TemplateFinding) => {
    const key = `${finding.kind}|${finding.title}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  const { tags, unclosed, data } = lexJinja(template);
  for (const open of unclosed) {
    add({
      kind: "syntax",
      severity: "low",
      offset: open.offset,
      title: `An unclosed ${open.what} in the chat template`,
      detail: "Jinja refuses a template with an unclosed tag; the rest of the template was analysed as one tag.",
    });
  }
  // Strings of every tag and the text between tags, in template order: pieces captured by
  // `{% set x %}…{% endset %}` blocks join into names just as string literals do.
  const pieces: { offset: number; text: string }[] = data.map((d) => ({ offset: d.offset, text: d.text }));
  for (const tag of tags) {
    analyseTag(tag, add);
    const strings = tag.tokens.filter((t) => t.kind === "string").map((t) => t.value);
    if (strings.length > 0) pieces.push({ offset: tag.offset, text: strings.join("") });
  }
  const whole = pieces
    .sort((a, b) => a.offset - b.offset)
    .map((p) => p.text)
    .join("");
  const spelled = containsDangerousName(whole);
  if (spelled && !findings.some((f) => f.kind === "sandbox-escape")) {
    add({
      kind: "sandbox-escape",
      severity: "critical",
      offset: 0,
      title: `The template's strings together spell ${spelled}`,
      detail:
        "Pieces set in different statements join into a Python internal attribute name; a template builds such a name only to walk to Python's globals.",
    });
  }
  return findings.sort((a, b) => a.offset - b.offset || a.title.localeCompare(b.title));
}

function analyseTag(tag: JinjaTag, add: (finding: TemplateFinding) => void): void {
  const { tokens, offset } = tag;
  const sandboxEscape = (title: string, detail: string, severity: TemplateFinding["severity"] = "critical") =>
    add({ kind: "sandbox-escape", severity, offset, title, detail });
  const obfuscation = (title: string, detail: string) =>
    add({ kind: "obfuscation", severity: "high", offset, title, detail });

  if (tag.kind === "statement") {
    const first = tokens[0]?.value;
    if (first === "import" || first === "from" || first === "include" || first === "extends") {
      sandboxEscape(
        `The template ${first === "from" ? "imports from" : first === "extends" ? "extends" : `${first}s`} another template`,
        "A chat template is self-contained; loading other templates reaches files or modules the loader provides.",
        "high",
      );
    }
  }

  const strings: string[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (token.kind === "name") {
      const attribute = previous?.kind === "op" && previous.value === ".";
      if (isPrivateWalk(token.value)) {
        sandboxEscape(
          `The template reaches ${attribute ? "the attribute" : "the name"} ${token.value}`,
          isDunder(token.value) || token.value.includes("__")
            ? "Python's internal attributes lead from any object to its class, the interpreter's globals and builtins, and from there to running commands."
            : "A private attribute is never needed by a chat template.",
        );
      } else if (attribute && EXECUTING_ATTRIBUTES.has(token.value) && next?.value === "(") {
        sandboxEscape(`The template calls .${token.value}`, "This attribute runs a program or loads code.");
      } else if (
        !attribute &&
        MODULE_NAMES.has(token.value) &&
        next?.kind === "op" &&
        (next.value === "." || next.value === "(" || next.value === "[")
      ) {
        sandboxEscape(`The template uses ${token.value}`, "A chat template has no use for Python modules or builtins.");
      } else if (
        !attribute &&
        GLOBAL_WALKERS.has(token.value) &&
        !(previous?.kind === "name" && ["set", "for", "in", "macro"].includes(previous.value))
      ) {
        add({
          kind: "risky-global",
          severity: "medium",
          offset,
          title: `The template uses the global ${token.value}`,
          detail:
            "Its attributes lead to the Python globals of the template engine; ordinary chat templates do not use it.",
        });
      } else if (attribute && token.value.startsWith("_")) {
        obfuscation(
          `The template reaches the private attribute ${token.value}`,
          "Chat templates read public fields of messages and tools only.",
        );
      }
      if (token.value === "attr" && previous?.kind === "op" && previous.value === "|")
        checkAttrArgument(tokens, i, obfuscation);
      let after = i + 1;
      while (tokens[after]?.value === ")") after++;
      const picks =
        tokens[after]?.value === "[" ||
        (tokens[after]?.value === "|" && PICKING_FILTERS.has(tokens[after + 1]?.value ?? ""));
      if (token.value === "string" && previous?.value === "|" && picks) {
        obfuscation(
          "The template reads characters out of an object's text",
          "Taking characters from an object's printed form is a way to build forbidden names without writing them.",
        );
      }
    }
    if (token.kind === "string") {
      strings.push(token.value);
      if (token.spelledByEscape)
        obfuscation(
          "A string in the template spells letters or underscores with escapes",
          `The string decodes to ${JSON.stringify(token.value.slice(0, 80))}; ordinary templates write such characters plainly.`,
        );
      // A lone "_" is common (`replace(" ", "_")`); pieces of names are longer or doubled.
      if ((token.value.startsWith("_") && token.value !== "_") || token.value.includes("__")) {
        const dunder = containsDangerousName(token.value);
        if (dunder)
          sandboxEscape(
            `A string in the template names ${dunder}`,
            "Used with attr, a subscript or format, it walks to Python's internals.",
          );
        else
          obfuscation(
            `A string in the template starts with an underscore or holds "__"`,
            `The string is ${JSON.stringify(token.value.slice(0, 80))}; such pieces build private attribute names.`,
          );
      }
      if (/%c/.test(token.value) && tokens.slice(i + 1, i + 4).some((t) => t.value === "format")) {
        obfuscation(
          "The template builds characters from numbers with %c",
          "Formatting numbers as characters builds names that are not written anywhere in the template.",
        );
      }
    }
  });
  checkSubscripts(tokens, obfuscation);
  const joined = strings.join("");
  const dunder = containsDangerousName(joined);
  if (dunder)
    sandboxEscape(
      `Strings in one tag join into ${dunder}`,
      "The name is built from pieces so that it is not written in full; it walks to Python's internals.",
    );
  const executing = containsExecutingString(joined);
  if (executing)
    sandboxEscape(
      `Strings in the template spell ${executing}`,
      "The name of a code-running function has no place in a chat template.",
    );
}

/** `|attr(x)` with anything but one plain string literal that is not private. */
function checkAttrArgument(
  tokens: JinjaToken[],
  at: number,
  obfuscation: (title: string, detail: string) => void,
): void {
  const open = tokens[at + 1];
  const argument = tokens[at + 2];
  const close = tokens[at + 3];
  const plain =
    open?.value === "(" && argument?.kind === "string" && close?.value === ")" && !argument.value.startsWith("_");
  if (!plain)
    obfuscation(
      "The template looks up an attribute by a computed name",
      "attr() with a name built at run time reaches any attribute, private ones included.",
    );
}

/** Words after which `[` opens a list, not a subscript. */
const KEYWORDS = new Set(["in", "and", "or", "not", "if", "else", "is", "set", "for", "return", "elif", "with"]);

/** True when a `[` after this token indexes what precedes it (a name, a call, a subscript or a literal). */
function subscripts(previous: JinjaToken | undefined): boolean {
  if (!previous) return false;
  if (previous.kind === "name") return !KEYWORDS.has(previous.value);
  if (previous.kind === "string") return true;
  return previous.kind === "op" && (previous.value === ")" || previous.value === "]");
}

interface BracketFrame {
  subscript: boolean;
  strings: number;
  building: boolean;
}

/**
 * Subscripts whose key is built from strings with ~, +, % or name-building filters. One pass with
 * a stack of open brackets, so nested brackets cost linear time.
 */
function checkSubscripts(tokens: JinjaToken[], obfuscation: (title: string, detail: string) => void): void {
  const stack: BracketFrame[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as JinjaToken;
    const top = stack.at(-1);
    if (token.kind === "op" && (token.value === "[" || token.value === "(")) {
      stack.push({ subscript: token.value === "[" && subscripts(tokens[i - 1]), strings: 0, building: false });
    } else if (token.kind === "op" && (token.value === "]" || token.value === ")")) {
      const frame = stack.pop();
      if (!frame) continue;
      if (frame.subscript && frame.building) {
        obfuscation(
          "The template subscripts with a key built from pieces",
          "A key built at run time reaches any attribute or item, private ones included.",
        );
      }
      const parent = stack.at(-1);
      if (parent) {
        parent.strings += frame.strings;
        parent.building ||= frame.building;
      }
    } else if (!top) continue;
    else if (token.kind === "string") top.strings++;
    else if (token.kind === "op" && token.value === "~") top.building = true;
    else if (token.kind === "name" && BUILDING_FILTERS.has(token.value) && tokens[i - 1]?.value === "|")
      top.building = true;
    else if (token.kind === "op" && (token.value === "+" || token.value === "%") && top.strings > 0)
      top.building = true;
  }
}
