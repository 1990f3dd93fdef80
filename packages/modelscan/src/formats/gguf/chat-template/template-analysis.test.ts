import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chatmlTemplate } from "../../testing/gguf-writer.js";
import { decodeStringLiteral, lexJinja } from "./jinja-lexer.js";
import { analyseChatTemplate } from "./template-analysis.js";

/** Ordinary chat templates in the shapes of common model families, written for these tests. */
const ordinary: Record<string, string> = {
  chatml: chatmlTemplate,
  llama3: `{{- bos_token }}
{%- if messages[0]['role'] == 'system' %}{%- set system_message = messages[0]['content']|trim %}{%- set messages = messages[1:] %}{%- else %}{%- set system_message = "" %}{%- endif %}
{{- "<|start_header_id|>system<|end_header_id|>\\n\\n" }}{{- "Today Date: " + strftime_now("%d %b %Y") + "\\n\\n" }}{{- system_message }}{{- "<|eot_id|>" }}
{%- for message in messages %}
  {%- if 'tool_calls' in message %}{%- set tool_call = message.tool_calls[0].function %}
    {{- '{"name": "' + tool_call.name + '", "parameters": ' }}{{- tool_call.arguments | tojson }}{{- "}" }}
  {%- else %}{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' }}{%- endif %}
{%- endfor %}
{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}`,
  mistral: `{%- if messages[0]["role"] == "system" %}{%- set system_message = messages[0]["content"] %}{%- set loop_messages = messages[1:] %}{%- else %}{%- set loop_messages = messages %}{%- endif %}
{{- bos_token }}{%- for message in loop_messages %}{%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{- raise_exception('After the optional system message, roles must alternate user/assistant/user/assistant...') }}{%- endif %}
{%- if message["role"] == "user" %}{%- if loop.last and system_message is defined %}{{- "[INST] " + system_message + "\\n\\n" + message["content"] + "[/INST]" }}{%- else %}{{- "[INST] " + message["content"] + "[/INST]" }}{%- endif %}
{%- elif message["role"] == "assistant" %}{{- " " + message["content"]|trim + eos_token}}{%- endif %}{%- endfor %}`,
  gemma: `{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}`,
  tools: `{%- set ns = namespace(found=false, last_query_index=messages|length - 1) %}{# find the last user query #}{%- for message in messages[::-1] %}{%- set index = (messages|length - 1) - loop.index0 %}{%- if ns.found == false and message.role == "user" %}{%- set ns.found = true %}{%- set ns.last_query_index = index %}{%- endif %}{%- endfor %}{%- if tools %}{{- "<tools>" }}{%- for tool in tools %}{{- "\\n" }}{{- tool | tojson }}{%- endfor %}{{- "</tools>" }}{%- endif %}{% raw %}{{ not analysed }}{% endraw %}{%- for m in messages %}{{ m.content if m.content is string else m.content|map(attribute='text')|join('') }}{%- endfor %}`,
};

