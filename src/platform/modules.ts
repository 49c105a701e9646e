/**
 * What a domain contributes to the application, as one descriptor (in the spirit of Fastify plugins and
 * Django's installed apps). Each domain exports one `DomainModule` from its `module.ts`; the platform's
 * own pieces are `platformModule` (./module.ts). The composition root (src/composition.ts) lists them,
 * and the server, the job runtime, the demo loader, the message catalogue and the CLI take that list:
 * nothing in src/platform imports a domain (src/platform/boundaries.test.ts checks it).
 *
 * Heavy parts are thunks (`() => import(…)`), so composing the list loads no route or job code; only
 * the message records are plain objects (every text must be there before the first request).
 */
import type { Command } from 'commander';
import type { FastifyPluginAsync } from 'fastify';
import type { ComponentChildren } from 'preact';
import {
  type Action,
  can,
  type OrganisationRole,
  type PlatformRole,
  type Principal,
} from './access/policy.js';
import type { Db } from './db/database.js';
import type { DemoStep } from './demo/demo.js';
import type { MessageKey } from './i18n/catalogue.js';
import type { PageContext } from './ui/context.js';

/** A module loaded when it is needed. */
export type Lazy<T> = () => Promise<T>;

/** Where a navigation entry belongs: a pillar of the product, or the signed-in person's own pages. */
export type NavPillar = 'monitor' | 'meldpunt' | 'beheer' | 'account';
export const navPillars: readonly NavPillar[] = ['monitor', 'meldpunt', 'beheer', 'account'];

export interface NavEntry {
  labelKey: MessageKey;
  href: string;
  pillar: NavPillar;
  /** Who sees it: whoever may perform this action platform-wide or in one of their organisations. */
  access: Action;
  /** A one-line explanation, shown beside the link on the home page. */
  hintKey?: MessageKey;
}

/** What a home panel gets: the page (language, texts, principal) and the database. */
export interface HomeContext {
  page: PageContext;
  principal: Principal;
  db: Db;
}

/** A panel's content: a heading and what needs attention (or what will come, when there is nothing yet). */
export interface HomePanelView {
  title: string;
  body: ComponentChildren;
}

/**
 * A panel on the home page, contributed by a domain: what needs this person's attention there (open waves,
 * open incidents, reports with a deadline). The home page shows the panels the principal may see, in
 * module order; roles that no shown panel serves get a line about what will come to them.
 */
export interface HomePanel {
  /** Unique, `<domain>.<what>`, e.g. `monitor.openWaves`; the panel's element id on the page. */
  id: string;
  /** Who sees it: the same rule as the navigation (platform-wide or in one of their organisations). */
  access: Action;
  /** The roles whose work this panel shows (a role without any panel gets the "what will come" line). */
  roles: ReadonlyArray<PlatformRole | OrganisationRole>;
  /** Loads the panel; keep heavy imports inside (`await import(…)`). Null: nothing to show for this person. */
  load(ctx: HomeContext): Promise<HomePanelView | null>;
}

export interface CommandModule {
  /** Adds the command (and its subcommands) to the program. Keep imports of heavy modules inside the action. */
  register(program: Command): void;
}

/** Dutch texts (the source) and English ones with exactly the same keys. */
export interface MessageRecords {
  nl: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

export interface DomainModule {
  /** Unique, lower case: `platform`, `monitor`, `results`, `meldpunt`. */
  name: string;
  /** Fastify plugins (a file exporting `default`); every route declares `config.access`. */
  routes?: ReadonlyArray<Lazy<{ default: FastifyPluginAsync }>>;
  /** Modules that call `defineJob` at module level; the job runtime imports them before it starts. */
  jobs?: ReadonlyArray<Lazy<unknown>>;
  /** Demo data, run in order (platform first) in one transaction by `loadDemoData`. */
  demoSteps?: ReadonlyArray<Lazy<{ default: DemoStep }>>;
  /** The domain's texts, one record per messages file (each also augments `Messages`, see i18n/catalogue.ts). */
  messages?: ReadonlyArray<MessageRecords>;
  /** Entries of the main navigation and the home page, in the order they appear within their pillar. */
  navigation?: readonly NavEntry[];
  /** Panels of the home page (see `HomePanel`). */
  home?: readonly HomePanel[];
  /** `weerbaar` subcommands, one module each. */
  commands?: ReadonlyArray<Lazy<CommandModule>>;
}

/** Every route plugin of the composed modules, in order. */
export const routesOf = (modules: readonly DomainModule[]) => modules.flatMap((m) => m.routes ?? []);
export const jobsOf = (modules: readonly DomainModule[]) => modules.flatMap((m) => m.jobs ?? []);
export const demoStepsOf = (modules: readonly DomainModule[]) => modules.flatMap((m) => m.demoSteps ?? []);
export const commandsOf = (modules: readonly DomainModule[]) => modules.flatMap((m) => m.commands ?? []);
export const homePanelsOf = (modules: readonly DomainModule[]) => modules.flatMap((m) => m.home ?? []);
/** Navigation entries grouped by pillar (pillars in their fixed order, entries in module order). */
export const navigationOf = (modules: readonly DomainModule[]): NavEntry[] => {
  const all = modules.flatMap((m) => m.navigation ?? []);
  return navPillars.flatMap((pillar) => all.filter((e) => e.pillar === pillar));
};

/** Whether the entry (or home panel) shows for this person (the same rule in the navigation and on the home page). */
export const mayOpen = (principal: Principal, entry: { access: Action }): boolean =>
  can(principal, entry.access) ||
  [...principal.memberships.keys()].some((org) => can(principal, entry.access, org));
