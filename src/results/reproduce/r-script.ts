/**
 * The R script of a reproduction (pure): reads analysis.csv, builds the design of design.json with
 * R's `survey`, re-runs the calibration itself (`rake()` with the run's margins, ε and maxit, so the
 * variance is that of the raking estimator, not of fixed weights), and estimates every cell of the
 * indicators' tables (`svyciprop(method = "logit")` on the domain) and every group comparison (the
 * difference of two domain proportions with its covariance, Wald z). It writes reproduced.csv in the
 * layout of weerbaar.csv (the app's numbers) and, when weerbaar.csv is beside it, prints the largest
 * difference. Every value of the data is written as an R literal with \u escapes, so the script runs
 * in any locale.
 */
import { CONFIDENCE } from '../estimates/compute.js';
import type { CompiledIndicator } from '../indicators/model.js';
import { indicatorColumn, marginColumn, type ReproducibleWeighting } from './analysis-file.js';

/** An R string literal (ASCII only). */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const rNumber = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(17));
const rVector = (xs: readonly string[]) => `c(${xs.join(', ')})`;

export function rScript(input: {
  title: string;
  weighting: ReproducibleWeighting;
  indicators: readonly CompiledIndicator[];
  /** Restrict every indicator to these breakdowns (one table); all of its breakdowns when absent. */
  breakdowns?: string[][];
}): string {
  const { weighting } = input;
  const margins = weighting.margins.map(
    (m) =>
      `  list(column = ${rString(marginColumn(m.name))}, totals = c(${Object.entries(m.totals)
        .map(([k, v]) => `${rString(k)} = ${rNumber(v)}`)
        .join(', ')}))`,
  );
  const factorColumns = ['stratum', ...weighting.margins.map((m) => marginColumn(m.name))];
  const calls: string[] = [];
  for (const ind of input.indicators) {
    const d = ind.definition;
    const col = rString(indicatorColumn(d.code));
    for (const by of input.breakdowns ?? d.breakdowns)
      calls.push(`cells(${rString(d.code)}, ${col}, ${rVector(by.map(rString))})`);
    if (!input.breakdowns)
      for (const c of d.comparisons)
        calls.push(
          `difference(${rString(d.code)}, ${col}, ${rString(c.variable)}, ${rString(c.from)}, ${rString(c.to)})`,
        );
  }
  return `# ${input.title}
# Reproduces the app's numbers with R's survey package (Lumley): the design and calibration of
# design.json on analysis.csv. Needs R >= 4 and survey (Debian: r-cran-survey).
# Run: Rscript reproduce.R [DIR]   (DIR: where analysis.csv is; default: beside this script)
# Writes DIR/reproduced.csv; compares it with DIR/weerbaar.csv (the app's numbers) when present.
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
here <- if (length(args) >= 1) args[1] else {
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(f) else "."
}
level <- ${rNumber(CONFIDENCE)}
text_columns <- ${rVector(factorColumns.map(rString))}
df <- read.csv(file.path(here, "analysis.csv"), na.strings = "", encoding = "UTF-8", check.names = FALSE,
               stringsAsFactors = FALSE, colClasses = setNames(rep("character", length(text_columns)), text_columns))
for (v in grep("^bg_", names(df), value = TRUE)) df[[v]] <- as.character(df[[v]])

# the design: one stage, strata with the population size as fpc, the weights raking starts from
margins <- list(
${margins.join(',\n')}
)
for (m in margins) df[[m$column]] <- factor(df[[m$column]])
des <- svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~w_start, data = df)
if (length(margins) > 0) {
  des <- rake(des,
    lapply(margins, function(m) as.formula(paste0("~\`", m$column, "\`"))),
    lapply(margins, function(m) {
      p <- data.frame(names(m$totals), unname(m$totals), stringsAsFactors = TRUE)
      names(p) <- c(m$column, "Freq")
      p
    }),
    control = list(epsilon = ${rNumber(weighting.epsilon)}, maxit = ${weighting.maxit}, verbose = FALSE))
}
cat(sprintf("raked weights vs w_final: largest relative difference %.3g\\n", max(abs(weights(des) / df$w_final - 1))))

fmt <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) "" else sprintf("%.17g", x)
out <- list()
add <- function(...) out[[length(out) + 1]] <<- data.frame(..., stringsAsFactors = FALSE)

# every cell of a breakdown: the domain of the calibrated design without missing values, svyciprop logit
cells <- function(code, column, by) {
  y <- des$variables[[column]]
  if (length(by) == 0) {
    groups <- list(list(label = "", idx = rep(TRUE, nrow(df))))
  } else {
    k <- unique(df[, by, drop = FALSE])
    k <- k[complete.cases(k), , drop = FALSE]
    groups <- lapply(seq_len(nrow(k)), function(i) list(
      label = paste(paste0(by, "=", vapply(by, function(b) as.character(k[i, b]), "")), collapse = ";"),
      idx = Reduce(\`&\`, lapply(by, function(b) !is.na(df[[b]]) & df[[b]] == k[i, b]))))
  }
  for (g in groups) {
    ok <- g$idx & !is.na(y)
    if (!any(ok)) next
    dd <- subset(des, ok)
    dd$variables$.y <- ifelse(is.na(dd$variables[[column]]), 0, dd$variables[[column]])
    r <- svyciprop(~.y, dd, method = "logit", level = level)
    ci <- attr(r, "ci")
    add(kind = "cell", indicator = code, breakdown = paste(by, collapse = "+"), group = g$label,
        estimate = fmt(coef(r)), se = fmt(SE(r)), ci_lower = fmt(ci[1]), ci_upper = fmt(ci[2]), p = "", n = sum(ok))
  }
}

# to - from of two domain proportions, their covariance included: the ratio-of-totals linearisation of
# svyby(~y, ~group, design, svymean, covmat = TRUE) + svycontrast, on the calibrated design
difference <- function(code, column, variable, from, to) {
  y <- des$variables[[column]]
  g <- as.character(des$variables[[variable]])
  a <- !is.na(y) & !is.na(g) & g == to
  b <- !is.na(y) & !is.na(g) & g == from
  d2 <- des
  d2$variables$y_to <- ifelse(a, y, 0)
  d2$variables$n_to <- as.numeric(a)
  d2$variables$y_from <- ifelse(b, y, 0)
  d2$variables$n_from <- as.numeric(b)
  r <- svycontrast(svytotal(~y_to + n_to + y_from + n_from, d2), quote(y_to / n_to - y_from / n_from))
  est <- unname(coef(r)); se <- unname(SE(r)); z <- qnorm(1 - (1 - level) / 2)
  add(kind = "difference", indicator = code, breakdown = variable, group = paste0(to, " - ", from),
      estimate = fmt(est), se = fmt(se), ci_lower = fmt(est - z * se), ci_upper = fmt(est + z * se),
      p = fmt(2 * pnorm(-abs(est / se))), n = sum(a | b))
}

${calls.join('\n')}

res <- do.call(rbind, out)
write.csv(res, file.path(here, "reproduced.csv"), row.names = FALSE, fileEncoding = "UTF-8")
show <- res
for (v in c("estimate", "se", "ci_lower", "ci_upper", "p")) show[[v]] <- round(as.numeric(show[[v]]), 4)
print(show, row.names = FALSE)
app_file <- file.path(here, "weerbaar.csv")
if (file.exists(app_file)) {
  app <- read.csv(app_file, na.strings = character(0), encoding = "UTF-8", stringsAsFactors = FALSE, colClasses = "character")
  key <- function(x) paste(x$kind, x$indicator, x$breakdown, x$group, sep = "|")
  m <- match(key(res), key(app))
  worst <- 0
  for (v in c("estimate", "se", "ci_lower", "ci_upper", "p")) {
    a <- as.numeric(app[[v]][m]); r <- as.numeric(res[[v]])
    d <- abs(a - r) / pmax(1, abs(r))
    worst <- max(worst, d[!is.na(d)])
  }
  cat(sprintf("compared with weerbaar.csv: %d of %d rows matched, largest difference %.3g\\n", sum(!is.na(m)), nrow(res), worst))
}
`;
}
