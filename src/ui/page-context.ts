// What every view can read while a page renders: the translator, formatters, the signed-in user,
// the CSRF token. Views call usePage() instead of threading these through every component.

import { createContext, useContext } from 'hono/jsx';
import type { User } from '../db/schema.ts';
import type { Locale } from '../locales/index.ts';
import type { Flash } from '../platform/http/flash.ts';
import type { Formatters, MessageKey, Translator } from '../platform/i18n.ts';
import type { Site } from '../platform/site/settings.ts';

export interface PageContext {
  t: Translator;
  locale: Locale;
  timeZone: string;
  fmt: Formatters;
  user: User | null;
  csrfToken: string;
  nonce: string | undefined;
  /** The hub's name in the page's language (platform/site). */
  siteName: string;
  /** The operator's settings: accent colour, tagline, footer links, the pages that exist. */
  site: Site;
  /** The operator's tagline in the page's language; '' without one. */
  tagline: string;
  /** Path and query of the current page, for "come back here" links. */
  here: string;
  /** Whether the URL names the page's language (`?lang=`), rather than the reader's settings. */
  langInUrl: boolean;
  nav: { href: string; label: MessageKey }[];
  /** The modules' entries of the account menu. */
  accountMenu: { href: string; label: MessageKey }[];
  hasSearch: boolean;
  /** The signed-in member's unread notifications (up to UNREAD_CAP); null without an inbox. */
  unread: number | null;
  flash: Flash | undefined;
}

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}
