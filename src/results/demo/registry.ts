/**
 * The decentral organisations of the registry files (data/organisations), the same list the demo's
 * registry step loads, read from the files so the demo waves do not depend on database order.
 */
import { parseImportFiles } from '../../platform/orgs/import.js';
import { registryFiles } from '../../platform/orgs/registry.js';
import type { RegistryOrganisation } from './population.js';

let cached: RegistryOrganisation[] | undefined;

export function registryOrganisations(): RegistryOrganisation[] {
  if (cached) return cached;
  const { parsed } = parseImportFiles(registryFiles());
  const inhabitants = new Map<string, number>();
  for (const f of parsed.facts) if (f.inhabitants != null) inhabitants.set(f.code, f.inhabitants);
  cached = parsed.rows
    .filter((r) => r.layer === 'gemeente' || r.layer === 'provincie' || r.layer === 'waterschap')
    .map((r) => ({
      code: r.code,
      name: r.name ?? r.code,
      layer: r.layer!,
      provinceCode: r.layer === 'provincie' ? r.code : (r.provinceCode ?? null),
      inhabitants: r.inhabitants ?? inhabitants.get(r.code) ?? null,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return cached;
}
