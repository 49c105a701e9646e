/**
 * The respondent's pages under /r/:token (public: the link is the credential). Every POST answers
 * with a 303 to a GET (or with the same page and its errors), so the back button and a repeated
 * submit are safe. Logs carry the route pattern only (src/platform/http/app.ts), never the token.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type MessageKey, type Translate, translator } from '../../platform/i18n/catalogue.js';
import { sendPage } from '../../platform/ui/render.js';
import { langOf } from '../fieldwork/invitations.js';
import type { WavePrivacy } from '../fieldwork/model.js';
import { type FieldError, relevanceOf } from '../questionnaires/engine.js';
import { type Answers, type QuestionnaireDefinition, textIn, variablesOf } from '../questionnaires/model.js';
import { possibleSections } from '../questionnaires/progress.js';
import { responseKeyFor } from './keys.js';
import {
  completeResponse,
  contextOfResponse,
  type Direction,
  type LinkState,
  type OpenLink,
  openLink,
  type ResponseRow,
  relevantSections,
  remainingProblems,
  saveFromRecentRow,
  saveSection,
  startResponse,
} from './service.js';
import { contextOf, responseIdentity } from './strata.js';
import { checkPage, messagePage, PRIVACY_PATH, privacyPage, sectionPage, startPage } from './views/pages.js';
import { wavePrivacyPage } from './views/privacy-page.js';

const tokenParams = z.object({ token: z.string().max(200) });
const sectionParams = tokenParams.extend({ section: z.string().max(100) });
const formBody = z.record(z.string(), z.unknown());
const access = { public: "a respondent's personal link; the token is the credential" };

/**
 * A respondent reads the pages in their frame language (a `taal`/`language` column, as their mail),
 * unless they chose one themselves (`?lang=`, which the link in an English mail carries, or the
 * language switch's cookie).
 */
function useFrameLanguage(req: FastifyRequest, state: LinkState): void {
  if (state.kind !== 'open') return;
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'nl' || q === 'en') return;
  const c = req.cookies?.wb_lang;
  if (c === 'nl' || c === 'en') return;
  const lang = langOf(state.framePerson);
  if (lang === req.lang) return;
  req.lang = lang;
  req.t = translator(lang);
}

