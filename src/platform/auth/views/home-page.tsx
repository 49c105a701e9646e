import type { Db } from '../../db/database.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { mayOpen } from '../../modules.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import { organisationsByIds } from '../organisations.js';

export async function homePage(ctx: PageContext, db: Db) {
  const p = ctx.principal!;
  const orgs = await organisationsByIds(db, p.memberships.keys());
  const roles: string[] = [
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
  // What this person may open: the same entries as the main menu, with a line of explanation where there is one.
  const links = (ctx.navigation ?? [])
    .filter((entry) => mayOpen(p, entry))
    .map((entry) => ({
      href: entry.href,
      label: ctx.t(entry.labelKey),
      text: entry.hintKey ? ctx.t(entry.hintKey) : '',
    }));
  return (
    <Layout ctx={ctx} title={ctx.t('home.title')}>
      <h1>{ctx.t('home.greeting', { name: p.displayName })}</h1>
      <p>{ctx.t('home.intro')}</p>
      <ul class="link-list">
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
            {l.text && <span class="hint">{l.text}</span>}
          </li>
        ))}
      </ul>
      <h2>{ctx.t('home.yourRoles')}</h2>
      {roles.length ? (
        <ul>
          {roles.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      ) : (
        <p>{ctx.t('home.noRoles')}</p>
      )}
    </Layout>
  );
}
