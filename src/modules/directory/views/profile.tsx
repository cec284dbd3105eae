// An organisation's page: who they are, where, what they do, how to reach them (when the reader
// may see it), and, for those who may, the buttons to edit, verify or delete and the history.
import type { LoadedBlock } from '../../../platform/blocks.ts';
import { renderMarkdown } from '../../../platform/markdown.ts';
import type { Domain, OrganisationKind, ValueChainStage } from '../../../platform/vocabularies.ts';
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { CsrfField } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { OrganisationDetails } from '../access.ts';
import { type LogoInfo, logoUrl } from '../logo.ts';
import { placesOf } from '../places.ts';
import type { Facility } from '../vocab.ts';
import { DirectoryMap } from './map.tsx';

export interface ProfilePermissions {
  edit: boolean;
  delete: boolean;
  verify: boolean;
  /** Approve a waiting organisation, hide a published one. */
  moderate: boolean;
  contact: boolean;
}

export function OrganisationView(props: {
  org: OrganisationDetails;
  may: ProfilePermissions;
  history: { id: number; at: string; changes: string; actor_name: string | null }[];
  logo?: LogoInfo;
  /** Whether the reader follows the organisation (its new activity reaches their notifications). */
  following: boolean;
  /** Its events, posts, documents, press, people and groups: the other modules' blocks. */
  blocks: LoadedBlock[];
}) {
  const { t, fmt, locale } = usePage();
  const { org, may } = props;
  const translation = org.lang === locale ? undefined : org.translations.find((tr) => tr.lang === locale);
  const description = translation?.description || org.description;
  const descriptionLang = translation?.description ? translation.lang : org.lang;
  return (
    <article class="wrap organisation" itemscope>
      <Breadcrumb
        trail={[
          { href: '/directory', label: t('directory.title') },
          org.parent && { href: `/directory/${org.parent.slug}`, label: org.parent.name },
        ]}
      />
      <header class="page-head">
        <div>
          {/* The reader's language where a translation exists, the original otherwise. */}
          {props.logo && <ProfileLogo slug={org.slug} logo={props.logo} />}
          <h1 lang={translation?.name ? translation.lang : org.lang}>
            {translation?.name || org.name}
            {org.verified_at && <span class="badge verified"> ✓ {t('directory.verified')}</span>}
          </h1>
          {translation?.name && (
            <p class="subtitle" lang={org.lang}>
              {org.name} <small class="muted">({t('content.original')})</small>
            </p>
          )}
          {org.name_translit && <p class="subtitle">{org.name_translit}</p>}
          <p class="muted">
            {t(`vocab.organisationKind.${org.kind as OrganisationKind}`)} ·{' '}
            {[org.city, org.province, fmt.country(org.country)].filter(Boolean).join(', ')}
            {org.founded_year && <> · {t('directory.foundedIn', { year: org.founded_year })}</>}
          </p>
          {org.status !== 'published' && (
            <p class="notice warning">{t(`directory.statusNotice.${org.status as 'pending' | 'hidden'}`)}</p>
          )}
          {org.pendingParent && may.edit && (
            <p class="notice">{t('directory.units.waiting', { name: org.pendingParent.name })}</p>
          )}
          {org.status === 'published' && (
            <FollowButton
              target={{ type: 'organisation', key: String(org.id) }}
              following={props.following}
            />
          )}
        </div>
        {(may.edit || may.delete || may.verify || may.moderate) && (
          <div class="actions">
            {may.edit && (
              <a class="button secondary" href={`/directory/${org.slug}/edit`}>
                {t('action.edit')}
              </a>
            )}
            {may.edit && (
              <a class="button secondary" href={`/directory/${org.slug}/members`}>
                {t('directory.members.link')}
              </a>
            )}
            {may.verify && (
              <form method="post" action={`/directory/${org.slug}/verify`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="verified" value={org.verified_at ? '0' : '1'} />
                <button type="submit" class="button secondary">
                  {org.verified_at ? t('directory.unverify') : t('directory.verify')}
                </button>
              </form>
            )}
            {may.moderate && org.status !== 'published' && (
              <form method="post" action={`/directory/${org.slug}/approve`} class="inline-form">
                <CsrfField />
                <button type="submit" class="button">
                  {t('directory.approve')}
                </button>
              </form>
            )}
            {may.moderate && org.status === 'published' && (
              <form method="post" action={`/directory/${org.slug}/hide`} class="inline-form">
                <CsrfField />
                <button type="submit" class="button secondary">
                  {t('directory.hide')}
                </button>
              </form>
            )}
          </div>
        )}
      </header>

      <div class="profile-layout">
        <div>
          {description && (
            <section
              class="prose"
              lang={descriptionLang}
              // Markdown written by members, rendered and sanitised (see platform/markdown.ts).
              dangerouslySetInnerHTML={{ __html: renderMarkdown(description) }}
            />
          )}
          {/* Say so when the reader gets a translation, or a text in another language. */}
          {description && (translation?.description || descriptionLang !== locale) && (
            <p class="hint">
              {translation?.description
                ? t('content.translatedFrom', { language: fmt.language(org.lang) })
                : t('content.writtenIn', { language: fmt.language(org.lang) })}
            </p>
          )}
          <dl class="facts">
            {org.domains.length > 0 && (
              <>
                <dt>{t('field.domains')}</dt>
                <dd>{org.domains.map((d) => t(`vocab.domain.${d as Domain}`)).join(', ')}</dd>
              </>
            )}
            {org.stages.length > 0 && (
              <>
                <dt>{t('field.stages')}</dt>
                <dd>{org.stages.map((s) => t(`vocab.stage.${s as ValueChainStage}`)).join(', ')}</dd>
              </>
            )}
            {org.languages.length > 0 && (
              <>
                <dt>{t('directory.languages')}</dt>
                <dd>{org.languages.map((l) => fmt.language(l)).join(', ')}</dd>
              </>
            )}
            {org.facilities.length > 0 && (
              <>
                <dt>{t('directory.facilities')}</dt>
                <dd>{org.facilities.map((f) => t(`directory.facility.${f as Facility}`)).join(', ')}</dd>
              </>
            )}
            {org.opening_hours && (
              <>
                <dt>{t('directory.openingHours')}</dt>
                <dd>{org.opening_hours}</dd>
              </>
            )}
            {org.children.length > 0 && (
              <>
                <dt>{t('directory.units')}</dt>
                <dd>
                  {org.children.map((c, i) => (
                    <>
                      {i > 0 && ', '}
                      <a href={`/directory/${c.slug}`}>{c.name}</a>
                    </>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
        {(org.address || org.website || org.email || org.phone || org.linkList.length > 0) && (
          <aside class="card contact">
            <h2>{t('field.contact')}</h2>
            {org.address && <p>{org.address}</p>}
            {org.website && (
              <p>
                <a href={org.website} rel="nofollow noopener">
                  {org.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              </p>
            )}
            {org.linkList.length > 0 && (
              <ul class="plain org-links">
                {org.linkList.map((l) => (
                  <li>
                    {/* Written by members: no endorsement (nofollow), user content (ugc). */}
                    <a href={l.url} rel="nofollow ugc">
                      {l.label || l.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {may.contact ? (
              <>
                {org.email && (
                  <p>
                    <a href={`mailto:${org.email}`}>{org.email}</a>
                  </p>
                )}
                {org.phone && (
                  <p>
                    <a href={`tel:${org.phone.replace(/[^\d+]/g, '')}`}>{org.phone}</a>
                  </p>
                )}
              </>
            ) : (
              (org.email || org.phone) && <p class="hint">{t('field.contactForMembers')}</p>
            )}
          </aside>
        )}
      </div>

      {/* What the organisation does here, from the other modules (docs/home.md). */}
      {props.blocks.length > 0 && <div class="blocks">{props.blocks.map((b) => b.draw())}</div>}
      {!props.blocks.some((b) => b.id === 'organisation-people') && (
        <p>
          <a href={`/directory/people?organisation=${org.slug}`}>{t('directory.peopleOf')}</a>
        </p>
      )}

      {org.latitude !== null && org.longitude !== null && (
        <DirectoryMap
          places={placesOf([
            {
              slug: org.slug,
              name: org.name,
              city: org.city,
              country: org.country,
              latitude: org.latitude,
              longitude: org.longitude,
            },
          ])}
          hrefForPlace={() =>
            `/directory?country=${org.country}${org.city ? `&city=${encodeURIComponent(org.city)}` : ''}`
          }
        />
      )}

      {may.edit && props.history.length > 0 && (
        <section class="history">
          <h2>{t('directory.history')}</h2>
          <ul class="plain">
            {props.history.map((h) => (
              <li>
                <time datetime={h.at}>{fmt.dateTime(h.at)}</time> · {h.actor_name ?? t('audit.system')}:{' '}
                {Object.keys(JSON.parse(h.changes) as Record<string, unknown>).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ReportLink type="organisation" recordKey={org.slug} label="report.profile" />

      {may.delete && (
        <DangerZone
          summary={t('directory.delete')}
          action={`/directory/${org.slug}/delete`}
          warning={t('directory.deleteWarning', { name: org.name })}
          confirm={t('action.deleteForGood')}
        />
      )}
    </article>
  );
}

/**
 * The logo above the name, at most 128 CSS pixels (the 256 px file stays sharp on dense screens).
 * Empty alt: the name follows right beside it, so a screen reader would only hear it twice.
 */
function ProfileLogo({ slug, logo }: { slug: string; logo: LogoInfo }) {
  const scale = Math.min(1, 128 / Math.max(logo.fullWidth, logo.fullHeight));
  return (
    <p class="org-logo">
      <img
        src={logoUrl(slug, logo)}
        alt=""
        width={Math.round(logo.fullWidth * scale)}
        height={Math.round(logo.fullHeight * scale)}
      />
    </p>
  );
}
