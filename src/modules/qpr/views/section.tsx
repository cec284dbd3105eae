// One section of a report: what it holds (text, answers with evidence, statistics, annexes, the
// measures linked from the policies database, the civil-society inputs taken in), the form of the
// coordinator and its assignee, the coordinator's assignment, the status, comments and history.
import type { FormState } from '../../../ui/components/form.tsx';
import {
  CsrfField,
  DateField,
  Field,
  Form,
  RadioGroup,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { languageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import { contentOf, type Report, reportPath, type Section } from '../access.ts';
import type { InputLine, LinkedMeasure } from '../listing.ts';
import type { SectionSpec } from '../structure.ts';
import { LIMITS, SECTION_STATUSES } from '../vocab.ts';
import { Consultations } from './consult-form.tsx';
import { Markdown, questionLabel, sectionTitle, statusLabel } from './parts.tsx';

export interface SectionPage {
  report: Report;
  spec: SectionSpec;
  section: Section & { assignee: string | null; assignee_email: string | null };
  comments: { author: string | null; body: string; created_at: string }[];
  measures: LinkedMeasure[];
  inputs: InputLine[];
  canEdit: boolean;
  coordinator: boolean;
  canComment: boolean;
  /** The form that came back with a message, and which one it is. */
  state?: FormState;
  form?: 'content' | 'assign' | 'comment' | 'consult';
  rounds: { id: number; status: string; closes_on: string }[];
}

function Content(props: SectionPage) {
  const { t } = usePage();
  const content = contentOf(props.section.content);
  return (
    <div class="stack">
      <Markdown text={props.section.body} lang={props.section.lang} />
      {props.spec.questions.map((q) => {
        const a = content.answers[q];
        return (
          <p>
            <strong>{questionLabel(t, q)}</strong>{' '}
            {a?.answer ? t(a.answer === 'yes' ? 'qpr.yes' : 'qpr.no') : '—'}
            {a?.evidence && <span lang={props.section.lang}> — {a.evidence}</span>}
          </p>
        );
      })}
      {content.statistics.length > 0 && (
        <ul>
          {content.statistics.map((s) => (
            <li lang={props.section.lang}>
              {s.label}: {s.value}
              {s.year ? ` (${s.year})` : ''}
              {s.source ? ` — ${s.source}` : ''}
            </li>
          ))}
        </ul>
      )}
      {content.documents.length > 0 && (
        <ul>
          {content.documents.map((d) => (
            <li>
              <a href={`/library/${d}`}>{d}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ContentForm(props: SectionPage) {
  const page = usePage();
  const { t } = page;
  const path = `${reportPath(props.report)}/sections/${props.section.code}`;
  const content = contentOf(props.section.content);
  const state = props.form === 'content' ? props.state : undefined;
  // The rows as sent when the form comes back with a message, else as saved (and one empty row).
  const sent = state?.values;
  const column = (name: string) => {
    const v = sent?.[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const stats = sent
    ? column('stat_label').map((label, i) => ({
        label,
        value: column('stat_value')[i] ?? '',
        year: column('stat_year')[i] ?? '',
        source: column('stat_source')[i] ?? '',
      }))
    : [
        ...content.statistics.map((s) => ({ ...s, year: s.year ? String(s.year) : '' })),
        { label: '', value: '', year: '', source: '' },
      ];
  const statError = Object.entries(state?.errors ?? {}).find(([k]) => k.startsWith('statistics'))?.[1];
  const isArea = props.spec.kind === 'area';
  return (
    <Form action={path} state={state}>
      <TextArea
        name="body"
        label="qpr.body"
        hint="qpr.bodyHint"
        rows={10}
        maxlength={LIMITS.body}
        initial={props.section.body}
        state={state}
      />
      <SelectField
        name="lang"
        label="qpr.lang"
        options={languageOptions(page)}
        initial={props.section.lang}
        state={state}
      />
      {props.spec.questions.map((q) => (
        <div class="stack">
          <RadioGroup
            name={`answer_${q}`}
            label={{ text: questionLabel(t, q) }}
            options={[
              { value: 'yes', label: t('qpr.yes') },
              { value: 'no', label: t('qpr.no') },
            ]}
            initial={content.answers[q]?.answer ?? ''}
            state={state}
          />
          <TextArea
            name={`evidence_${q}`}
            label="qpr.evidence"
            rows={3}
            initial={content.answers[q]?.evidence ?? ''}
            state={state}
          />
        </div>
      ))}
      {isArea && (
        <fieldset class="stack">
          <legend>{t('qpr.statistics')}</legend>
          {statError && (
            <p class="field-error" role="alert">
              {t(statError)}
            </p>
          )}
          {stats.map((s, i) => (
            <div class="stack">
              <Field name="stat_label" id={`f-stat_label-${i}`} label="qpr.statLabel" initial={s.label} />
              <Field name="stat_value" id={`f-stat_value-${i}`} label="qpr.statValue" initial={s.value} />
              <Field
                name="stat_year"
                id={`f-stat_year-${i}`}
                label="qpr.statYear"
                inputmode="numeric"
                initial={s.year}
              />
              <Field name="stat_source" id={`f-stat_source-${i}`} label="qpr.statSource" initial={s.source} />
            </div>
          ))}
        </fieldset>
      )}
      {props.spec.kind === 'annexes' && (
        <TextArea
          name="documents"
          label="qpr.documents"
          hint="qpr.documentsHint"
          rows={3}
          initial={content.documents.join('\n')}
          state={state}
        />
      )}
      <Submit label="qpr.save" />
    </Form>
  );
}

export function SectionView(props: SectionPage) {
  const { t, fmt } = usePage();
  const { report, section, spec } = props;
  const path = `${reportPath(report)}/sections/${section.code}`;
  const draft = report.status === 'draft';
  return (
    <div class="wrap stack">
      <Breadcrumb
        trail={[
          { href: '/qpr', label: t('qpr.title') },
          {
            href: reportPath(report),
            label: t('qpr.reportTitle', { country: fmt.country(report.country), cycle: report.cycle }),
          },
        ]}
      />
      <header class="page-head">
        <h1>{sectionTitle(t, spec, section.code)}</h1>
        <p class="muted">
          {statusLabel(t, section.status)} · {section.assignee ?? t('qpr.nobody')}
          {section.due_on && ` · ${t('qpr.dueOn', { date: fmt.day(section.due_on) })}`} ·{' '}
          <a href={`${path}/history`}>{t('qpr.history')}</a>
        </p>
      </header>
      {spec.kind === 'technical' && <p>{t('qpr.technicalHint', { country: fmt.country(report.country) })}</p>}
      {props.canEdit && draft ? <ContentForm {...props} /> : <Content {...props} />}
      {props.measures.length > 0 && (
        <section>
          <h2>{t('qpr.linkedMeasures')}</h2>
          <ul>
            {props.measures.map((m) => (
              <li>
                <a href={`/measures/${m.id}`} lang={m.lang}>
                  {m.title}
                </a>{' '}
                <span class="muted">· {m.report_year}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {spec.kind === 'civil_society' && (
        <section>
          <h2>{t('qpr.inputsTaken')}</h2>
          {props.inputs.length ? (
            <ul>
              {props.inputs.map((i) => (
                <li>
                  <span lang={i.lang}>{i.title}</span> <span class="muted">· {i.organisation}</span>
                  {i.measure_id && (
                    <>
                      {' '}
                      · <a href={`/measures/${i.measure_id}`}>{t('qpr.theMeasure')}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('qpr.noInputsTaken')}</p>
          )}
        </section>
      )}
      {draft && (props.canEdit || props.coordinator) && (
        <form method="post" action={`${path}/status`} class="inline-form">
          <CsrfField />
          <label for="f-status">{t('qpr.statusHeading')}</label>{' '}
          <select id="f-status" name="status">
            {SECTION_STATUSES.filter((s) => s !== 'validated' || props.coordinator).map((s) => (
              <option value={s} selected={s === section.status}>
                {statusLabel(t, s)}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button secondary">
            {t('qpr.setStatus')}
          </button>
        </form>
      )}
      {draft && props.coordinator && (
        <section class="card">
          <h2>{t('qpr.assignTitle')}</h2>
          <Form action={`${path}/assign`} state={props.form === 'assign' ? props.state : undefined}>
            <Field
              name="assignee"
              type="email"
              label="qpr.assigneeEmail"
              hint="qpr.assigneeHint"
              initial={section.assignee_email ?? ''}
              state={props.form === 'assign' ? props.state : undefined}
            />
            <DateField
              name="due_on"
              label="qpr.due"
              initial={section.due_on ?? ''}
              state={props.form === 'assign' ? props.state : undefined}
            />
            <Submit label="qpr.assign" />
          </Form>
        </section>
      )}
      <Consultations {...props} />
      <section>
        <h2>{t('qpr.comments')}</h2>
        {props.comments.map((c) => (
          <div class="card">
            <p class="muted">
              {c.author ?? '—'} · {fmt.dateTime(c.created_at)}
            </p>
            <Markdown text={c.body} lang="" />
          </div>
        ))}
        {draft && props.canComment && (
          <Form action={`${path}/comments`} state={props.form === 'comment' ? props.state : undefined}>
            <TextArea
              name="body"
              id="f-comment"
              label="qpr.comment"
              rows={3}
              maxlength={LIMITS.comment}
              required
              state={props.form === 'comment' ? props.state : undefined}
            />
            <Submit label="qpr.addComment" />
          </Form>
        )}
      </section>
    </div>
  );
}
