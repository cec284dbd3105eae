// The frame of every page: skip link, header (name, navigation, search, language, account),
// main content, footer. Works without JavaScript and from 360 px wide.
import type { Child } from 'hono/jsx';
import { LOCALE_NAMES, LOCALES } from '../locales/index.ts';
import { withLang } from '../platform/http/language.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { UNREAD_CAP } from '../platform/notifications/inbox.ts';
import { assetUrl } from './assets.ts';
import { CsrfField } from './components/form.tsx';
import { Icon } from './components/icon.tsx';
import { SiteFooterLinks, SiteHead, SiteMark } from './components/site-frame.tsx';
import { usePage } from './page-context.ts';

export interface PageMeta {
  title: string;
  description?: string;
  /** Keep the page out of search engines (account and admin pages). */
  noindex?: boolean;
  /** schema.org JSON-LD for the page. */
  jsonLd?: Record<string, unknown>;
  /**
   * Canonical path (and query) of the page, for the canonical link, OpenGraph and the page's URLs
   * in the other languages; the path as requested when absent.
   */
  path?: string;
  ogType?: string;
  /** Absolute URL of an image for OpenGraph (a cover, a logo), with its size when known. */
  ogImage?: string;
  ogImageSize?: { width: number; height: number };
  /** Atom feeds of the page's list, announced to feed readers. */
  feeds?: { title: string; href: string }[];
}

