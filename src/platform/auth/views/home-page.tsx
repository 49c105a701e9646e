import { can, visibleOrganisations } from '../../access/policy.js';
import type { Db } from '../../db/database.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { extraNav, Layout } from '../../ui/layout.js';
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
  const userOrgs = visibleOrganisations(p, 'user.list');
  const auditOrgs = visibleOrganisations(p, 'audit.read');
  const links: Array<{ href: string; label: string; text: string }> = [
    { href: '/organisations', label: ctx.t('nav.organisations'), text: ctx.t('home.link.organisations') },
  ];
  if (userOrgs === undefined || userOrgs.size > 0) {
    links.push({ href: '/users', label: ctx.t('nav.users'), text: ctx.t('home.link.users') });
  }
  if (can(p, 'audit.readAll') || (auditOrgs?.size ?? 0) > 0) {
    links.push({ href: '/audit', label: ctx.t('nav.audit'), text: ctx.t('home.link.audit') });
  }
  // What other domains offer this person (the same items as in the main menu).
  for (const extra of extraNav) {
    const item = extra(ctx);
    if (item) links.push({ ...item, text: '' });
  }
  links.push(
    { href: '/account', label: ctx.t('account.title'), text: ctx.t('home.link.account') },
    { href: '/account/tokens', label: ctx.t('nav.tokens'), text: ctx.t('home.link.tokens') },
  );
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
