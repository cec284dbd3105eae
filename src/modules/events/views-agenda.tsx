// The agenda editor: the timetable with edit and delete for each part, and the forms to name a day,
// add a section, add or change an item (with the overlap warning to confirm), and paste an agenda
// as text, reviewed as a table before anything is saved.
import { fieldValue } from '../../platform/http/forms.ts';
import { datesBetween } from '../../platform/time.ts';
import { CsrfField, Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { EventDetails } from './access.ts';
import type { AgendaDay, AgendaItem } from './agenda.ts';
import type { LineProblem, ParsedAgenda, ParsedItem } from './agenda-text.ts';
import { fullDate } from './format.ts';
import { ITEM_KINDS } from './vocab.ts';

export interface Overlap {
  title: string;
  start_time: string;
  end_time: string | null;
}

export interface AgendaForms {
  day?: FormState;
  section?: FormState;
  item?: FormState;
  /** Items the new one overlaps: shown as a warning with a box to tick to save anyway. */
  overlaps?: Overlap[];
  paste?: FormState;
  review?: ParsedAgenda;
}

function dateOptions(event: EventDetails, locale: string) {
  return datesBetween(event.starts_on, event.ends_on).map((d) => ({ value: d, label: fullDate(locale, d) }));
}

/**
 * The day of a form. Four forms on the editor page each have one, so each gets its own id (the
 * shared SelectField names its control after the field, which would repeat the id).
 */
function DaySelect(props: {
  form: string;
  state: FormState | undefined;
  options: { value: string; label: string }[];
}) {
  const { t } = usePage();
  const id = `f-${props.form}-date`;
  const error = props.state?.errors?.date;
  const current = fieldValue(props.state?.values, 'date');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{t('events.day')}</label>
      <select
        id={id}
        name="date"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

function TextArea(props: {
  name: string;
  label: Parameters<ReturnType<typeof usePage>['t']>[0];
  hint?: Parameters<ReturnType<typeof usePage>['t']>[0];
  state: FormState;
  rows: number;
  id?: string;
}) {
  const { t } = usePage();
  const id = props.id ?? `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{t(props.label)}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {fieldValue(props.state.values, props.name)}
      </textarea>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** The item form, for a new item on the editor page or an existing one on its own page. */
export function ItemForm(props: {
  event: EventDetails;
  agenda: AgendaDay[];
  action: string;
  state: FormState;
  overlaps?: Overlap[];
  editing?: boolean;
}) {
  const { t, locale } = usePage();
  const sections = props.agenda.flatMap((d) =>
    d.sections.map((s) => ({ value: String(s.id), label: `${fullDate(locale, d.date)} · ${s.title}` })),
  );
  return (
    <Form action={props.action} state={props.state} id="item-form">
      {props.overlaps && props.overlaps.length > 0 && (
        <div class="notice warning" role="alert">
          <p>{t('events.overlapWarning')}</p>
          <ul>
            {props.overlaps.map((o) => (
              <li>
                {o.start_time}
                {o.end_time ? `–${o.end_time}` : ''} {o.title}
              </li>
            ))}
          </ul>
          <label class="checkbox">
            <input type="checkbox" name="confirm_overlap" value="1" /> {t('events.overlapConfirm')}
          </label>
        </div>
      )}
      <DaySelect form="item" state={props.state} options={dateOptions(props.event, locale)} />
      <SelectField
        name="section_id"
        label="events.section"
        state={props.state}
        options={[{ value: '', label: t('events.noSection') }, ...sections]}
      />
      <div class="two-columns">
        <Field
          name="start_time"
          label="events.startTime"
          state={props.state}
          required
          hint="events.timeFormat"
        />
        <Field name="end_time" label="events.endTime" state={props.state} />
      </div>
      <Field
        name="title"
        id="f-item-title"
        label="events.itemTitle"
        state={props.state}
        required
        maxlength={500}
      />
      <SelectField
        name="kind"
        label="events.kindLabel"
        state={props.state}
        options={ITEM_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
      />
      <TextArea
        name="speakers"
        label="events.speakers"
        hint="events.peopleHint"
        state={props.state}
        rows={3}
      />
      <TextArea name="chairs" label="events.chairs" state={props.state} rows={2} />
      <TextArea name="facilitators" label="events.facilitators" state={props.state} rows={2} />
      <Submit label={props.editing ? 'events.save' : 'events.addItem'} />
    </Form>
  );
}

function ItemLine({ item, event }: { item: AgendaItem; event: EventDetails }) {
  const { t, csrfToken } = usePage();
  return (
    <li id={`item-${item.id}`}>
      <span class="agenda-time">
        {item.start}
        {item.end ? `–${item.end}` : ''}
      </span>{' '}
      {item.title}
      {item.people.length > 0 && <span class="muted"> · {item.people.map((p) => p.name).join('; ')}</span>}{' '}
      <a href={`/events/${event.slug}/agenda/items/${item.id}`}>{t('events.editItem')}</a>{' '}
      <form method="post" action={`/events/${event.slug}/agenda/items/${item.id}/delete`} class="inline-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="button secondary">
          {t('events.delete')}
          <span class="visually-hidden"> {item.title}</span>
        </button>
      </form>
    </li>
  );
}

const PROBLEM_KEYS: Record<
  LineProblem,
  'events.lineNoTime' | 'events.lineBadTime' | 'events.endBeforeStart' | 'events.lineNoTitle'
> = {
  noTime: 'events.lineNoTime',
  badTime: 'events.lineBadTime',
  endBeforeStart: 'events.endBeforeStart',
  noTitle: 'events.lineNoTitle',
};

function ReviewRows({ items }: { items: ParsedItem[] }) {
  const { t } = usePage();
  return (
    <>
      {items.map((item) => (
        <tr>
          <td>{item.line}</td>
          <td>
            {item.start}
            {item.end ? `–${item.end}` : ''}
          </td>
          <td>{item.title}</td>
          <td>{t(`events.kind.${item.kind}`)}</td>
          <td>
            {item.people
              .map(
                (p) =>
                  `${p.name}${p.affiliation ? `, ${p.affiliation}` : ''} (${t(`events.role.${p.role}`, { count: 1 })})`,
              )
              .join('; ')}
          </td>
        </tr>
      ))}
    </>
  );
}

/** The parsed lines as a table, the unreadable lines by number, and the button that saves. */
function PasteReview({
  review,
  state,
  event,
}: {
  review: ParsedAgenda;
  state: FormState;
  event: EventDetails;
}) {
  const { t } = usePage();
  const count = review.items.length + review.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <section aria-labelledby="review-title" class="stack">
      <h3 id="review-title">{t('events.reviewTitle', { count })}</h3>
      {review.problems.length > 0 && (
        <div class="notice error" role="alert">
          <p>{t('events.badLines', { count: review.problems.length })}</p>
          <ul>
            {review.problems.map((p) => (
              <li>
                {t('events.lineNumber', { line: p.line })}: “{p.text}” — {t(PROBLEM_KEYS[p.problem])}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('events.line')}</th>
              <th scope="col">{t('events.time')}</th>
              <th scope="col">{t('events.itemTitle')}</th>
              <th scope="col">{t('events.kindLabel')}</th>
              <th scope="col">{t('events.people')}</th>
            </tr>
          </thead>
          <tbody>
            <ReviewRows items={review.items} />
          </tbody>
          {review.sections.map((s) => (
            <tbody>
              <tr>
                <th scope="rowgroup" colspan={5}>
                  {s.title}
                </th>
              </tr>
              <ReviewRows items={s.items} />
            </tbody>
          ))}
        </table>
      </div>
      {count > 0 && review.problems.length === 0 && (
        <form method="post" action={`/events/${event.slug}/agenda/paste`} class="stack">
          <CsrfField />
          <input type="hidden" name="date" value={fieldValue(state.values, 'date')} />
          <input type="hidden" name="text" value={fieldValue(state.values, 'text')} />
          <input type="hidden" name="confirm" value="1" />
          <Submit label="events.savePasted" />
        </form>
      )}
    </section>
  );
}

export function AgendaEditorView(props: { event: EventDetails; agenda: AgendaDay[]; forms: AgendaForms }) {
  const { t, locale, csrfToken } = usePage();
  const { event, agenda, forms } = props;
  const dates = dateOptions(event, locale);
  return (
    <div class="wrap narrow agenda-editor">
      <p class="breadcrumb">
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </p>
      <h1>{t('events.agendaEditor')}</h1>
      <p class="hint">{t('events.agendaEditorHint', { zone: event.time_zone })}</p>
      {agenda.length === 0 ? (
        <p class="notice">{t('events.noAgenda')}</p>
      ) : (
        agenda.map((day) => (
          <section class="agenda-day">
            <h2>
              {fullDate(locale, day.date)}
              {day.title && <span class="subtitle"> {day.title}</span>}
            </h2>
            <ul>
              {day.items.map((item) => (
                <ItemLine item={item} event={event} />
              ))}
            </ul>
            {day.sections.map((section) => (
              <div>
                <h3>
                  {section.title}{' '}
                  <form
                    method="post"
                    action={`/events/${event.slug}/agenda/sections/${section.id}/delete`}
                    class="inline-form"
                  >
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <button type="submit" class="button secondary">
                      {t('events.deleteSection')}
                      <span class="visually-hidden"> {section.title}</span>
                    </button>
                  </form>
                </h3>
                <ul>
                  {section.items.map((item) => (
                    <ItemLine item={item} event={event} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))
      )}

      <h2 id="add-item">{t('events.addItem')}</h2>
      <ItemForm
        event={event}
        agenda={agenda}
        action={`/events/${event.slug}/agenda/items`}
        state={forms.item ?? {}}
        overlaps={forms.overlaps}
      />

      <h2 id="add-section">{t('events.addSection')}</h2>
      <Form action={`/events/${event.slug}/agenda/sections`} state={forms.section ?? {}} id="section-form">
        <DaySelect form="section" state={forms.section} options={dates} />
        <Field
          name="title"
          id="f-section-title"
          label="events.sectionTitle"
          state={forms.section}
          required
          maxlength={300}
        />
        <Submit label="events.addSection" />
      </Form>

      <h2 id="day-title">{t('events.dayTitle')}</h2>
      <Form action={`/events/${event.slug}/agenda/day`} state={forms.day ?? {}} id="day-form">
        <DaySelect form="day" state={forms.day} options={dates} />
        <Field
          name="title"
          id="f-day-title"
          label="events.dayTitleLabel"
          hint="events.dayTitleHint"
          state={forms.day}
          maxlength={300}
        />
        <Submit label="events.save" />
      </Form>

      <h2 id="paste">{t('events.paste')}</h2>
      <Form action={`/events/${event.slug}/agenda/paste`} state={forms.paste ?? {}} id="paste-form">
        <DaySelect form="paste" state={forms.paste} options={dates} />
        <TextArea
          name="text"
          label="events.pasteText"
          hint="events.pasteHint"
          state={forms.paste ?? {}}
          rows={12}
        />
        <Submit label="events.pasteRead" />
      </Form>
      {forms.review && forms.paste && <PasteReview review={forms.review} state={forms.paste} event={event} />}
    </div>
  );
}
