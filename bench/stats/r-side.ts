/** The R half of the statistics benchmark: the idiomatic script, and the comparison of its numbers with ours. */
import { ITEMS } from './generate.js';

const rString = (s: string) => JSON.stringify(s);

/** read.csv + svydesign (+ rake) + svyby(svymean, deff = TRUE, na.rm = TRUE) + confint, written as long CSV. */
export function rScript(csv: string, out: string, totals?: Record<string, Record<string, number>>): string {
  const items = Array.from({ length: ITEMS }, (_, k) => `i${k + 1}`);
  const rake = totals
    ? [
        'des <- rake(des, list(' +
          Object.keys(totals)
            .map((v) => `~${v}`)
            .join(', ') +
          '), list(',
        Object.entries(totals)
          .map(
            ([v, t]) =>
              `  data.frame(${v} = c(${Object.keys(t).map(rString).join(', ')}), Freq = c(${Object.values(t).join(', ')}))`,
          )
          .join(',\n'),
        '), control = list(epsilon = 1e-10, maxit = 200))',
      ].join('\n')
    : '';
  return `suppressMessages(library(survey))
df <- read.csv(${rString(csv)})
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = df)
${rake}
r <- svyby(~${items.join(' + ')}, ~grp, des, svymean, deff = TRUE, na.rm = TRUE)
ci <- confint(r)
est <- coef(r)
d <- deff(r)
f <- function(x) sprintf("%.17g", x)
out <- data.frame(name = names(est), estimate = f(est), se = f(unlist(SE(r), use.names = FALSE)), lower = f(ci[names(est), 1]),
                  upper = f(ci[names(est), 2]), deff = f(unlist(d, use.names = FALSE)))
write.csv(out, ${rString(out)}, row.names = FALSE)
`;
}

/** Compares our JSON output with R's long CSV (names "g01:i1"). */
export function compareWithR(ours: any, rCsv: string): { agree: boolean; maxRel: number; compared: number } {
  const lines = rCsv.trim().split('\n').slice(1);
  let maxRel = 0;
  let compared = 0;
  let agree = lines.length > 0;
  for (const line of lines) {
    const [name, ...vals] = line.split(',').map((s) => s.replaceAll('"', ''));
    const [grp, item] = name!.split(':');
    const est = ours.estimates.find((e: any) => e.id === item);
    const row = est?.rows.find((r: any) => r.by.grp === grp);
    if (!row) {
      agree = false;
      continue;
    }
    const mine = [row.estimate, row.se, row.ci[0], row.ci[1], row.deff];
    vals.forEach((v, j) => {
      const b = Number(v);
      const a = mine[j];
      compared++;
      const ok = typeof a === 'number' && Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.abs(b));
      if (!ok) agree = false;
      if (typeof a === 'number') maxRel = Math.max(maxRel, Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
    });
  }
  return { agree, maxRel, compared };
}
