/**
 * `${env:NAME}` in configuration values keeps credentials out of config files. Resolution happens
 * once, when a target is created, so a missing variable is reported before any probe runs.
 */
import { TargetConfigError } from "./target-config.js";

const envReference = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces every `${env:NAME}` in `value`; `key` names the setting in the error for a missing variable. */
export function resolveEnvTemplate(value: string, env: NodeJS.ProcessEnv, key: string): string {
  return value.replace(envReference, (_, name: string) => {
    const resolved = env[name];
    if (resolved === undefined) throw new TargetConfigError(`${key}: environment variable ${name} is not set`);
    return resolved;
  });
}

/** Resolves every value of a name → template map; `key` prefixes error messages (e.g. "headers"). */
export function resolveEnvRecord(
  values: Record<string, string>,
  env: NodeJS.ProcessEnv,
  key: string,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) resolved[name] = resolveEnvTemplate(value, env, `${key}.${name}`);
  return resolved;
}

/** The target's configured secrets with `${env:NAME}` resolved, for detectors. */
export function resolveTargetSecrets(
  config: { secrets: Record<string, string> },
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  return resolveEnvRecord(config.secrets, env, "secrets");
}