export function Layout({ meta, baseUrl, children }: { meta: PageMeta; baseUrl: string; children: Child }) {
  const { t, locale, siteName, tagline, here, langInUrl, nonce, hasSearch } = usePage();
  const fullTitle = meta.title === siteName ? siteName : `${meta.title} · ${siteName}`;
  // The page in its language when the URL names it, else the negotiated page (x-default).
  const page = withLang(meta.path ?? here);
  const url = `${baseUrl}${withLang(page, langInUrl ? locale : undefined)}`;
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={siteName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        {!meta.noindex && <LanguageLinks baseUrl={baseUrl} page={page} canonical={url} />}
        <meta property="og:url" content={url} />
        <meta property="og:locale" content={locale.replace('-', '_')} />
        {meta.description && <meta property="og:description" content={meta.description} />}
        {meta.ogImage && <meta property="og:image" content={meta.ogImage} />}
        {meta.ogImage && meta.ogImageSize && (
          <>
            <meta property="og:image:width" content={String(meta.ogImageSize.width)} />
            <meta property="og:image:height" content={String(meta.ogImageSize.height)} />
          </>
        )}
        {meta.feeds?.map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <SiteHead />
        {hasSearch && <script type="module" src={assetUrl('search.js')} nonce={nonce} />}
        {meta.jsonLd && (
          <script
            type="application/ld+json"
            nonce={nonce}
            // JSON-LD must not be HTML-escaped; "<" is escaped instead so it cannot close the tag.
            dangerouslySetInnerHTML={{ __html: JSON.stringify(meta.jsonLd).replace(/</g, '\\u003c') }}
          />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <Header />
        <main id="main" tabindex={-1}>
          <Flash />
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {siteName} · <a href="/api/docs">{t('layout.apiDocs')}</a>
            </p>
            <SiteFooterLinks />
            <p class="muted">{tagline || t('layout.footerNote')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * What search engines need to index every language (crawlers send no Accept-Language or cookie):
 * the page's own URL, and its URL in each UI language, plus the negotiated one as `x-default`.
 */
function LanguageLinks({ baseUrl, page, canonical }: { baseUrl: string; page: string; canonical: string }) {
  return (
    <>
      <link rel="canonical" href={canonical} />
      {LOCALES.map((code) => (
        <link rel="alternate" hreflang={code} href={`${baseUrl}${withLang(page, code)}`} />
      ))}
      <link rel="alternate" hreflang="x-default" href={`${baseUrl}${page}`} />
    </>
  );
}

function Header() {
  const { t, siteName, nav, hasSearch } = usePage();
  return (
    <header class="site-header">
      <div class="wrap header-row">
        <a class="brand" href="/">
          <SiteMark />
          <span>{siteName}</span>
        </a>
        {hasSearch && (
          <search class="header-search">
            <form method="get" action="/search">
              <label class="visually-hidden" for="header-q">
                {t('layout.searchLabel')}
              </label>
              <input
                id="header-q"
                type="search"
                name="q"
                placeholder={t('layout.searchPlaceholder')}
                maxlength={200}
                autocomplete="off"
                list="header-suggestions"
                data-suggest="header-suggestions"
              />
              <datalist id="header-suggestions" />
              <button type="submit" class="icon-button" aria-label={t('layout.searchButton')}>
                <Icon name="search" />
              </button>
            </form>
          </search>
        )}
        <div class="header-tools">
          <LanguageSwitcher />
          <NotificationsLink />
          <AccountMenu />
        </div>
      </div>
      {nav.length > 0 && (
        <nav class="site-nav" aria-label={t('layout.mainNavigation')}>
          {/* On a phone the entries fold into a disclosure (no script): ten of them wrapped to
              three lines in Lao and pushed the page below the first screen. From 48rem they are
              one row; CSS shows one list or the other, so a reader meets the links once. */}
          <details class="nav-compact wrap">
            <summary>
              <Icon name="menu" />
              {t('layout.menu')}
            </summary>
            <NavList items={nav} />
          </details>
          <NavList items={nav} class="wrap nav-full" />
        </nav>
      )}
    </header>
  );
}

function NavList(props: { items: { href: string; label: MessageKey }[]; class?: string }) {
  const { t } = usePage();
  return (
    <ul class={props.class}>
      {props.items.map((item) => (
        <li>
          <a href={item.href}>{t(item.label)}</a>
        </li>
      ))}
    </ul>
  );
}

/** A disclosure with one button per language: one click, no JavaScript. */
function LanguageSwitcher() {
  const { t, locale, here } = usePage();
  return (
    <details class="menu">
      <summary>
        <Icon name="globe" />
        <span lang={locale}>{LOCALE_NAMES[locale]}</span>
        <span class="visually-hidden"> — {t('layout.changeLanguage')}</span>
      </summary>
      <form method="post" action="/language" class="menu-panel">
        <CsrfField />
        <input type="hidden" name="next" value={here} />
        <p class="menu-title">{t('layout.changeLanguage')}</p>
        {LOCALES.map((code) => (
          <button
            type="submit"
            name="locale"
            value={code}
            lang={code}
            class="menu-item"
            aria-current={code === locale ? 'true' : undefined}
          >
            {LOCALE_NAMES[code]}
          </button>
        ))}
      </form>
    </details>
  );
}

/** The bell: a plain link to the inbox with the unread count, so it works without JavaScript. */
function NotificationsLink() {
  const { t, unread, here } = usePage();
  if (unread === null) return null;
  const count = unread >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(unread);
  const label =
    unread > 0
      ? `${t('layout.notifications')}, ${t('layout.unreadCount', { count })}`
      : t('layout.notifications');
  return (
    <a
      class="bell"
      href="/notifications"
      aria-label={label}
      title={label}
      aria-current={here.startsWith('/notifications') ? 'page' : undefined}
    >
      <Icon name="bell" />
      {unread > 0 && (
        <span class="bell-count" aria-hidden="true">
          {count}
        </span>
      )}
    </a>
  );
}

function AccountMenu() {
  const { t, user, here, accountMenu } = usePage();
  if (!user) {
    const next = here === '/' || here.startsWith('/login') ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <div class="account-links">
        <a href={`/login${next}`}>{t('layout.logIn')}</a>
        <a href="/register" class="button small">
          {t('layout.register')}
        </a>
      </div>
    );
  }
  return (
    <details class="menu">
      <summary>
        <Icon name="user" />
        <span class="menu-name">{user.name}</span>
      </summary>
      <div class="menu-panel">
        <a class="menu-item" href="/account">
          {t('layout.myAccount')}
        </a>
        {accountMenu.map((item) => (
          <a class="menu-item" href={item.href}>
            {t(item.label)}
          </a>
        ))}
        {(user.role === 'admin' || user.role === 'moderator') && (
          <a class="menu-item" href="/moderation">
            {t('layout.moderation')}
          </a>
        )}
        {user.role === 'admin' && (
          <a class="menu-item" href="/admin">
            {t('layout.administration')}
          </a>
        )}
        <form method="post" action="/logout">
          <CsrfField />
          <button type="submit" class="menu-item">
            {t('layout.logOut')}
          </button>
        </form>
      </div>
    </details>
  );
}

function Flash() {
  const { t, flash } = usePage();
  if (!flash) return null;
  return (
    <div class="wrap">
      <p class="notice success" role="status">
        {t(flash.key, flash.values)}
      </p>
    </div>
  );
}
