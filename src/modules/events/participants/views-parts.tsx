// Pieces the participants' pages share: the way back to the event, and a Markdown text area that
// shows its message like the platform's <Field>.
import { fieldValue } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type EventDetails, translationFor } from '../access.ts';

/** The event's title as the reader sees it (their translation when there is one), with its language. */
export function useEventTitle(event: EventDetails): { title: string; lang: string } {
  const { locale } = usePage();
  const tr = translationFor(event, locale);
  return tr ? { title: tr.title, lang: locale } : { title: event.title, lang: event.lang };
}

export function EventCrumbs({ event }: { event: EventDetails }) {
  const { t } = usePage();
  const { title, lang } = useEventTitle(event);
  return (
    <p class="breadcrumb no-print">
      <a href="/events">{t('events.title')}</a>
      {' › '}
      <a href={`/events/${event.slug}`} lang={lang}>
        {title}
      </a>
    </p>
  );
}

export function TextArea(props: {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  state?: FormState;
  initial?: string;
  maxlength: number;
  rows?: number;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state?.errors?.[props.name];
  const value =
    props.state?.values && props.name in props.state.values
      ? fieldValue(props.state.values, props.name)
      : (props.initial ?? '');
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
        rows={props.rows ?? 6}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {value}
      </textarea>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** A checkbox that sends "1", kept ticked or not when the form comes back. */
export function Checkbox(props: { name: string; label: MessageKey; state?: FormState; initial?: boolean }) {
  const { t } = usePage();
  const values = props.state?.values;
  const checked = values ? fieldValue(values, props.name) === '1' : !!props.initial;
  return (
    <div class="field checkbox">
      <input type="checkbox" id={`f-${props.name}`} name={props.name} value="1" checked={checked} />
      <label for={`f-${props.name}`}>{t(props.label)}</label>
    </div>
  );
}
