// The moderators' members page: the new-member limits (admins change them), a search for a member,
// and the suspensions in force; and one member's page with their history and the suspension form.
import type { FormState } from '../../../../ui/components/form.tsx';
import { Field, Form, Submit, TextArea } from '../../../../ui/components/form.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { PostingLimits } from '../limits.ts';
import type { SuspensionRow } from '../listing.ts';

const LIMIT_FIELDS = [
  ['new_member_days', 'moderation.limit.newMemberDays', 'moderation.limit.newMemberDaysHint'],
  ['posts_per_hour', 'moderation.limit.postsPerHour', 'moderation.limit.postsPerHourHint'],
  ['links_per_post', 'moderation.limit.linksPerPost', 'moderation.limit.linksPerPostHint'],
  ['images_after_hours', 'moderation.limit.imagesAfterHours', 'moderation.limit.imagesAfterHoursHint'],
] as const;

function LimitsForm({ limits, state }: { limits: PostingLimits; state?: FormState }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="limits-title">
      <h2 id="limits-title">{t('moderation.limitsTitle')}</h2>
      <p class="muted">{t('moderation.limitsIntro')}</p>
      <Form action="/moderation/limits" class="stack" state={state}>
        {LIMIT_FIELDS.map(([name, label, hint]) => (
          <Field
            name={name}
            label={label}
            hint={hint}
            type="number"
            inputmode="numeric"
            initial={String(limits[name])}
            state={state}
            required
          />
        ))}
        <p>
          <Submit label="form.save" />
        </p>
      </Form>
    </section>
  );
}

function Suspensions({ rows, title }: { rows: SuspensionRow[]; title: string }) {
  const { t, fmt } = usePage();
  return (
    <section aria-labelledby="suspensions-title">
      <h2 id="suspensions-title">{title}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t('moderation.noSuspensions')}</p>
      ) : (
        <ul class="plain stack">
          {rows.map((s) => {
            const inForce = !s.lifted_at && s.until > new Date().toISOString();
            return (
              <li class="card">
                <a href={`/moderation/members/${s.user_id}`}>{s.name}</a>{' '}
                <small class="muted">
                  {t(inForce ? 'moderation.suspendedUntil' : 'moderation.suspensionEnded', {
                    until: fmt.dateTime(s.lifted_at ?? s.until),
                  })}
                  {s.by_name && <> · {s.by_name}</>}
                </small>
                <p>{s.reason}</p>
                {inForce && (
                  <Form
                    action={`/moderation/members/${s.user_id}/suspensions/${s.id}/lift`}
                    class="inline-form"
                  >
                    <button type="submit" class="button small secondary">
                      {t('moderation.lift')}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function MembersView(props: {
  q: string;
  found: { id: number; name: string; email: string; role: string }[] | null;
  inForce: SuspensionRow[];
  limits: PostingLimits | null;
  limitsState?: FormState;
}) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <p>
        <a href="/moderation">{t('moderation.title')}</a>
      </p>
      <h1>{t('moderation.membersTitle')}</h1>
      <form method="get" action="/moderation/members" class="stack">
        <Field name="q" type="search" label="moderation.findMember" initial={props.q} maxlength={200} />
        <p>
          <button type="submit" class="button">
            {t('moderation.find')}
          </button>
        </p>
      </form>
      {props.found && (
        <section aria-labelledby="found-title">
          <h2 id="found-title">{t('moderation.membersFound', { count: props.found.length })}</h2>
          <ul>
            {props.found.map((m) => (
              <li>
                <a href={`/moderation/members/${m.id}`}>{m.name}</a> <small class="muted">{m.email}</small>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Suspensions
        rows={props.inForce}
        title={t('moderation.suspensionsInForce', { count: props.inForce.length })}
      />
      {props.limits && <LimitsForm limits={props.limits} state={props.limitsState} />}
    </div>
  );
}

export function MemberView(props: {
  member: { id: number; name: string; email: string; created_at: string };
  history: SuspensionRow[];
  mayBeSuspended: boolean;
  state?: FormState;
}) {
  const { t, fmt } = usePage();
  const { member } = props;
  return (
    <div class="wrap">
      <p>
        <a href="/moderation/members">{t('moderation.membersTitle')}</a>
      </p>
      <h1>{member.name}</h1>
      <p class="muted">
        {member.email} · {t('moderation.memberSince', { date: fmt.date(member.created_at) })}
      </p>
      {props.mayBeSuspended ? (
        <section aria-labelledby="suspend-title">
          <h2 id="suspend-title">{t('moderation.suspendTitle')}</h2>
          <p class="muted">{t('moderation.suspendIntro')}</p>
          <Form
            action={`/moderation/members/${member.id}/suspend`}
            class="stack"
            state={props.state}
            requiredNote
          >
            <Field
              name="days"
              type="number"
              inputmode="numeric"
              label="moderation.days"
              initial="7"
              state={props.state}
              required
            />
            <TextArea
              name="reason"
              label="moderation.suspendReason"
              hint="moderation.suspendReasonHint"
              maxlength={1000}
              state={props.state}
              required
            />
            <p>
              <Submit label="moderation.suspend" variant="danger" />
            </p>
          </Form>
        </section>
      ) : (
        <p>{t('moderation.cannotSuspendStaff')}</p>
      )}
      <Suspensions rows={props.history} title={t('moderation.history')} />
    </div>
  );
}