describe("chat template analysis", () => {
  it.each(Object.entries(ordinary))("finds nothing in an ordinary %s template", (_name, template) => {
    expect(analyseChatTemplate(template)).toEqual([]);
  });

  /** Sandbox escapes after the published advisories and bypass write-ups, rewritten as minimal templates. */
  const hostile: [string, string, string][] = [
    [
      "the CVE-2024-34359 subclass walk (llama-cpp-python)",
      `{% for x in ().__class__.__base__.__subclasses__() %}{% if "warning" in x.__name__ %}{{ x()._module.__builtins__['__import__']('os').popen("id") }}{% endif %}{% endfor %}`,
      "sandbox-escape",
    ],
    ["a walk through lipsum's globals", "{{ lipsum.__globals__['os'].popen('id').read() }}", "sandbox-escape"],
    [
      "a walk through cycler's constructor",
      "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
      "sandbox-escape",
    ],
    [
      "the template reference context",
      "{{ self._TemplateReference__context.joiner.__init__.__globals__.os }}",
      "sandbox-escape",
    ],
    ["a dunder built with ~", `{{ ()|attr("__cla" ~ "ss__") }}`, "sandbox-escape"],
    ["a dunder built with +", `{{ ()["__cla" + "ss__"] }}`, "sandbox-escape"],
    ["a dunder built with join", `{{ ()|attr(["__cla", "ss__"]|join) }}`, "sandbox-escape"],
    ["a dunder built with format", `{{ ()|attr("%s%s"|format("__cla", "ss__")) }}`, "sandbox-escape"],
    ["a dunder reversed", `{{ ()|attr("__ssalc__"|reverse) }}`, "sandbox-escape"],
    ["a dunder in capitals", `{{ ()|attr("__CLASS__"|lower) }}`, "sandbox-escape"],
    ["a dunder spelled with hex escapes", `{{ ()|attr("\\x5f\\x5fclass\\x5f\\x5f") }}`, "sandbox-escape"],
    ["a dunder spelled with unicode escapes", `{{ ()|attr("\\u005f\\u005fclass\\u005f\\u005f") }}`, "sandbox-escape"],
    ["a dunder spelled with octal escapes", `{{ ()|attr("\\137\\137class\\137\\137") }}`, "sandbox-escape"],
    [
      "a dunder spelled with named escapes",
      `{{ ()|attr("\\N{LOW LINE}\\N{LOW LINE}class\\N{LOW LINE}\\N{LOW LINE}") }}`,
      "sandbox-escape",
    ],
    [
      "a dunder set in pieces across statements",
      `{% set a = "__glo" %}{% set b = "bals__" %}{{ x|attr(a ~ b) }}`,
      "sandbox-escape",
    ],
    [
      "a dunder captured in set blocks",
      "{% set a %}__glo{% endset %}{% set b %}bals__{% endset %}{{ cycler.__init__|attr(a ~ b) }}",
      "sandbox-escape",
    ],
    ["a keyword argument named as a dunder", "{{ dict(__class__=1)|list|first }}", "sandbox-escape"],
    ["an import", "{% import 'os' as os %}{{ os }}", "sandbox-escape"],
    ["a from-import", "{% from 'helpers' import run %}", "sandbox-escape"],
    ["a builtin module", "{{ os.popen('id') }}", "sandbox-escape"],
    ["a popen name spelled in pieces", `{{ x|attr("po" ~ "pen") }}`, "sandbox-escape"],
    ["whitespace control around an escape", "{{- ().__class__ -}}", "sandbox-escape"],
    ["characters picked out of an object's text", "{{ (()|select|string)[24] }}", "obfuscation"],
    ["characters formatted from numbers", `{{ "%c%c"|format(95, 95) }}`, "obfuscation"],
    ["an attribute looked up by a variable", "{{ x|attr(name) }}", "obfuscation"],
    ["a subscript key built from variables", "{{ x[a ~ b] }}", "obfuscation"],
    ["an escaped letter", `{{ x|attr("\\x70open") }}`, "obfuscation"],
    ["underscores joined at run time", `{% set u = "_" %}{{ x|attr(u ~ u ~ "class" ~ u ~ u) }}`, "obfuscation"],
    ["the lipsum global", "{{ lipsum }}", "risky-global"],
    ["an unclosed tag", "{{ messages", "syntax"],
  ];
  it.each(hostile)("flags %s", (_name, template, kind) => {
    const kinds = analyseChatTemplate(template).map((f) => f.kind);
    expect(kinds).toContain(kind);
  });

  it("takes a list after an operator for a list, a lone underscore for text, and an attribute named system for data", () => {
    expect(analyseChatTemplate(`{%- set ns.calls = ns.calls + ['{"name": "' + call['name'] + '"}'] -%}`)).toEqual([]);
    expect(analyseChatTemplate(`{{ key | replace("-", "_") | replace(" ", "_") }}`)).toEqual([]);
    expect(analyseChatTemplate("{% set ns.system = message['content'] %}{{ ns.system }}")).toEqual([]);
    expect(analyseChatTemplate("{{ x.system('id') }}").map((f) => f.kind)).toEqual(["sandbox-escape"]);
    expect(analyseChatTemplate(`{{ x[("__cla" ~ "ss__")] }}`).map((f) => f.kind)).toContain("obfuscation");
  });

  it("rates a walk to Python's globals as critical", () => {
    const findings = analyseChatTemplate("{{ cycler.__init__.__globals__ }}");
    expect(findings.find((f) => f.kind === "sandbox-escape")?.severity).toBe("critical");
  });

  it("does not look inside raw blocks or comments, and keeps strings holding }} inside their tag", () => {
    expect(analyseChatTemplate("{% raw %}{{ ().__class__ }}{% endraw %}{# ().__class__ #}")).toEqual([]);
    const { tags } = lexJinja(`{{ '}}' ~ x.__class__ }}`);
    expect(tags).toHaveLength(1);
    expect(tags[0]?.tokens.map((t) => t.value)).toContain("__class__");
  });

  it("decodes Python string escapes", () => {
    expect(decodeStringLiteral("\\x5f\\u005f\\137\\N{LOW LINE}a\\n")).toEqual({
      value: "____a\n",
      spelledByEscape: true,
    });
    expect(decodeStringLiteral("line\\n")).toEqual({ value: "line\n", spelledByEscape: false });
  });

  it("never throws and stays linear on random templates", () => {
    const pieces = fc.constantFrom(
      "{{",
      "}}",
      "{%",
      "%}",
      "{#",
      "#}",
      "'",
      '"',
      "\\",
      "x",
      ".",
      "__class__",
      "|attr(",
      ")",
      "[",
      "]",
      "~",
      " ",
      "raw",
      "endraw",
      "-",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(pieces, { maxLength: 200 }).map((p) => p.join("")),
        ),
        (template) => {
          analyseChatTemplate(template);
        },
      ),
      { numRuns: 500 },
    );
    const started = performance.now();
    analyseChatTemplate(`{{ ${"x[".repeat(20_000)}`);
    analyseChatTemplate("{{ '".repeat(20_000));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
