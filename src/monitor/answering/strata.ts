/**
 * What a response row may know about its respondent (docs/anonymity.md), by the wave's anonymity:
 * - anonymous: the standard stratum variables only (bg_layer, bg_role, bg_role_group, bg_province,
 *   bg_org_size, and bg_gender / bg_age_group when the frame has them) — no organisation, no person,
 *   and none of the frame file's free stratum columns (they may identify);
 * - confidential: also the organisation and the free stratum columns;
 * - named: also the frame person;
 * - organisation-policy questionnaires describe the organisation, so they always keep it.
 * The names are those of the item bank, so the strata double as context variables for routing.
 */

import type { FramePerson } from '../fieldwork/model.js';
import { frameStrata } from '../fieldwork/model.js';
import { contextValues } from '../questionnaires/templates/context.js';

export type ResponseStrata = Record<string, string>;

const standard = [
  'bg_layer',
  'bg_role',
  'bg_role_group',
  'bg_province',
  'bg_org_size',
  'bg_gender',
  'bg_age_group',
];

export interface ResponseIdentity {
  strata: ResponseStrata;
  organisationId: string | null;
  framePersonId: string | null;
}

export function responseIdentity(anonymity: string, person: FramePerson): ResponseIdentity {
  const all = frameStrata(person);
  const anonymous = anonymity !== 'confidential' && anonymity !== 'named';
  const strata: ResponseStrata = {};
  for (const [k, v] of Object.entries(all))
    if (v !== null && v !== undefined && v !== '' && (!anonymous || standard.includes(k))) strata[k] = v;
  const keepsOrganisation = !anonymous || person.targetGroup === 'organisation_policy';
  return {
    strata,
    organisationId: keepsOrganisation ? person.organisationId : null,
    framePersonId: anonymity === 'named' ? person.id : null,
  };
}

/**
 * Context variables for routing and piping, from the stored strata only (never from the frame): the
 * item bank's text fills by layer and the role in words (questionnaires/templates/context.ts), and
 * the strata themselves.
 */
export function contextOf(strata: ResponseStrata): Record<string, string> {
  return { ...contextValues({ layer: strata.bg_layer, role: strata.bg_role }), ...strata };
}
