/**
 * The full report in two parts, as in 2024 (seed 002): Deel Veiligheid (`report-safety`) and Deel
 * Integriteit (`report-integrity`), key `main`. Each: a title, a table of contents made from the
 * outline, the chapters of narrativeSections[kind] in order (inleiding, methode, the theme chapters of
 * ./chapters.ts, conclusies). A wave without a visible run has no report.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { t } from '../../../platform/i18n/catalogue.js';
import { builtinIndicators } from '../../indicators/builtin.js';
import { visibleRun } from '../../release/service.js';
import { narrativeSections } from '../narrative.js';
import type {
  OutlineEntry,
  ProductDefinition,
  ProductLang,
  ProductRef,
  RenderedProduct,
} from '../product.js';
import { ProductBuilder } from './build.js';
import { chapter, narrativeBlock } from './chapter.js';
import { chapterOf, type ReportKind } from './chapters.js';
import { type PublicationData, publicationData, publishedTable } from './data.js';
import { methodSections } from './method.js';

const yearOf = (code: string, fieldworkStart: string | null) =>
  (fieldworkStart ?? code).replace(/\D/g, '').slice(0, 4);

export function Toc(props: { title: string; outline: OutlineEntry[] }) {
  const top = props.outline.filter((e) => e.level === 2 || e.level === 3);
  const items: VNode[] = [];
  for (let i = 0; i < top.length; i++) {
    const e = top[i]!;
    if (e.level !== 2) continue;
    const subs: OutlineEntry[] = [];
    for (let j = i + 1; j < top.length && top[j]!.level === 3; j++) subs.push(top[j]!);
    items.push(
      <li>
        <a href={`#${e.id}`}>{e.text}</a>
        {subs.length ? (
          <ol>
            {subs.map((s) => (
              <li>
                <a href={`#${s.id}`}>{s.text}</a>
              </li>
            ))}
          </ol>
        ) : null}
      </li>,
    );
  }
  return (
    <nav class="toc" aria-labelledby="inhoud">
      <h2 id="inhoud">{props.title}</h2>
      <ol>{items}</ol>
    </nav>
  );
}

async function sectionOf(b: ProductBuilder, d: PublicationData, kind: ReportKind, section: string) {
  if (section === 'inleiding') {
    const h = b.heading(2, section, b.t('pub.report.section.inleiding'));
    const text = await narrativeBlock(b, kind, section);
    return (
      <section aria-labelledby={h.id}>
        <h2 id={h.id}>{h.text}</h2>
        <p>{b.t(`pub.report.intro.${kind}`)}</p>
        {text}
      </section>
    );
  }
  if (section === 'methode') {
    const h = b.heading(2, section, b.t('pub.report.section.methode'));
    const text = await narrativeBlock(b, kind, section);
    return (
      <section aria-labelledby={h.id}>
        <h2 id={h.id}>{h.text}</h2>
        {text}
        {methodSections(b, d)}
      </section>
    );
  }
  if (section === 'conclusies') {
    // only the researcher's text: without one the chapter is left out
    const text = await narrativeBlock(b, kind, section);
    if (!text) return null;
    const h = b.heading(2, section, b.t('pub.report.section.conclusies'));
    return (
      <section aria-labelledby={h.id}>
        <h2 id={h.id}>{h.text}</h2>
        {text}
      </section>
    );
  }
  const order = (code: string) => builtinIndicators.findIndex((i) => i.code === code) + 1 || 999;
  const codes = [...d.indicators.values()]
    .filter((def) => chapterOf(kind, def) === section && publishedTable(d, def.code))
    .map((def) => def.code)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return chapter(b, d, kind, section, codes);
}

export async function renderReport(
  ctx: ConstructorParameters<typeof ProductBuilder>[0],
  ref: ProductRef,
): Promise<RenderedProduct> {
  const kind = ref.kind as ReportKind;
  const b = new ProductBuilder(ctx);
  const d = await publicationData(ctx);
  const year = yearOf(d.wave.code, d.wave.fieldworkStart);
  const title = b.t(`pub.report.title.${kind}`, { year });
  const h1 = b.heading(1, 'titel', title);
  const sections: VNode[] = [];
  if (d.run)
    for (const section of narrativeSections[kind]) {
      const s = await sectionOf(b, d, kind, section);
      if (s) sections.push(s);
    }
  const body = renderToString(
    <article class={`publication ${kind}`}>
      <h1 id={h1.id}>{h1.text}</h1>
      <p class="subtitle">{d.wave.name}</p>
      {d.run ? <Toc title={b.t('pub.report.toc')} outline={b.outline} /> : <p>{b.t('pub.report.noRun')}</p>}
      {sections}
    </article>,
  );
  return {
    ref,
    lang: ctx.lang,
    title,
    runningTitle: b.t(`pub.report.running.${kind}`, { year }),
    body,
    outline: b.outline,
    figures: b.figures,
  };
}

const refOf = (kind: ReportKind, year: string): ProductRef => {
  const title = (lang: ProductLang) => t(lang, `pub.report.title.${kind}`, { year });
  return { kind, key: 'main', title: { nl: title('nl'), en: title('en') } };
};

function definition(kind: ReportKind): ProductDefinition {
  return {
    kind,
    async list(scope) {
      const run = await visibleRun(scope.database, scope.wave.id, scope.visibility);
      return run ? [refOf(kind, yearOf(scope.wave.code, scope.wave.fieldworkStart))] : [];
    },
    render: renderReport,
  };
}

export const reportSafety = definition('report-safety');
export const reportIntegrity = definition('report-integrity');
