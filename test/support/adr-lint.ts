/**
 * Lints an OpenAPI document with the official NL API Design Rules ruleset (Logius), offline.
 *
 * The ruleset (test/fixtures/adr/ruleset.yaml, copied unchanged from the Logius repository) is a
 * Spectral YAML ruleset: it `extends` the built-in `spectral:oas` rules and names core functions by
 * string. Spectral's own YAML loader resolves these through its bundler (network, file system);
 * here the names are mapped onto the packages we install instead, so the lint needs no network.
 */
import { readFileSync } from 'node:fs';
import spectralCore, { type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import functions from '@stoplight/spectral-functions';
import parsers from '@stoplight/spectral-parsers';
import rulesets from '@stoplight/spectral-rulesets';

// CommonJS packages: their named exports are read from the default export.
const { Document, Spectral } = spectralCore;
const { Json, parseYaml } = parsers;
const { oas } = rulesets;

export const ADR_RULESET_FILE = new URL('../fixtures/adr/ruleset.yaml', import.meta.url);

const builtins: Record<string, unknown> = { 'spectral:oas': oas };

/** The Logius ruleset as a Spectral ruleset object: `extends` and function names replaced by the real things. */
export function loadAdrRuleset(): RulesetDefinition {
  const parsed = parseYaml(readFileSync(ADR_RULESET_FILE, 'utf8'));
  if (parsed.diagnostics.some((d) => d.severity === 0))
    throw new Error(`ruleset does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  const raw = JSON.parse(JSON.stringify(parsed.data)) as { extends?: unknown; rules: Record<string, any> };
  const resolveExtends = (e: unknown): unknown => {
    if (typeof e === 'string') {
      if (!(e in builtins)) throw new Error(`ruleset extends unknown ${e}`);
      return builtins[e];
    }
    if (Array.isArray(e)) return [resolveExtends(e[0]), e[1]];
    throw new Error(`ruleset extends ${JSON.stringify(e)}: not supported offline`);
  };
  const ext = raw.extends;
  const isTuple = (e: unknown) =>
    Array.isArray(e) &&
    e.length === 2 &&
    typeof e[0] === 'string' &&
    ['off', 'all', 'recommended'].includes(e[1]);
  const extendsList =
    ext === undefined ? [] : typeof ext === 'string' || isTuple(ext) ? [ext] : (ext as unknown[]);
  const rules: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(raw.rules)) {
    if (typeof rule !== 'object' || rule === null) {
      rules[name] = rule; // a severity for a rule of an extended ruleset
      continue;
    }
    const thens = [rule.then].flat().map((then: any) => {
      const fn = (functions as Record<string, unknown>)[then.function];
      if (typeof fn !== 'function') throw new Error(`rule ${name}: unknown function ${then.function}`);
      return { ...then, function: fn };
    });
    // biome-ignore lint/suspicious/noThenProperty: `then` is Spectral's name for a rule's checks.
    rules[name] = { ...rule, then: thens };
  }
  return { extends: extendsList.map(resolveExtends), rules } as unknown as RulesetDefinition;
}

/** Lints `doc` (an OpenAPI object) with the ADR ruleset; returns Spectral's diagnostics. */
export async function lintWithAdr(doc: unknown): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(loadAdrRuleset());
  return spectral.run(new Document(JSON.stringify(doc, null, 2), Json, 'openapi.json'));
}

/** One line per diagnostic: `error nlgov:missing-header paths./api/v1/x.get.responses.200: message`. */
export function describe(d: ISpectralDiagnostic): string {
  const severity = ['error', 'warn', 'info', 'hint'][d.severity] ?? String(d.severity);
  return `${severity} ${d.code} ${d.path.join('.')}: ${d.message}`;
}
