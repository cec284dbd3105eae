// The civil-society part's inputs: a member of an organisation of the country writes a measure,
// an initiative or data (saved as a draft, then sent), sees each input's outcome (and the reason
// of a decline); the coordinator sees what was sent and accepts, merges or declines it.
import { Field, Form, type FormState, SelectField, Submit, TextArea } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { languageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import { type Input, type Report, reportPath } from '../access.ts';
import type { InputLine } from '../listing.ts';
import { AREA_CODES } from '../structure.ts';
import { INPUT_KINDS, LIMITS } from '../vocab.ts';
import { Markdown } from './parts.tsx';

export function InputForm(props: {
  report: Report;
  organisations: { id: number; name: string }[];
  editing?: Input;
  state?: FormState;
}) {
  const page = usePage();
  const { t } = page;
  const e = props.editing;
  const base = `${reportPath(props.report)}/civil-society`;
  return (
    <Form action={e ? `${base}/${e.id}` : base} state={props.state} requiredNote>
      <SelectField
        name="organisation"
        label="qpr.organisation"
        options={props.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        initial={e ? String(e.organisation_id) : undefined}
        state={props.state}
        required
      />
      <SelectField
        name="kind"
        label="qpr.inputKind"
        options={INPUT_KINDS.map((k) => ({ value: k, label: t(`qpr.kind.${k}`) }))}
        initial={e?.kind}
        state={props.state}
        required
      />
      <Field
        name="title"
        label="qpr.inputTitle"
        maxlength={LIMITS.title}
        initial={e?.title}
        state={props.state}
        required="mark"
      />
      <SelectField
        name="lang"
        label="qpr.lang"
        options={languageOptions(page)}
        initial={e?.lang ?? page.locale}
        state={props.state}
      />
      <SelectField
        name="area"
        label="qpr.inputArea"
        blank="qpr.noArea"
        options={AREA_CODES.map((a) => ({ value: a, label: t(`qpr.area.${a}` as never) }))}
        initial={e?.area ?? ''}
        state={props.state}
      />
      <TextArea
        name="description"
        label="qpr.inputDescription"
        rows={8}
        maxlength={LIMITS.description}
        initial={e?.description}
        state={props.state}
      />
      <div class="actions">
        <button type="submit" name="send" value="0" class="button secondary">
          {t('qpr.saveDraft')}
        </button>
        <button type="submit" name="send" value="1" class="button">
          {t('qpr.send')}
        </button>
      </div>
    </Form>
  );
}

function Decide(props: {
  report: Report;
  input: InputLine;
  measures: { id: number; title: string }[];
  state?: FormState;
}) {
  const { t } = usePage();
  return (
    <Form action={`${reportPath(props.report)}/civil-society/${props.input.id}/decide`} state={props.state}>
      <SelectField
        name="decision"
        id={`f-decision-${props.input.id}`}
        label="qpr.decision"
        options={[
          { value: 'accepted', label: t('qpr.decision.accepted') },
          { value: 'merged', label: t('qpr.decision.merged') },
          { value: 'declined', label: t('qpr.decision.declined') },
        ]}
        state={props.state}
      />
      <SelectField
        name="measure"
        id={`f-measure-${props.input.id}`}
        label="qpr.mergeInto"
        blank="qpr.noMeasure"
        options={props.measures.map((m) => ({ value: String(m.id), label: m.title }))}
        state={props.state}
      />
      <TextArea
        name="reason"
        id={`f-reason-${props.input.id}`}
        label="qpr.reason"
        rows={2}
        maxlength={LIMITS.reason}
        state={props.state}
      />
      <Submit label="qpr.decide" />
    </Form>
  );
}

export function CivilSocietyView(props: {
  report: Report;
  organisations: { id: number; name: string }[];
  mine: InputLine[];
  sent: InputLine[];
  coordinator: boolean;
  measures: { id: number; title: string }[];
  state?: FormState;
  /** The input whose decision came back with a message. */
  deciding?: number;
}) {
  const { t, fmt } = usePage();
  const { report } = props;
  const draft = report.status === 'draft';
  const outcome = (i: InputLine) => (
    <>
      {t(`qpr.inputStatus.${i.status}` as never)}
      {i.status === 'declined' && i.reason && <> — {i.reason}</>}
      {i.measure_id && (
        <>
          {' '}
          · <a href={`/measures/${i.measure_id}`}>{t('qpr.theMeasure')}</a>
        </>
      )}
    </>
  );
  return (
    <div class="wrap stack">
      <Breadcrumb trail={[{ href: '/qpr', label: t('qpr.title') }]} />
      <header class="page-head">
        <h1>{t('qpr.inputsTitle')}</h1>
        <p class="lead">
          {t('qpr.inputsIntro', { country: fmt.country(report.country), cycle: report.cycle })}
        </p>
      </header>
      {props.organisations.length > 0 && draft && (
        <section class="card">
          <h2>{t('qpr.newInput')}</h2>
          <InputForm
            report={report}
            organisations={props.organisations}
            state={props.deciding ? undefined : props.state}
          />
        </section>
      )}
      {props.mine.length > 0 && (
        <section>
          <h2>{t('qpr.ourInputs')}</h2>
          <ul class="stack">
            {props.mine.map((i) => (
              <li>
                <strong lang={i.lang}>{i.title || t('qpr.untitled')}</strong> · {i.organisation} ·{' '}
                {outcome(i)}
                {draft && (i.status === 'draft' || i.status === 'submitted') && (
                  <>
                    {' '}
                    · <a href={`${reportPath(report)}/civil-society/${i.id}`}>{t('qpr.editInput')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.coordinator && (
        <section>
          <h2>{t('qpr.sentInputs')}</h2>
          {props.sent.length === 0 && <p>{t('qpr.noSentInputs')}</p>}
          {props.sent.map((i) => (
            <article class="card stack">
              <h3 lang={i.lang}>{i.title}</h3>
              <p class="muted">
                {t(`qpr.kind.${i.kind}` as never)} · {i.organisation} · {i.submitter ?? '—'} · {outcome(i)}
              </p>
              <Markdown text={i.description} lang={i.lang} />
              {draft && i.status === 'submitted' && (
                <Decide
                  report={report}
                  input={i}
                  measures={props.measures}
                  state={props.deciding === i.id ? props.state : undefined}
                />
              )}
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
