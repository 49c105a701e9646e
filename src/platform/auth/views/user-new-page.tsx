import { organisationRoles, platformRoles } from '../../access/policy.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import type { OrganisationRef } from '../organisations.js';
import { CheckboxesField, errorFor, type FieldErrors, SelectField, TextField } from './fields.js';

export interface NewUserValues {
  email?: string;
  displayName?: string;
  platformRoles?: string[];
  organisationId?: string;
  role?: string;
}

export function userNewPage(
  ctx: PageContext,
  props: { organisations: OrganisationRef[]; values?: NewUserValues; errors?: FieldErrors },
) {
  const v = props.values ?? {};
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('users.newTitle')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a href="/users">{ctx.t('users.back')}</a>
      </p>
      <h1>{ctx.t('users.newTitle')}</h1>
      <form method="post" action="/users" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="displayName"
          label={ctx.t('users.name')}
          value={v.displayName}
          autocomplete="off"
          required
          error={errorFor(errors, 'displayName')}
        />
        <TextField
          id="email"
          type="email"
          label={ctx.t('users.email')}
          value={v.email}
          autocomplete="off"
          required
          error={errorFor(errors, 'email')}
        />
        <TextField
          id="password"
          type="password"
          label={ctx.t('users.password')}
          hint={ctx.t('users.passwordHint')}
          autocomplete="new-password"
          error={errorFor(errors, 'password')}
        />
        <CheckboxesField
          id="platformRoles"
          name="platformRoles"
          legend={ctx.t('users.platformRoles')}
          hint={ctx.t('users.platformRolesHint')}
          options={platformRoles.map((r) => ({ value: r, label: ctx.t(`role.${r}` as MessageKey) }))}
          checked={v.platformRoles ?? []}
          error={errorFor(errors, 'platformRoles')}
        />
        <fieldset>
          <legend>{ctx.t('users.firstMembership')}</legend>
          <SelectField
            id="organisationId"
            label={ctx.t('users.organisation')}
            placeholder={ctx.t('users.chooseOrganisation')}
            options={props.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
            value={v.organisationId}
            error={errorFor(errors, 'organisationId')}
          />
          <SelectField
            id="role"
            label={ctx.t('users.role')}
            placeholder={ctx.t('users.chooseRole')}
            options={organisationRoles.map((r) => ({ value: r, label: ctx.t(`role.${r}` as MessageKey) }))}
            value={v.role}
            error={errorFor(errors, 'role')}
          />
        </fieldset>
        <div>
          <button type="submit">{ctx.t('users.create')}</button>
        </div>
      </form>
    </Layout>
  );
}
