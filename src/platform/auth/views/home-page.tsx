import { type OrganisationRole, type PlatformRole, platformRoles } from '../../access/policy.js';
import type { Db } from '../../db/database.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { type DomainModule, type HomePanelView, homePanelsOf, mayOpen } from '../../modules.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import { organisationsByIds } from '../organisations.js';

type Role = PlatformRole | OrganisationRole;

/**
 * The home page: what needs this person's attention, as panels the domains contribute (`home` in their
 * descriptors), and for each of their roles that no panel serves yet a line about what will come.
 */
export async function homePage(ctx: PageContext, db: Db, modules: readonly DomainModule[]) {
  const p = ctx.principal!;
  const orgs = await organisationsByIds(db, p.memberships.keys());
  const held: Role[] = [
    ...platformRoles.filter((r) => p.platformRoles.has(r)),
    ...new Set([...p.memberships.values()].flatMap((rs) => [...rs])),
  ];
  const roleLines: string[] = [
    ...[...p.platformRoles].map((r) => ctx.t(`role.${r}` as MessageKey)),
    ...[...p.memberships].flatMap(([orgId, rs]) =>
      [...rs].map((r) =>
        ctx.t('home.roleIn', {
          role: ctx.t(`role.${r}` as MessageKey),
          organisation: orgs.get(orgId)?.name ?? orgId,
        }),
      ),
    ),
  ];
  const candidates = homePanelsOf(modules).filter((panel) => mayOpen(p, panel));
  const loaded = await Promise.all(candidates.map((panel) => panel.load({ page: ctx, principal: p, db })));
  const shown = candidates
    .map((panel, i) => ({ panel, view: loaded[i] }))
    .filter((x): x is { panel: (typeof candidates)[number]; view: HomePanelView } => x.view != null);
  const served = new Set(shown.flatMap((x) => x.panel.roles));
  const coming = held.filter((r) => !served.has(r));
  return (
    <Layout ctx={ctx} title={ctx.t('home.title')} wide>
      <h1>{ctx.t('home.greeting', { name: p.displayName })}</h1>
      {roleLines.length ? (
        <p class="home-roles">
          {ctx.t('home.yourRoles')}: {roleLines.join(', ')}
        </p>
      ) : (
        <p>{ctx.t('home.noRoles')}</p>
      )}
      {shown.length > 0 && (
        <div class="home-panels">
          {shown.map(({ panel, view }) => (
            <section
              class="home-panel"
              id={panel.id.replace('.', '-')}
              aria-labelledby={`${panel.id.replace('.', '-')}-title`}
            >
              <h2 id={`${panel.id.replace('.', '-')}-title`}>{view.title}</h2>
              {view.body}
            </section>
          ))}
        </div>
      )}
      {coming.length > 0 && (
        <section class="home-coming" aria-labelledby="home-coming-title">
          <h2 id="home-coming-title">{ctx.t('home.coming')}</h2>
          <ul>
            {coming.map((r) => (
              <li>{ctx.t(`home.coming.${r}` as MessageKey)}</li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
