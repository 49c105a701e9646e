/**
 * A small demo wave for tests: the demo's seeded generator on a few organisations (every provincie, the
 * gemeenten of Flevoland and Drenthe, a handful of waterschappen), so a run takes a fraction of the full
 * demo's time while every stratum keeps respondents.
 */
import type { RegistryOrganisation } from './population.js';
import { registryOrganisations } from './registry.js';

export function smallDemoOrganisations(): RegistryOrganisation[] {
  const waterschappen = registryOrganisations()
    .filter((o) => o.layer === 'waterschap')
    .slice(0, 8);
  return registryOrganisations().filter(
    (o) =>
      o.layer === 'provincie' ||
      (o.layer === 'gemeente' && (o.provinceCode === 'PV24' || o.provinceCode === 'PV22')) ||
      waterschappen.includes(o),
  );
}
