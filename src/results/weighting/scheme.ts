/**
 * The weighting scheme of a target group: which stratum variables form the design strata and which
 * population margins the weights are raked to. Office holders and employees: strata = layer × role,
 * margins layer × role, gender, province (docs/results.md).
 */

/** A stratum value that is unknown in the frame (e.g. the province of a waterschap spanning several). */
export const NONE = 'geen';

export interface MarginSpec {
  /** Its name in reports and design.json, e.g. "layer_role". */
  name: string;
  /** Stratum variables (bg_*) whose combination is the category. */
  variables: string[];
  /** Leave the margin out when some frame persons lack a value (e.g. gender not in the frame). */
  optional?: boolean;
}

export interface WeightingScheme {
  strata: string[];
  margins: MarginSpec[];
  /** A census of organisations: unweighted (weight 1), fpc from the frame, no calibration. */
  unweighted?: boolean;
}

export const officeHolderScheme: WeightingScheme = {
  strata: ['bg_layer', 'bg_role'],
  margins: [
    { name: 'layer_role', variables: ['bg_layer', 'bg_role'] },
    { name: 'gender', variables: ['bg_gender'], optional: true },
    { name: 'province', variables: ['bg_province'] },
  ],
};

/** Organisation policy: a census of organisations, unweighted with the fpc, strata layer × size class. */
export const organisationScheme: WeightingScheme = {
  strata: ['bg_layer', 'bg_org_size'],
  margins: [],
  unweighted: true,
};

export const schemes: Record<string, WeightingScheme> = {
  office_holders: officeHolderScheme,
  organisation_policy: organisationScheme,
  employees: officeHolderScheme,
};

/** The category of a respondent or frame cell on some variables: values joined by " × ". */
export function categoryOf(
  strata: Readonly<Record<string, string | null | undefined>>,
  vars: string[],
): string {
  return vars.map((v) => strata[v] || NONE).join(' × ');
}

/** Whether any of the variables is unknown. */
export const lacksAny = (strata: Readonly<Record<string, string | null | undefined>>, vars: string[]) =>
  vars.some((v) => !strata[v]);
