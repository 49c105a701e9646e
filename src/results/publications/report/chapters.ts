/**
 * Which indicators each chapter of the report shows. Sections are the product's narrative sections
 * (narrative.ts); indicators go to a chapter by their theme, and the integrity and policy themes are
 * split by code:
 *
 * - Deel Veiligheid: ervaringen ← aggression (office holders and employees); gevolgen ← consequences;
 *   aangifte-registratie ← follow_up; aanpak-beleid ← policy, except the integrity policy below.
 * - Deel Integriteit: perceptie-integriteit ← integrity indicators about what office holders saw
 *   colleagues do (`int_obs_*`); integriteit-praktijk ← the other integrity indicators (knowing the
 *   codes, colleagues acting consciously); aanpak-beleid ← policy on integrity (`org_code_*`,
 *   `org_integrity_*`, `org_risk_analysis_*`).
 *
 * An indicator a researcher adds later follows the same rules, so it lands in a chapter of its theme.
 */
import type { IndicatorDefinition } from '../../indicators/model.js';

export type ReportKind = 'report-safety' | 'report-integrity';

const integrityPolicy = /^org_(code|integrity|risk_analysis)/;

/** The chapter of an indicator in a report part (undefined: not in this part). */
export function chapterOf(kind: ReportKind, d: IndicatorDefinition): string | undefined {
  if (kind === 'report-safety')
    switch (d.theme) {
      case 'aggression':
        return 'ervaringen';
      case 'consequences':
        return 'gevolgen';
      case 'follow_up':
        return 'aangifte-registratie';
      case 'policy':
        return integrityPolicy.test(d.code) ? undefined : 'aanpak-beleid';
      default:
        return undefined;
    }
  if (d.theme === 'integrity')
    return d.code.startsWith('int_obs_') ? 'perceptie-integriteit' : 'integriteit-praktijk';
  if (d.theme === 'policy' && integrityPolicy.test(d.code)) return 'aanpak-beleid';
  return undefined;
}

/** Sections without indicators: their narrative only (and the method chapter's own content). */
export const textOnlySections = new Set(['inleiding', 'methode', 'conclusies']);

/** The breakdowns a report table shows per target group, in order (all of them are in every run). */
export const reportBreakdowns: Record<string, string[][]> = {
  office_holders: [[], ['bg_layer'], ['bg_role'], ['bg_role_group'], ['bg_gender']],
  employees: [[], ['bg_layer'], ['bg_gender'], ['bg_age_group']],
  organisation_policy: [[], ['bg_layer'], ['bg_org_size']],
};

export const layers = ['gemeente', 'provincie', 'waterschap'] as const;
