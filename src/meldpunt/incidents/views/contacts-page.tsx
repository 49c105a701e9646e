/** The coordinator's contact list: the people, removing one, importing a new list with its problems. */
import type { FieldErrors } from '../../../platform/auth/views/fields.js';
import { FieldHint } from '../../../platform/auth/views/fields.js';
import type { Localised } from '../../../platform/errors.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import type { Contact } from '../contacts.js';
import { contactLimits } from '../contacts-file.js';
import { labelOf } from './common.js';

export interface ContactsPageData {
  org: { id: string; name: string };
  contacts: Contact[];
  notice?: string;
  errors?: FieldErrors;
  /** The problems of a refused file. */
  problems?: Array<{ line?: number; column?: number | string; message: Localised | string }>;
}

export function contactsPage(ctx: PageContext, d: ContactsPageData) {
  const t = ctx.t;
  const base = `/organisations/${d.org.id}/incidents/contacts`;
  const text = (m: Localised | string) => (typeof m === 'string' ? m : m[ctx.lang]);
  const failed = (d.problems?.length ?? 0) > 0;
  return (
    <Layout ctx={ctx} title={`${t('incidents.contacts.title')} · ${d.org.name}`}>
      <h1>{t('incidents.contacts.title')}</h1>
      <p>{d.org.name}</p>
      <ErrorSummary ctx={ctx} errors={d.errors ?? []} />
      {d.notice && (
        <p class="notice success" role="status">
          {d.notice}
        </p>
      )}
      {failed && (
        <section class="notice" role="alert" aria-labelledby="failed-title">
          <h2 id="failed-title">{t('incidents.contacts.import.failed')}</h2>
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table class="problems">
              <caption>{t('incidents.contacts.problems.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t('incidents.contacts.problems.line')}
                  </th>
                  <th scope="col">{t('incidents.contacts.problems.column')}</th>
                  <th scope="col">{t('incidents.contacts.problems.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {d.problems!.map((p) => (
                  <tr>
                    <td class="num">{p.line ?? ''}</td>
                    <td>{p.column ?? ''}</td>
                    <td>{text(p.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <p>{t('incidents.contacts.intro')}</p>
      <h2>{t('incidents.contacts.import.title')}</h2>
      <form method="post" action={base} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div>
          <label for="file">{t('incidents.contacts.import.file')}</label>
          <FieldHint
            id="file"
            hint={t('incidents.contacts.import.hint', {
              rows: contactLimits.rows,
              mb: contactLimits.bytes / 1024 / 1024,
            })}
            error={d.errors?.find((e) => e.field === 'file')?.message}
          />
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
          />
        </div>
        <button type="submit">{t('incidents.contacts.import.submit')}</button>
      </form>
      <h2>{t('incidents.contacts.count', { count: d.contacts.length })}</h2>
      {d.contacts.length === 0 ? (
        <p>{t('incidents.contacts.empty')}</p>
      ) : (
        <div class="table-scroll" {...scrollBox(ctx)}>
          <table>
            <caption class="visually-hidden">{t('incidents.contacts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.contacts.name')}</th>
                <th scope="col">{t('incidents.contacts.email')}</th>
                <th scope="col">{t('incidents.contacts.role')}</th>
                <th scope="col">{t('incidents.contacts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.contacts.map((c) => (
                <tr>
                  <td>{c.name}</td>
                  <td>{c.email}</td>
                  <td>{c.role ? labelOf(t, 'role', c.role) : ''}</td>
                  <td>
                    <form method="post" action={`${base}/${c.id}/remove`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="secondary">
                        {t('incidents.contacts.remove')}
                        <span class="visually-hidden">: {c.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
