import type { Principal } from '../access/policy.js';
import type { Lang } from '../errors.js';
import type { Translate } from '../i18n/catalogue.js';
import type { NavEntry } from '../modules.js';

/** What every page needs to render: language, texts, who is signed in, the CSRF token. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  principal?: Principal;
  csrfToken: string;
  /** Path and query of the current request, for the language switch and `next=` links. */
  url: string;
  /** The composed modules' navigation entries (all of them; the layout shows those the principal may open). */
  navigation?: readonly NavEntry[];
}
