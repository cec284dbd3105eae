// One group: its name (and the reader's translation), kind, country, organisation and description;
// then, for those who may see inside, its members and activity; the buttons to ask to join or to
// leave; and, for those who manage it, the forms of manage.tsx.
import { renderMarkdown } from '../../../platform/markdown.ts';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { Form, type FormState, Submit, TextArea } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type GroupDetails, translationFor } from '../access.ts';
import type { ActivityEntry, GroupMember } from '../members.ts';
import type { GroupRole } from '../vocab.ts';
import { ManagePanel, type ManageProps } from './manage.tsx';

export interface GroupPageProps {
  group: GroupDetails;
  role: GroupRole | null;
  viewerId: number | null;
  may: { seeInside: boolean; manage: boolean; delete: boolean; requestToJoin: boolean; seeEmails: boolean };
  members: GroupMember[];
  activity: ActivityEntry[];
  requestPending: boolean;
  manage?: Omit<ManageProps, 'group' | 'members' | 'viewerId'>;
  /** A refusal of the last change (the last coordinator…), shown above the members. */
  error?: string;
  join?: FormState;
  /** Whether the reader follows the group. */
  following: boolean;
}

function Members(props: GroupPageProps) {
  const { t } = usePage();
  return (
    <section>
      <h2>{t('groups.members', { count: props.members.length })}</h2>
      <ul class="plain stack">
        {props.members.map((m) => (
          <li>
            {m.name} <span class="muted">· {t(`groups.role.${m.role}`)}</span>
            {props.may.seeEmails && <span class="muted"> · {m.email}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Activity({ activity }: { activity: ActivityEntry[] }) {
  const { t, fmt } = usePage();
  return (
    <section>
      <h2>{t('groups.activity')}</h2>
      {activity.length === 0 ? (
        <p class="muted">{t('groups.noActivity')}</p>
      ) : (
        <ul class="plain stack">
          {activity.map((a) => (
            <li>
              <time datetime={a.at}>{fmt.date(a.at)}</time>{' '}
              {t(`groups.activity.${a.action}`, {
                actor: a.actor ?? t('groups.someone'),
                person: a.subject ?? t('groups.someone'),
                role: a.role ? t(`groups.role.${a.role}`) : '',
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function GroupView(props: GroupPageProps) {
  const { t, fmt, locale } = usePage();
  const { group, may } = props;
  const translation = translationFor(group, locale);
  const base = `/groups/${group.slug}`;
  return (
    <article class="wrap group">
      <Breadcrumb trail={[{ href: '/groups', label: t('groups.title') }]} />
      <header class="page-head">
        <div>
          <h1 lang={group.lang}>{group.name}</h1>
          {translation?.name && (
            <p class="lead" lang={translation.lang}>
              {translation.name}
            </p>
          )}
          <p class="muted">
            {t(`groups.kind.${group.kind}`)}
            {group.country && <> · {fmt.country(group.country)}</>}
            {' · '}
            {t(`groups.visibility.${group.visibility}`)}
            {group.organisation && (
              <>
                {' · '}
                <a href={`/directory/${group.organisation.slug}`} lang={group.organisation.lang}>
                  {group.organisation.name}
                </a>
              </>
            )}
            {props.role && <> · {t('groups.yourRole', { role: t(`groups.role.${props.role}`) })}</>}
          </p>
          <FollowButton target={{ type: 'group', key: String(group.id) }} following={props.following} />
        </div>
        {(may.manage || may.delete) && (
          <div class="actions">
            {may.manage && (
              <a class="button secondary" href={`${base}/edit`}>
                {t('groups.edit')}
              </a>
            )}
            {may.delete && (
              <Form action={`${base}/delete`} class="inline-form">
                <Submit label="groups.delete" variant="danger" />
              </Form>
            )}
          </div>
        )}
      </header>
      {group.description && (
        <section
          class="prose"
          lang={group.lang}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(group.description) }}
        />
      )}
      {translation?.description && (
        <section
          class="prose"
          lang={translation.lang}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(translation.description) }}
        />
      )}
      {!may.seeInside && <p class="notice">{t('groups.privateNotice')}</p>}
      {props.error && (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      )}
      {props.role && (
        <Form action={`${base}/leave`}>
          <Submit label="groups.leave" variant="secondary" />
        </Form>
      )}
      {props.requestPending && <p class="notice">{t('groups.join.pending')}</p>}
      {may.requestToJoin && !props.requestPending && (
        <Form action={`${base}/join`} state={props.join}>
          <TextArea
            name="message"
            label="groups.join.message"
            rows={3}
            maxlength={2000}
            state={props.join ?? {}}
          />
          <Submit label="groups.join.ask" />
        </Form>
      )}
      {may.seeInside && <Members {...props} />}
      {may.manage && props.manage && (
        <ManagePanel group={group} members={props.members} viewerId={props.viewerId} {...props.manage} />
      )}
      {may.seeInside && <Activity activity={props.activity} />}
      <ReportLink type="group" recordKey={group.slug} />
    </article>
  );
}
