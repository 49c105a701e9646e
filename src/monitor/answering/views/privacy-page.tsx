/**
 * The privacy page of one wave, for the person whose link it is (/r/:token/privacy): every variable
 * kept with their answers (what responseIdentity keeps for this wave's anonymity and this person's
 * frame row, so gender and age group appear when the frame has them), what the invitation keeps,
 * and the wave's own statement (controller, legal basis, retention, contact) with the rights.
 */
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { WavePrivacy } from '../../fieldwork/model.js';

export interface WavePrivacyView {
  base: string;
  waveName: string;
  questionnaireTitle: string;
  questions: number;
  /** The strata keys kept with the answers (responseIdentity). */
  strata: string[];
  keepsOrganisation: boolean;
  keepsPerson: boolean;
  privacy: WavePrivacy;
}

const known = new Set([
  'bg_layer',
  'bg_role',
  'bg_role_group',
  'bg_province',
  'bg_org_size',
  'bg_gender',
  'bg_age_group',
]);

export function wavePrivacyPage(ctx: PageContext, p: WavePrivacyView) {
  const { t } = ctx;
  const statement = (title: MessageKey, text: string | undefined) => (
    <>
      <h2>{t(title)}</h2>
      <p>{text || t('answer.wavePrivacy.notSet')}</p>
    </>
  );
  const anonymous = !p.keepsOrganisation && !p.keepsPerson;
  return (
    <Layout ctx={ctx} title={t('answer.wavePrivacy.title', { wave: p.waveName })}>
      <div class="respondent">
        <p class="wave-name">{p.waveName}</p>
        <h1>{t('answer.wavePrivacy.title', { wave: p.waveName })}</h1>
        <p>{t('answer.wavePrivacy.intro')}</p>
        <h2>{t('answer.wavePrivacy.storedTitle')}</h2>
        <ul class="stored-variables">
          <li>
            {t('answer.wavePrivacy.stored.answers', { title: p.questionnaireTitle, count: p.questions })}
          </li>
          <li>{t('answer.wavePrivacy.stored.dates')}</li>
          <li>{t('answer.wavePrivacy.stored.version')}</li>
          <li>{t('answer.wavePrivacy.stored.key')}</li>
          {(p.strata.length > 0 || p.keepsOrganisation || p.keepsPerson) && (
            <li>
              {t('answer.wavePrivacy.stored.frame')}
              <ul>
                {p.strata.map((k) => (
                  <li data-variable={k}>
                    {known.has(k)
                      ? t(`answer.wavePrivacy.var.${k}` as MessageKey)
                      : t('answer.wavePrivacy.stored.column', { name: k })}
                  </li>
                ))}
                {p.keepsOrganisation && (
                  <li data-variable="organisation">{t('answer.wavePrivacy.stored.organisation')}</li>
                )}
                {p.keepsPerson && <li data-variable="person">{t('answer.wavePrivacy.stored.person')}</li>}
              </ul>
            </li>
          )}
        </ul>
        {anonymous && <p>{t('answer.wavePrivacy.notStoredAnonymous')}</p>}
        <p>{t('answer.wavePrivacy.invitation')}</p>
        {statement('answer.wavePrivacy.controllerTitle', p.privacy.controller)}
        {statement('answer.wavePrivacy.legalBasisTitle', p.privacy.legalBasis)}
        {statement('answer.wavePrivacy.retentionTitle', p.privacy.retention)}
        <h2>{t('answer.wavePrivacy.rightsTitle')}</h2>
        <p>{t('answer.wavePrivacy.rights')}</p>
        {anonymous && <p>{t('answer.wavePrivacy.rightsAnonymous')}</p>}
        {statement('answer.wavePrivacy.contactTitle', p.privacy.contact)}
        <p>
          <a href={p.base}>{t('answer.wavePrivacy.back')}</a>
        </p>
      </div>
    </Layout>
  );
}
