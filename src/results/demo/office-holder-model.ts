/**
 * How a synthetic office holder answers the built-in office-holder questionnaire: a few latent facts
 * per person (which forms of aggression they met, whether they saw a conflict of interest) drive the
 * answers, with the associations a reader of the monitor expects: women more often targeted (and more
 * often for their gender), social media the main channel, reporting inside the organisation common
 * after serious incidents, aangifte rare and mostly after threats or physical violence, consequences
 * and thoughts of quitting more frequent after threats. Pure and seeded.
 */
import type { AnswerValue } from '../../monitor/questionnaires/model.js';
import type { ItemModel } from './fill.js';
import { chance, pickFrom, type Rng } from './random.js';

export type Form = 'verbal' | 'threat' | 'intimidation' | 'physical';
export const forms: readonly Form[] = ['verbal', 'threat', 'intimidation', 'physical'];

export interface OfficeHolderLatent {
  gender: 'vrouw' | 'man';
  ageGroup: string;
  /** The forms experienced in the past 12 months (empty: none). */
  experienced: Set<Form>;
  /** Saw or suspected some form of conflict of interest (belangenverstrengeling). */
  sawConflictOfInterest: boolean;
}

/** Probability of each form given that something happened (verbal dominates; physical is rare). */
const formGivenAny: Record<Form, number> = { verbal: 0.88, threat: 0.36, intimidation: 0.3, physical: 0.07 };

/** The forms met by someone who met any aggression. */
export function drawForms(rng: Rng, any: boolean): Set<Form> {
  const out = new Set<Form>();
  if (!any) return out;
  for (const f of forms) if (chance(rng, formGivenAny[f])) out.add(f);
  if (out.size === 0) out.add('verbal');
  return out;
}

const freq = (rng: Rng): AnswerValue => pickFrom(rng, { een_keer: 0.38, twee_tot_vijf: 0.42, vaker: 0.2 });
const yesNo = (rng: Rng, p: number) => (chance(rng, p) ? 'ja' : 'nee');

/** Reported to the organisation, and aangifte, by form (given the form occurred). */
const reportedOrg: Record<Form, number> = { verbal: 0.22, threat: 0.55, intimidation: 0.45, physical: 0.7 };
const aangifte: Record<Form, number> = { verbal: 0.02, threat: 0.22, intimidation: 0.12, physical: 0.45 };

const belangenItems = ['int_obs_belangen_familie', 'int_obs_meestemmen_belang'];

export function officeHolderModel(latent: OfficeHolderLatent, rng: Rng): ItemModel {
  const exp = latent.experienced;
  const serious = exp.has('threat') || exp.has('physical') || exp.has('intimidation');
  const woman = latent.gender === 'vrouw';
  let online = false;
  // which of the two conflict-of-interest items carry the "ja" (at least one when seen)
  const belangen = new Set<string>();
  if (latent.sawConflictOfInterest) {
    for (const code of belangenItems) if (chance(rng, 0.6)) belangen.add(code);
    if (belangen.size === 0) belangen.add(belangenItems[rng.next() < 0.5 ? 0 : 1]!);
  }
  return (code) => {
    const form = /^agr_(verbal|threat|intimidation|physical)_12m$/.exec(code)?.[1] as Form | undefined;
    if (form) return exp.has(form) ? freq(rng) : 'nooit';
    const row = /^agr_(reported_org|aangifte)_(verbal|threat|intimidation|physical)$/.exec(code);
    if (row) {
      const f = row[2] as Form;
      if (!exp.has(f)) return 'nee';
      const p = row[1] === 'aangifte' ? aangifte[f] : reportedOrg[f];
      if (row[1] === 'reported_org' && chance(rng, 0.04)) return 'weet_niet';
      return yesNo(rng, p);
    }
    if (belangenItems.includes(code))
      return belangen.has(code) ? 'ja' : chance(rng, 0.04) ? 'weet_niet' : 'nee';
    if (code.startsWith('int_obs_'))
      return pickFrom(rng, { ja: latent.sawConflictOfInterest ? 0.18 : 0.06, nee: 0.88, weet_niet: 0.06 });
    switch (code) {
      case 'agr_property_12m':
        return chance(rng, serious ? 0.12 : 0.02) ? 'een_keer' : 'nooit';
      case 'agr_social_any_12m':
        online = chance(rng, 0.66);
        return online ? 'ja' : chance(rng, 0.9) ? 'nee' : 'weet_niet';
      case 'agr_recent_type': {
        const options = [...exp];
        return options[Math.floor(rng.next() * options.length)] ?? 'verbal';
      }
      case 'agr_channel_recent':
        return online && chance(rng, 0.75)
          ? 'sociale_media'
          : pickFrom(rng, { persoonlijk: 0.45, email: 0.25, telefoon: 0.2, post: 0.1 });
      case 'agr_target_personal': {
        const out: string[] = [];
        if (chance(rng, woman ? 0.34 : 0.05)) out.push('geslacht_gender');
        if (chance(rng, 0.07)) out.push('afkomst');
        if (chance(rng, 0.03)) out.push('geloof');
        if (chance(rng, 0.03)) out.push('seksuele_orientatie');
        return out.length ? out : ['nee'];
      }
      case 'agr_discussed':
        return yesNo(rng, serious ? 0.85 : 0.62);
      case 'agr_severity_worst':
        return serious
          ? pickFrom(rng, { zeer_ernstig: 0.22, ernstig: 0.43, niet_zo_ernstig: 0.3, niet_ernstig: 0.05 })
          : pickFrom(rng, { zeer_ernstig: 0.03, ernstig: 0.14, niet_zo_ernstig: 0.55, niet_ernstig: 0.28 });
      case 'agr_consequence_any':
        return yesNo(rng, serious ? 0.62 : 0.32);
      case 'agr_aftercare_need':
        return yesNo(rng, serious ? 0.35 : 0.08);
      case 'agr_considered_quitting':
        return yesNo(rng, exp.size === 0 ? 0.04 : serious ? 0.24 : 0.1);
      case 'agr_decisions_influenced':
        return exp.size
          ? pickFrom(rng, { nee: 0.62, soms: 0.3, vaak: 0.05, weet_niet: 0.03 })
          : pickFrom(rng, { nee: 0.83, soms: 0.13, vaak: 0.01, weet_niet: 0.03 });
      case 'agr_feel_safe':
        return serious
          ? pickFrom(rng, {
              zeer_veilig: 0.05,
              veilig: 0.45,
              neutraal: 0.3,
              onveilig: 0.17,
              zeer_onveilig: 0.03,
            })
          : pickFrom(rng, {
              zeer_veilig: 0.2,
              veilig: 0.6,
              neutraal: 0.16,
              onveilig: 0.04,
              zeer_onveilig: 0,
            });
      case 'int_aware_codes':
        return pickFrom(rng, { goed: 0.58, enigszins: 0.36, nee: 0.06 });
      case 'bg_gender':
        return latent.gender;
      case 'bg_age_group':
        return latent.ageGroup;
      default:
        return undefined;
    }
  };
}
