// A person's public profile: who they are, where they work and on what, how to reach them (when
// they allow it), and for the right readers the buttons to edit, delete or claim it.

import { renderMarkdown } from '../../../platform/markdown.ts';
import type { Domain } from '../../../platform/vocabularies.ts';
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { Form, type FormState, Submit, TextArea } from '../../../ui/components/form.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { MetAtEvent } from '../../events/index.ts';
import { type PersonDetails, translationFor } from '../access.ts';
import { PeopleBreadcrumb } from './breadcrumb.tsx';
import { ProfilePhoto } from './photo.tsx';

export interface PersonPermissions {
  edit: boolean;
  delete: boolean;
  contact: boolean;
  /** "This is me": shown to members who may claim it; visitors get a link to log in first. */
  claim: 'form' | 'login' | 'pending' | null;
}

export function PersonView(props: {
  person: PersonDetails;
  may: PersonPermissions;
  isOwn: boolean;
  /** The follow button's state; null: none (one's own profile, or one not published). */
  follow: { following: boolean } | null;
  /** The claim form sent back with a message, when the claim was refused. */
  claimState?: FormState;
  /** The events they met at, with their consent (shown to signed-in members; empty for visitors). */
  metAt?: MetAtEvent[];
}) {
  const { t, fmt, locale } = usePage();
  const { person, may } = props;
  const organisations = person.organisations.filter((o) => o.published);
  const claimError = props.claimState?.errors?.message;
  // The reader's language where a translation exists, the original otherwise.
  const translation = translationFor(person, locale);
  const title = translation?.title || person.title;
  const bio = translation?.bio || person.bio;
  const bioLang = translation?.bio ? translation.lang : person.lang;
  const translatedFrom = t('content.translatedFrom', { language: fmt.language(person.lang) });
  return (
    <article class="wrap person">
      <PeopleBreadcrumb />
      <header class="page-head">
        <div>
          {person.photo && <ProfilePhoto slug={person.slug} name={person.name} photo={person.photo} />}
          <h1 lang={person.lang}>{person.name}</h1>
          {person.name_translit && <p class="subtitle">{person.name_translit}</p>}
          {title && (
            <p class="lead" lang={translation?.title ? translation.lang : person.lang}>
              {title}
            </p>
          )}
          {/* Said once: here when only the title is translated, under the bio otherwise. */}
          {translation?.title && !translation.bio && <p class="hint">{translatedFrom}</p>}
          {person.country && <p class="muted">{fmt.country(person.country)}</p>}
          {person.status !== 'published' && (
            <p class="notice warning">{t(`people.statusNotice.${person.status as 'draft' | 'hidden'}`)}</p>
          )}
          {props.isOwn && <p class="hint">{t('people.thisIsYours')}</p>}
          {props.follow && (
            <FollowButton
              target={{ type: 'person', key: String(person.id) }}
              following={props.follow.following}
            />
          )}
        </div>
        {may.edit && (
          <div class="actions">
            <a class="button secondary" href={`/directory/people/${person.slug}/edit`}>
              {t('action.edit')}
            </a>
          </div>
        )}
      </header>

      <div class="profile-layout">
        <div>
          {bio && (
            <section
              class="prose"
              lang={bioLang}
              // Markdown written by members, rendered and sanitised (see platform/markdown.ts).
              dangerouslySetInnerHTML={{ __html: renderMarkdown(bio) }}
            />
          )}
          {bio && bioLang !== locale && (
            <p class="hint">{t('content.writtenIn', { language: fmt.language(person.lang) })}</p>
          )}
          {bio && translation?.bio && <p class="hint">{translatedFrom}</p>}
          <dl class="facts">
            {organisations.length > 0 && (
              <>
                <dt>{t('people.organisations')}</dt>
                {organisations.map((o) => (
                  <dd>
                    <a href={`/directory/${o.slug}`}>{o.name}</a>
                    {o.role && <span lang={person.lang}> · {o.role}</span>}
                  </dd>
                ))}
              </>
            )}
            {person.domains.length > 0 && (
              <>
                <dt>{t('field.domains')}</dt>
                <dd>{person.domains.map((d) => t(`vocab.domain.${d as Domain}`)).join(', ')}</dd>
              </>
            )}
            {person.skills.length > 0 && (
              <>
                <dt>{t('people.skills')}</dt>
                <dd>
                  {person.skills.map((s, i) => (
                    <>
                      {i > 0 && ', '}
                      <a href={`/directory/people?q=${encodeURIComponent(s)}`}>{s}</a>
                    </>
                  ))}
                </dd>
              </>
            )}
            {person.languages.length > 0 && (
              <>
                <dt>{t('people.languages')}</dt>
                <dd>{person.languages.map((l) => fmt.language(l)).join(', ')}</dd>
              </>
            )}
          </dl>
        </div>
        {(person.linkList.length > 0 || person.email || person.phone) && (
          <aside class="card contact">
            <h2>{t('field.contact')}</h2>
            {person.linkList.map((link) => (
              <p>
                <a href={link} rel="nofollow noopener">
                  {link.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              </p>
            ))}
            {may.contact ? (
              <>
                {person.email && (
                  <p>
                    <a href={`mailto:${person.email}`}>{person.email}</a>
                  </p>
                )}
                {person.phone && (
                  <p>
                    <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</a>
                  </p>
                )}
              </>
            ) : (
              // Only say that there is more for members when members would actually see it.
              person.contact_visibility === 'members' &&
              (person.email || person.phone) && <p class="hint">{t('field.contactForMembers')}</p>
            )}
          </aside>
        )}
      </div>

      {may.claim === 'form' && (
        <details class="claim" open={!!claimError}>
          <summary>{t('people.claimQuestion')}</summary>
          <Form action={`/directory/people/${person.slug}/claim`} state={props.claimState}>
            <p class="hint">{t('people.claimExplain')}</p>
            <TextArea
              name="message"
              label="people.claimMessage"
              rows={4}
              maxlength={1000}
              state={props.claimState}
            />
            <Submit label="people.claimButton" />
          </Form>
        </details>
      )}
      {may.claim === 'login' && (
        <p class="hint">
          <a href={`/login?next=${encodeURIComponent(`/directory/people/${person.slug}`)}`}>
            {t('people.claimLogin')}
          </a>
        </p>
      )}
      {may.claim === 'pending' && <p class="notice">{t('people.claimPendingNotice')}</p>}

      <MetAt person={person} events={props.metAt ?? []} isOwn={props.isOwn} />

      <ReportLink type="person" recordKey={person.slug} label="report.profile" />

      {may.delete && (
        <DangerZone
          summary={t('people.delete')}
          action={`/directory/people/${person.slug}/delete`}
          warning={t('people.deleteWarning', { name: person.name })}
          confirm={t('action.deleteForGood')}
        />
      )}
    </article>
  );
}

/** "Met at": the events this person took part in and agreed to be seen at, and a way to connect. */
function MetAt(props: { person: PersonDetails; events: MetAtEvent[]; isOwn: boolean }) {
  const { t, fmt, user } = usePage();
  if (props.events.length === 0) return null;
  const account = props.person.user_id;
  return (
    <section aria-labelledby="met-at-h">
      <h2 id="met-at-h">{t('people.metAt')}</h2>
      <ul>
        {props.events.map((e) => (
          <li>
            <a href={`/events/${e.slug}`}>{e.title}</a> <span class="muted">· {fmt.day(e.startsOn)}</span>
          </li>
        ))}
      </ul>
      {/* Connecting is the network module's page, reached by its address. */}
      {user && account !== null && !props.isOwn && (
        <p>
          <a href={`/network/members/${account}/connect`}>{t('people.connect')}</a>
        </p>
      )}
    </section>
  );
}
