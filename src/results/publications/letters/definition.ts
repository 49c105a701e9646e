/**
 * The letter to each participating organisation as a publication (kind `letter`, key = the
 * organisation's id). A letter holds one organisation's own answers, so the publications list and
 * page show letters only to readers who may see every organisation's (researchers and admins: the
 * `embargoed` visibility). An organisation's coordinator reads its own letter at
 * /results/:waveId/letters/:orgId (./routes.tsx, action `results.letter.read`).
 */

import { can } from '../../../platform/access/policy.js';
import { AppError } from '../../../platform/errors.js';
import type { ProductDefinition, ProductRef, ProductScope, RenderContext } from '../product.js';
import { say } from './messages.js';
import { renderLetter } from './render.js';
import { letterSource } from './source.js';

const refOf = (id: string, name: string): ProductRef => ({
  kind: 'letter',
  key: id,
  title: {
    nl: say('nl', 'letters.title', { organisation: name }),
    en: say('en', 'letters.title', { organisation: name }),
  },
});

/** Every letter of a wave (one per participating organisation), whoever asks. */
export async function letterRefs(scope: ProductScope): Promise<ProductRef[]> {
  const source = await letterSource(scope);
  if (!source) return [];
  return [...source.participants.values()].map((p) => refOf(p.organisation.id, p.organisation.name));
}

export async function renderLetterOf(ctx: RenderContext, organisationId: string) {
  const source = await letterSource(ctx);
  const participant = source?.participants.get(organisationId);
  if (!source || !participant)
    throw new AppError('not-found', {
      detail: { nl: 'Voor deze organisatie is er geen brief.', en: 'no letter for this organisation' },
    });
  return renderLetter(ctx, refOf(organisationId, participant.organisation.name), source, participant);
}

export const letterDefinition: ProductDefinition = {
  kind: 'letter',
  list: async (scope) => (scope.visibility === 'embargoed' ? letterRefs(scope) : []),
  render: (ctx, ref) => renderLetterOf(ctx, ref.key),
  // one organisation's own answers: researchers, admins and that organisation's coordinator
  readableBy: (principal, key) => can(principal, 'results.letter.read', key),
};

export default letterDefinition;
