// A consultation round: the section's text as it was opened, paragraph by paragraph (each an
// anchor, #p-1…), the comments on each, the form (which paragraph, the organisation one speaks for
// and one's gender, both optional), and for the report's team who took part.

import type { MessageKey } from '../../../platform/i18n.ts';
import { GENDERS } from '../../../platform/vocabularies.ts';
import { Form, type FormState, SelectField, Submit, TextArea } from '../../../ui/components/form.tsx';
import { HoneypotField } from '../../../ui/components/honeypot.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Report } from '../access.ts';
import { paragraphsOfRound, type Round, type RoundSummary, roundPath } from '../consultations.ts';
import { LIMITS } from '../vocab.ts';
import { Markdown } from './parts.tsx';

export interface RoundComment {
  paragraph: number;
  author: string | null;
  organisation: string | null;
  body: string;
  created_at: string;
}

export function ConsultationView(props: {
  report: Report;
  round: Round;
  title: string;
  comments: RoundComment[];
  organisations: { id: number; name: string }[];
  canComment: boolean;
  summary: RoundSummary | null;
  paragraph: number;
  state?: FormState;
}) {
  const { t, fmt } = usePage();
  const { round } = props;
  const path = roundPath(props.report, round.id);
  const paragraphs = paragraphsOfRound(round.body);
  const open = round.status === 'open';
  return (
    <div class="wrap stack">
      <Breadcrumb trail={[{ href: '/qpr', label: t('qpr.title') }]} />
      <header class="page-head">
        <h1>{t('qpr.consultationOf', { section: props.title })}</h1>
        <p class="muted">
          {t('qpr.reportTitle', { country: fmt.country(props.report.country), cycle: props.report.cycle })} ·{' '}
          {open
            ? t('qpr.openUntil', { date: fmt.day(round.closes_on) })
            : t('qpr.roundClosedOn', { date: fmt.day(round.closes_on) })}
        </p>
      </header>
      {paragraphs.map((p, i) => (
        <section id={`p-${i + 1}`} class="card stack">
          <Markdown text={p} lang={round.lang} />
          {props.comments
            .filter((c) => c.paragraph === i)
            .map((c) => (
              <blockquote>
                <p class="muted">
                  {c.author ?? '—'}
                  {c.organisation && ` · ${c.organisation}`} · {fmt.dateTime(c.created_at)}
                </p>
                <Markdown text={c.body} lang="" />
              </blockquote>
            ))}
          {open && props.canComment && (
            <p>
              <a href={`${path}?p=${i + 1}#comment`}>{t('qpr.commentParagraph', { n: i + 1 })}</a>
            </p>
          )}
        </section>
      ))}
      {open && props.canComment && (
        <section id="comment" class="card">
          <h2>{t('qpr.yourComment')}</h2>
          <Form action={path} state={props.state}>
            <SelectField
              name="paragraph"
              label="qpr.paragraph"
              options={paragraphs.map((_, i) => ({
                value: String(i),
                label: t('qpr.paragraphN', { n: i + 1 }),
              }))}
              initial={String(props.paragraph)}
              state={props.state}
            />
            <SelectField
              name="organisation"
              label="qpr.speakingFor"
              blank="qpr.myself"
              options={props.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
              state={props.state}
            />
            <SelectField
              name="gender"
              label="qpr.gender"
              hint="qpr.genderHint"
              blank="qpr.notSaying"
              options={GENDERS.map((g) => ({ value: g, label: t(`vocab.gender.${g}` as MessageKey) }))}
              state={props.state}
            />
            <TextArea
              name="body"
              id="f-round-comment"
              label="qpr.comment"
              rows={4}
              maxlength={LIMITS.comment}
              required
              state={props.state}
            />
            <HoneypotField />
            <Submit label="qpr.addComment" />
          </Form>
        </section>
      )}
      {props.summary && (
        <section class="card">
          <h2>{t('qpr.whoTookPart')}</h2>
          <p>
            {t('qpr.participation', { people: props.summary.participants, comments: props.summary.comments })}
          </p>
          <h3>{t('qpr.byKind')}</h3>
          <ul>
            {Object.entries(props.summary.byKind).map(([kind, n]) => (
              <li>
                {kind === 'individual'
                  ? t('qpr.individual')
                  : t(`vocab.organisationKind.${kind}` as MessageKey)}
                : {n}
              </li>
            ))}
          </ul>
          <h3>{t('qpr.byGender')}</h3>
          <ul>
            {Object.entries(props.summary.byGender).map(([gender, n]) => (
              <li>
                {t(`vocab.gender.${gender}` as MessageKey)}: {n}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
