/** The evidence of one incident: the files (download links) and the upload form. */
import type { FieldErrors } from '../../../platform/auth/views/fields.js';
import { FieldHint } from '../../../platform/auth/views/fields.js';
import { formatDateTime, formatNumber } from '../../../platform/format.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import type { EvidenceItem } from '../evidence.js';
import { evidenceLimits } from '../evidence.js';
import type { IncidentRow } from '../repository.js';
import { formatDay } from './common.js';

export function sizeText(ctx: PageContext, bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(ctx.lang, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : `${formatNumber(ctx.lang, Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/** The list of files with their download links (also on the incident page). */
export function EvidenceList(props: { ctx: PageContext; incidentId: string; files: EvidenceItem[] }) {
  const { ctx } = props;
  if (props.files.length === 0) return <p>{ctx.t('incidents.evidence.none')}</p>;
  return (
    <ul class="plain-list">
      {props.files.map((f) => (
        <li>
          <a href={`/incidents/${props.incidentId}/evidence/${f.id}`} download>
            {f.fileName}
          </a>{' '}
          ({sizeText(ctx, f.sizeBytes)}, {formatDateTime(ctx.lang, f.createdAt)})
        </li>
      ))}
    </ul>
  );
}

export function evidencePage(
  ctx: PageContext,
  d: { incident: IncidentRow; files: EvidenceItem[]; errors?: FieldErrors; added?: boolean },
) {
  const t = ctx.t;
  const i = d.incident;
  const error = d.errors?.find((e) => e.field === 'evidence')?.message;
  return (
    <Layout ctx={ctx} title={t('incidents.evidence.title')}>
      <p>
        <a href={i.state === 'draft' ? `/incidents/${i.id}/edit` : `/incidents/${i.id}`}>
          {t('incidents.evidence.back', { date: formatDay(ctx.lang, i.occurredOn) })}
        </a>
      </p>
      <h1>{t('incidents.evidence.title')}</h1>
      <ErrorSummary ctx={ctx} errors={d.errors ?? []} />
      {d.added && (
        <p class="notice success" role="status">
          {t('incidents.evidence.added')}
        </p>
      )}
      <p>{t('incidents.evidence.intro')}</p>
      <h2>{t('incidents.evidence.files')}</h2>
      <EvidenceList ctx={ctx} incidentId={i.id} files={d.files} />
      {d.files.length < evidenceLimits.perIncident && (
        <form method="post" action={`/incidents/${i.id}/evidence`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <div>
            <label for="evidence">{t('incidents.evidence.file')}</label>
            <FieldHint
              id="evidence"
              hint={t('incidents.evidence.hint', { mb: evidenceLimits.bytes / 1024 / 1024 })}
              error={error}
            />
            <input
              type="file"
              id="evidence"
              name="evidence"
              accept="image/png,image/jpeg,image/gif,image/webp,image/heic,application/pdf,audio/*,video/mp4"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'evidence-hint evidence-error' : 'evidence-hint'}
            />
          </div>
          <button type="submit">{t('incidents.evidence.submit')}</button>
        </form>
      )}
    </Layout>
  );
}
