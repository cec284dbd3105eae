// The item form of the agenda editor, for a new item on the editor's page or an existing one on its
// own page: day, section, times, title, kind and people, with the overlap warning to confirm.
import { datesBetween } from '../../../platform/time.ts';
import { Field, Form, type FormState, SelectField, Submit, TextArea } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { AgendaDay } from '../agenda.ts';
import { fullDate } from '../format.ts';
import { ITEM_KINDS } from '../vocab.ts';

export interface Overlap {
  title: string;
  start_time: string;
  end_time: string | null;
}

/**
 * The day of one of the editor's forms: four forms on its page each have one, so each gets its own
 * id (f-item-date, f-section-date…).
 */
export function DaySelect(props: { form: string; state: FormState | undefined; event: EventDetails }) {
  const { locale } = usePage();
  const { event } = props;
  return (
    <SelectField
      name="date"
      id={`f-${props.form}-date`}
      label="events.day"
      state={props.state}
      options={datesBetween(event.starts_on, event.ends_on).map((d) => ({
        value: d,
        label: fullDate(locale, d),
      }))}
    />
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
      <DaySelect form="item" state={props.state} event={props.event} />
      <SelectField
        name="section_id"
        label="events.section"
        state={props.state}
        blank="events.noSection"
        options={sections}
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

/** An existing item's own page: the item form under a link back to the editor. */
export function ItemPage(props: {
  event: EventDetails;
  agenda: AgendaDay[];
  itemId: number;
  state: FormState;
  overlaps?: Overlap[];
}) {
  const { t } = usePage();
  const { event } = props;
  return (
    <div class="wrap narrow">
      <Breadcrumb trail={[{ href: `/events/${event.slug}/agenda`, label: t('events.agendaEditor') }]} />
      <h1>{t('events.editItem')}</h1>
      <ItemForm
        event={event}
        agenda={props.agenda}
        action={`/events/${event.slug}/agenda/items/${props.itemId}`}
        state={props.state}
        overlaps={props.overlaps}
        editing
      />
    </div>
  );
}
