/**
 * A path on this site, or nothing: for redirects (`next=` after signing in) and links built from the
 * request URL (the language switch). The input is parsed the way a browser parses it (dot segments,
 * `%2e`, backslashes, tabs and newlines are normalised away) and the *result* is checked: a path that
 * starts with one `/` followed by neither `/` nor `\`, that resolves to itself on this origin.
 * Checking the raw input instead lets `/.//evil.example` through as `//evil.example` (issue 13, row 2).
 */
const BASE = 'http://weerbaar.invalid';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

export function sameSitePath(input: string): string | undefined {
  let u: URL;
  try {
    u = new URL(input, BASE);
  } catch {
    return undefined;
  }
  if (u.origin !== BASE) return undefined;
  const out = u.pathname + u.search;
  return isSameSitePath(out) ? out : undefined;
}

/** Whether a browser that follows `path` as a Location or href stays on this site, on exactly `path`. */
export function isSameSitePath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return false;
  if (UNSAFE.test(path)) return false;
  try {
    const again = new URL(path, BASE);
    return again.origin === BASE && again.pathname + again.search === path;
  } catch {
    return false;
  }
}
