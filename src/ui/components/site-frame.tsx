// What the operator's settings (platform/site) add to every page's frame: the manifest and the
// accent colour in the head, the logo beside the name, and the footer's links (the operator's
// pages that exist, their own links, the contact address).
import { imageVersion } from '../../platform/images.ts';
import { iconVersion, SITE_PAGES, type SitePageSlug } from '../../platform/site/settings.ts';
import { assetUrl } from '../assets.ts';
import { usePage } from '../page-context.ts';
import { Icon } from './icon.tsx';

/** Paths the site module serves; the frame links them. */
export const SITE_PATHS = {
  manifest: '/manifest.webmanifest',
  /** The accent colour as a stylesheet of its own: the strict CSP allows no inline style. */
  theme: '/site/theme.css',
  logo: '/site/logo.webp',
  icon192: '/site/icon-192.png',
} as const;

const PAGE_LABELS = {
  about: 'layout.about',
  privacy: 'layout.privacy',
  accessibility: 'layout.accessibility',
  terms: 'layout.terms',
} as const satisfies Record<SitePageSlug, string>;

/** The version of the settings in a URL, so caches keep a file until the settings change. */
export const versioned = (path: string, version: string) =>
  version ? `${path}?v=${encodeURIComponent(version)}` : path;

export function SiteHead() {
  const { site } = usePage();
  return (
    <>
      {site.accent && <link rel="stylesheet" href={versioned(SITE_PATHS.theme, site.version)} />}
      {site.accent && <meta name="theme-color" content={site.accent} />}
      <link rel="manifest" href={SITE_PATHS.manifest} />
      {site.logoVersion ? (
        // The operator's logo is the tab's and the home screen's icon too (the site module makes
        // the PNG from it, on white, as for the manifest).
        <>
          <link
            rel="icon"
            href={versioned(SITE_PATHS.icon192, iconVersion(site))}
            type="image/png"
            sizes="192x192"
          />
          <link rel="apple-touch-icon" href={versioned(SITE_PATHS.icon192, iconVersion(site))} />
        </>
      ) : (
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
      )}
    </>
  );
}

/** The logo beside the hub's name, or the platform's mark without one. */
export function SiteMark() {
  const { site } = usePage();
  if (!site.logoVersion) return <Icon name="hub" />;
  return (
    <img
      class="brand-logo"
      src={`${SITE_PATHS.logo}?v=${imageVersion(site.logoVersion)}&size=thumb`}
      alt=""
      height={32}
    />
  );
}

export function SiteFooterLinks() {
  const { t, site } = usePage();
  const pages = SITE_PAGES.filter((p) => site.pages.includes(p));
  if (pages.length === 0 && site.footerLinks.length === 0 && !site.contactEmail) return null;
  return (
    <ul class="footer-links">
      {pages.map((slug) => (
        <li>
          <a href={`/${slug}`}>{t(PAGE_LABELS[slug])}</a>
        </li>
      ))}
      {site.footerLinks.map((link) => (
        <li>
          <a href={link.url}>{link.label}</a>
        </li>
      ))}
      {site.contactEmail && (
        <li>
          <a href={`mailto:${site.contactEmail}`}>{t('layout.contact')}</a>
        </li>
      )}
    </ul>
  );
}
