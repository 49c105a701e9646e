/**
 * The values of the templates' context variables for one respondent: the text fills by layer and
 * the role in words. The one place these are defined: the answering pages build their context from
 * it (answering/strata.ts `contextOf`, from a response's stored strata) and pass it as `context` to
 * relevanceOf / validateSection.
 *
 *   contextValues({ layer: 'provincie', role: 'statenlid' })
 *   // { bg_layer: 'provincie', organisatie: 'provincie', de_organisatie: 'de provincie', …, functie: 'statenlid' }
 */
export type Layer = 'gemeente' | 'provincie' | 'waterschap';

const fills: Record<Layer, Record<string, string>> = {
  gemeente: {
    organisatie: 'gemeente',
    de_organisatie: 'de gemeente',
    het_bestuur: 'het college van B en W',
    de_vertegenwoordiging: 'de gemeenteraad',
    voorzitter: 'burgemeester',
  },
  provincie: {
    organisatie: 'provincie',
    de_organisatie: 'de provincie',
    het_bestuur: 'Gedeputeerde Staten',
    de_vertegenwoordiging: 'Provinciale Staten',
    voorzitter: 'commissaris van de Koning',
  },
  waterschap: {
    organisatie: 'waterschap',
    de_organisatie: 'het waterschap',
    het_bestuur: 'het dagelijks bestuur',
    de_vertegenwoordiging: 'het algemeen bestuur',
    voorzitter: 'dijkgraaf',
  },
};

/** bg_role codes of the item bank → the role in words (for `${functie}`). */
export const roleWords: Record<string, string> = {
  burgemeester: 'burgemeester',
  wethouder: 'wethouder',
  raadslid: 'raadslid',
  cdk: 'commissaris van de Koning',
  gedeputeerde: 'gedeputeerde',
  statenlid: 'statenlid',
  dijkgraaf: 'dijkgraaf',
  lid_db: 'lid van het dagelijks bestuur',
  lid_ab: 'lid van het algemeen bestuur',
};

export function contextValues(input: {
  layer?: string | null;
  role?: string | null;
  /** Organisation policy: whether the wave also surveys employees. */
  employeeModule?: boolean;
}): Record<string, string> {
  const out: Record<string, string> = {};
  const layer = input.layer as Layer | undefined;
  if (layer && layer in fills) Object.assign(out, { bg_layer: layer }, fills[layer]);
  if (input.role) {
    out.bg_role = input.role;
    out.functie = roleWords[input.role] ?? input.role.replaceAll('_', ' ');
  }
  if (input.employeeModule !== undefined) out.module_medewerkers = input.employeeModule ? 'ja' : 'nee';
  return out;
}