export function errorMessage(t: Translate, lang: 'nl' | 'en', e: FieldError): string {
  if (e.message) return textIn(e.message, lang);
  return t(`answer.error.${e.kind}` as MessageKey, e.params);
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const serverKey = responseKeyFor(config);
  const base = (token: string) => `/r/${token}`;

  /** The pages for links that cannot be answered (any more). Returns undefined for an open link. */
  function notAnswerable(
    req: FastifyRequest,
    reply: FastifyReply,
    state: LinkState,
  ): FastifyReply | undefined {
    if (state.kind === 'open') return undefined;
    // Only now: the page context makes a CSRF token, work a save answered with a 303 does not need.
    const ctx = req.page(reply);
    switch (state.kind) {
      case 'unknown':
        return sendPage(reply, messagePage(ctx, 'answer.unknown.title', 'answer.unknown.text'), 404);
      case 'closed':
        return sendPage(
          reply,
          messagePage(ctx, 'answer.closed.title', 'answer.closed.text', state.wave.name),
          410,
        );
      case 'not_open':
        return sendPage(
          reply,
          messagePage(ctx, 'answer.notOpen.title', 'answer.notOpen.text', state.wave.name),
        );
      case 'completed':
        return sendPage(
          reply,
          messagePage(ctx, 'answer.already.title', 'answer.already.text', state.wave.name),
        );
      case 'started_elsewhere':
        return sendPage(
          reply,
          messagePage(ctx, 'answer.elsewhere.title', 'answer.elsewhere.text', state.wave.name),
          409,
        );
      default:
        return undefined;
    }
  }

  /** Where a save sends the respondent: a section, the check page after the last, the start before the first. */
  const targetHref = (token: string, def: QuestionnaireDefinition, target: number | 'check' | 'start') =>
    target === 'check'
      ? `${base(token)}/check`
      : target === 'start'
        ? base(token)
        : `${base(token)}/s/${def.sections[target]!.id}`;

  const sectionIndex = (link: OpenLink, id: string) => link.def.sections.findIndex((s) => s.id === id);

  /** Where a started respondent continues: their current section, or the check page after the last. */
  function resumeHref(
    token: string,
    link: OpenLink,
    response: ResponseRow,
  ): { href: string; isCheck: boolean } {
    const section = link.def.sections[response.currentSection];
    return section
      ? { href: `${base(token)}/s/${section.id}`, isCheck: false }
      : { href: `${base(token)}/check`, isCheck: true };
  }

  /** "Deel n van total": the sections that apply or may still apply (questionnaires/progress.ts). */
  function progressOf(link: OpenLink, response: ResponseRow, index: number) {
    const sections = possibleSections(
      link.def,
      response.answers as Answers,
      contextOfResponse(response),
      index,
    );
    const pos = sections.indexOf(index);
    return {
      n: (pos < 0 ? sections.filter((i) => i < index).length : pos) + 1,
      total: Math.max(sections.length, 1),
    };
  }

  r.get(
    PRIVACY_PATH,
    { config: { access: { public: 'the privacy statement for respondents' } } },
    async (req, reply) => sendPage(reply, privacyPage(req.page(reply))),
  );

  r.get('/r/:token', { config: { access }, schema: { params: tokenParams } }, async (req, reply) => {
    const state = await openLink(database, serverKey, req.params.token);
    useFrameLanguage(req, state);
    const done = notAnswerable(req, reply, state);
    if (done || state.kind !== 'open') return done;
    const resume = state.response && resumeHref(req.params.token, state, state.response);
    const parts = possibleSections(
      state.def,
      (state.response?.answers ?? {}) as Answers,
      state.response
        ? contextOfResponse(state.response)
        : contextOf(responseIdentity(state.wave.anonymity, state.framePerson).strata),
      state.response?.currentSection ?? 0,
    ).length;
    return sendPage(
      reply,
      startPage(req.page(reply), {
        base: base(req.params.token),
        waveName: state.wave.name,
        def: state.def,
        anonymity: state.wave.anonymity,
        organisationPolicy: state.framePerson.targetGroup === 'organisation_policy',
        parts,
        resumeHref: resume?.href,
        resumeIsCheck: resume?.isCheck,
      }),
    );
  });

  r.get('/r/:token/privacy', { config: { access }, schema: { params: tokenParams } }, async (req, reply) => {
    const state = await openLink(database, serverKey, req.params.token);
    useFrameLanguage(req, state);
    // Only an open link knows the person's frame row; other links get the general statement.
    if (state.kind !== 'open') return reply.redirect(`${PRIVACY_PATH}?lang=${req.lang}`, 303);
    const identity = responseIdentity(state.wave.anonymity, state.framePerson);
    return sendPage(
      reply,
      wavePrivacyPage(req.page(reply), {
        base: base(req.params.token),
        waveName: state.wave.name,
        questionnaireTitle: textIn(state.def.title, req.lang),
        questions: variablesOf(state.def).filter((v) => v.kind !== 'other_text').length,
        strata: Object.keys(identity.strata),
        keepsOrganisation: identity.organisationId !== null,
        keepsPerson: identity.framePersonId !== null,
        privacy: (state.wave.privacy ?? {}) as WavePrivacy,
      }),
    );
  });

  r.post(
    '/r/:token/start',
    { config: { access }, schema: { params: tokenParams, body: formBody } },
    async (req, reply) => {
      const state = await openLink(database, serverKey, req.params.token);
      useFrameLanguage(req, state);
      const done = notAnswerable(req, reply, state);
      if (done || state.kind !== 'open') return done;
      const response = await startResponse(database, state);
      return reply.redirect(resumeHref(req.params.token, state, response).href, 303);
    },
  );

  async function showSection(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    link: OpenLink,
    response: ResponseRow,
    index: number,
    shown: Readonly<Record<string, unknown>>,
    errors: FieldError[],
  ) {
    const context = contextOfResponse(response);
    const relevance = relevanceOf(link.def, shown as Answers, context);
    const ctx = req.page(reply);
    return sendPage(
      reply,
      sectionPage(ctx, {
        base: base(token),
        def: link.def,
        section: link.def.sections[index]!,
        relevance,
        values: shown,
        errors: errors.map((e) => ({ field: e.field, message: errorMessage(ctx.t, ctx.lang, e) })),
        ...progressOf(link, response, index),
      }),
      errors.length ? 400 : 200,
    );
  }

  r.get(
    '/r/:token/s/:section',
    { config: { access }, schema: { params: sectionParams } },
    async (req, reply) => {
      const { token } = req.params;
      const state = await openLink(database, serverKey, token);
      useFrameLanguage(req, state);
      const done = notAnswerable(req, reply, state);
      if (done || state.kind !== 'open') return done;
      if (!state.response) return reply.redirect(base(token), 303);
      const index = sectionIndex(state, req.params.section);
      if (index < 0)
        return sendPage(
          reply,
          messagePage(req.page(reply), 'answer.unknown.title', 'answer.unknown.text'),
          404,
        );
      const answers = state.response.answers as Answers;
      const context = contextOfResponse(state.response);
      if (!relevantSections(state.def, answers, context).includes(index)) {
        // Skipped by routing (e.g. an old bookmark or the back button): go to the next section that applies.
        const next = relevantSections(state.def, answers, context).find((i) => i > index);
        return reply.redirect(
          next === undefined ? `${base(token)}/check` : `${base(token)}/s/${state.def.sections[next]!.id}`,
          303,
        );
      }
      return showSection(req, reply, token, state, state.response, index, answers, []);
    },
  );

  r.post(
    '/r/:token/s/:section',
    {
      // A control character in an answer is a message next to that question; the other answers are kept.
      config: { access, checksControlCharacters: true },
      schema: { params: sectionParams, body: formBody },
    },
    async (req, reply) => {
      const { token } = req.params;
      const direction: Direction = req.body._action === 'back' ? 'back' : 'next';
      // The usual case (a save after the page was shown) in one statement; anything else below.
      const quick = await saveFromRecentRow(
        database,
        serverKey,
        token,
        req.params.section,
        req.body,
        direction,
      );
      if (quick) return reply.redirect(targetHref(token, quick.def, quick.target), 303);
      const state = await openLink(database, serverKey, token);
      useFrameLanguage(req, state);
      if (state.kind === 'completed') return reply.redirect(base(token), 303);
      const done = notAnswerable(req, reply, state);
      if (done || state.kind !== 'open') return done;
      if (!state.response) return reply.redirect(base(token), 303);
      const index = sectionIndex(state, req.params.section);
      if (index < 0)
        return sendPage(
          reply,
          messagePage(req.page(reply), 'answer.unknown.title', 'answer.unknown.text'),
          404,
        );
      const result = await saveSection(database, state, index, req.body, direction);
      switch (result.kind) {
        case 'completed':
          return reply.redirect(base(token), 303);
        case 'invalid':
          return showSection(req, reply, token, state, result.response, index, result.shown, result.errors);
        case 'saved':
          return reply.redirect(targetHref(token, state.def, result.target), 303);
      }
    },
  );

  async function showCheck(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    link: OpenLink,
    response: ResponseRow,
  ) {
    const ctx = req.page(reply);
    const answers = response.answers as Answers;
    const context = contextOfResponse(response);
    const problems = remainingProblems(link.def, response).map((p) => ({
      sectionId: link.def.sections[p.sectionIndex]!.id,
      field: p.error.field,
      message: errorMessage(ctx.t, ctx.lang, p.error),
    }));
    return sendPage(
      reply,
      checkPage(ctx, {
        base: base(token),
        def: link.def,
        relevance: relevanceOf(link.def, answers, context),
        answers,
        sections: relevantSections(link.def, answers, context),
        problems,
        failed: req.method === 'POST',
      }),
      req.method === 'POST' ? 400 : 200,
    );
  }

  r.get('/r/:token/check', { config: { access }, schema: { params: tokenParams } }, async (req, reply) => {
    const { token } = req.params;
    const state = await openLink(database, serverKey, token);
    useFrameLanguage(req, state);
    const done = notAnswerable(req, reply, state);
    if (done || state.kind !== 'open') return done;
    if (!state.response) return reply.redirect(base(token), 303);
    return showCheck(req, reply, token, state, state.response);
  });

  r.post(
    '/r/:token/submit',
    { config: { access }, schema: { params: tokenParams, body: formBody } },
    async (req, reply) => {
      const { token } = req.params;
      const state = await openLink(database, serverKey, token);
      useFrameLanguage(req, state);
      if (state.kind === 'completed') return reply.redirect(`${base(token)}/done`, 303);
      const done = notAnswerable(req, reply, state);
      if (done || state.kind !== 'open') return done;
      if (!state.response) return reply.redirect(base(token), 303);
      const result = await completeResponse(database, state);
      if (result.kind === 'completed') return reply.redirect(`${base(token)}/done`, 303);
      return showCheck(req, reply, token, state, state.response);
    },
  );

  r.get('/r/:token/done', { config: { access }, schema: { params: tokenParams } }, async (req, reply) => {
    const state = await openLink(database, serverKey, req.params.token);
    useFrameLanguage(req, state);
    if (state.kind === 'completed')
      return sendPage(
        reply,
        messagePage(req.page(reply), 'answer.done.title', 'answer.done.text', state.wave.name),
      );
    const done = notAnswerable(req, reply, state);
    if (done) return done;
    return reply.redirect(base(req.params.token), 303);
  });
};
export default routes;
