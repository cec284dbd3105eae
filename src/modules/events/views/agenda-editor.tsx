// The agenda editor: the timetable with edit and delete for each part, and the forms to add an item
// (agenda-item.tsx), add a section, name a day, and paste an agenda as text, reviewed as a table
// (paste-review.tsx) before anything is saved.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../platform/i18n.ts';
import { CsrfField, Field, Form, type FormState, Submit, TextArea } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { AgendaDay, AgendaItem } from '../agenda.ts';
import type { ParsedAgenda } from '../agenda-text.ts';
import { fullDate } from '../format.ts';
import { DaySelect, ItemForm, type Overlap } from './agenda-item.tsx';
import { PasteReview } from './paste-review.tsx';

export interface AgendaForms {
  day?: FormState;
  section?: FormState;
  item?: FormState;
  /** Items the new one overlaps: shown as a warning with a box to tick to save anyway. */
  overlaps?: Overlap[];
  paste?: FormState;
  review?: ParsedAgenda;
}

function ItemLine({ item, event }: { item: AgendaItem; event: EventDetails }) {
  const { t } = usePage();
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
        <CsrfField />
        <button type="submit" class="button secondary">
          {t('events.delete')}
          <span class="visually-hidden"> {item.title}</span>
        </button>
      </form>
    </li>
  );
}

/** One of the editor's forms about a day of the event: the day, the form's own fields, the button. */
function DayForm(props: {
  event: EventDetails;
  form: 'section' | 'day' | 'paste';
  path: string;
  state: FormState | undefined;
  submit: MessageKey;
  children: Child;
}) {
  const { event, form, state } = props;
  return (
    <Form action={`/events/${event.slug}/agenda/${props.path}`} state={state ?? {}} id={`${form}-form`}>
      <DaySelect form={form} state={state} event={event} />
      {props.children}
      <Submit label={props.submit} />
    </Form>
  );
}

export function AgendaEditorView(props: { event: EventDetails; agenda: AgendaDay[]; forms: AgendaForms }) {
  const { t, locale } = usePage();
  const { event, agenda, forms } = props;
  return (
    <div class="wrap narrow agenda-editor">
      <Breadcrumb trail={[{ href: `/events/${event.slug}`, label: event.title }]} />
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
                    <CsrfField />
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
      <DayForm event={event} form="section" path="sections" state={forms.section} submit="events.addSection">
        <Field
          name="title"
          id="f-section-title"
          label="events.sectionTitle"
          state={forms.section}
          required
          maxlength={300}
        />
      </DayForm>

      <h2 id="day-title">{t('events.dayTitle')}</h2>
      <DayForm event={event} form="day" path="day" state={forms.day} submit="events.save">
        <Field
          name="title"
          id="f-day-title"
          label="events.dayTitleLabel"
          hint="events.dayTitleHint"
          state={forms.day}
          maxlength={300}
        />
      </DayForm>

      <h2 id="paste">{t('events.paste')}</h2>
      <DayForm event={event} form="paste" path="paste" state={forms.paste} submit="events.pasteRead">
        <TextArea
          name="text"
          label="events.pasteText"
          hint="events.pasteHint"
          state={forms.paste ?? {}}
          rows={12}
        />
      </DayForm>
      {forms.review && forms.paste && <PasteReview review={forms.review} state={forms.paste} event={event} />}
    </div>
  );
}
