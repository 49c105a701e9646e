import type { AppError } from '../errors.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function errorPage(ctx: PageContext, err: AppError) {
  const message =
    err.code === 'not-found'
      ? ctx.t('error.notFound')
      : err.code === 'forbidden'
        ? ctx.t('error.forbidden')
        : err.code === 'csrf'
          ? ctx.t('error.csrf')
          : err.code === 'internal'
            ? err.title(ctx.lang)
            : (err.detailIn(ctx.lang) ?? err.title(ctx.lang));
  return (
    <Layout ctx={ctx} title={err.title(ctx.lang)}>
      <h1>{err.title(ctx.lang)}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{ctx.t('error.back')}</a>
      </p>
    </Layout>
  );
}
