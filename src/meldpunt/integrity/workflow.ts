/**
 * The steps of BZK's 2024 handreiking for suspected integrity violations as a state machine (pure):
 * ontvangen → intake → vooronderzoek → besluit → (onderzoek → hoor en wederhoor → besluitvorming |
 * no further action) → communicatie → nazorg → gearchiveerd. Communicatie may also go straight to the
 * archive. Every step forward is recorded in the append-only history (history-service.ts).
 */
import type { ReportState } from './model.js';

const transitions: Record<ReportState, readonly ReportState[]> = {
  ontvangen: ['intake'],
  intake: ['vooronderzoek'],
  vooronderzoek: ['besluit'],
  besluit: ['onderzoek', 'communicatie'],
  onderzoek: ['hoor_en_wederhoor'],
  hoor_en_wederhoor: ['besluitvorming'],
  besluitvorming: ['communicatie'],
  communicatie: ['nazorg', 'gearchiveerd'],
  nazorg: ['gearchiveerd'],
  gearchiveerd: [],
};

export const nextStates = (from: ReportState): readonly ReportState[] => transitions[from];
export const canMove = (from: ReportState, to: ReportState) => transitions[from].includes(to);

/** Outcomes, recorded in the register (plain text) when a step needs one. */
export const outcomes = ['geen_vervolg', 'gegrond', 'deels_gegrond', 'ongegrond'] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * The outcome a move needs: from besluit straight to communicatie is "no further action"; leaving
 * besluitvorming needs the finding (gegrond, deels gegrond, ongegrond); other moves take none.
 */
export function outcomeRule(from: ReportState, to: ReportState): 'none' | 'geen_vervolg' | 'finding' {
  if (from === 'besluit' && to === 'communicatie') return 'geen_vervolg';
  if (from === 'besluitvorming' && to === 'communicatie') return 'finding';
  return 'none';
}

export const findings: readonly Outcome[] = ['gegrond', 'deels_gegrond', 'ongegrond'];

/**
 * The decisions the handreiking reserves for the chair (burgemeester, commissaris van de Koning,
 * dijkgraaf): after the preliminary inquiry, no further action or an (external) investigation
 * (leaving besluit), and the finding (leaving besluitvorming). Officers prepare; the chair decides.
 */
export const chairDecides = (from: ReportState): boolean => from === 'besluit' || from === 'besluitvorming';
