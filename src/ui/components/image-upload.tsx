// Uploading an image attached to a record (a logo, a photo, a cover, a screenshot): the file field
// that offers the formats the platform reads and says the size limit, the form state that shows a
// refused upload's message next to it, and the section of an edit page that shows the image with
// its upload form and, when there is one, the button that removes it.
import type { Child } from 'hono/jsx';
import type { MessageKey, MessageValues } from '../../platform/i18n.ts';
import { IMAGE_ACCEPT } from '../../platform/images.ts';
import { CsrfField, FileField, Form, type FormState, type LabelText, Submit } from './form.tsx';

/** A refused upload (its message and the values in it), as the state of the form of field `name`. */
export function refusalState(
  name: string,
  refusal: { key: MessageKey; values?: MessageValues } | undefined,
): FormState | undefined {
  return refusal
    ? {
        errors: { [name]: refusal.key },
        errorValues: refusal.values ? { [name]: refusal.values } : undefined,
      }
    : undefined;
}

/** A file field for an image; the hint says the size limit ({limit}, in MB). */
export function ImageFileField(props: {
  name: string;
  label: LabelText;
  hint: MessageKey;
  maxBytes: number;
  required?: boolean;
  state?: FormState;
}) {
  return (
    <FileField
      name={props.name}
      label={props.label}
      hint={props.hint}
      hintValues={{ limit: props.maxBytes / 1024 / 1024 }}
      accept={IMAGE_ACCEPT}
      required={props.required}
      state={props.state}
    />
  );
}

/**
 * A record's one image on its edit page: the image (or a line saying there is none), the form that
 * uploads one to `action`, and the button that posts to `<action>/delete` when there is one.
 */
export function ImageSection(props: {
  id: string;
  class?: string;
  title: string;
  /** The image as shown, or nothing. */
  image: Child | undefined;
  none: string;
  action: string;
  field: { name: string; label: MessageKey; hint: MessageKey; maxBytes: number };
  refusal?: { key: MessageKey; values?: MessageValues };
  upload: MessageKey;
  remove: string;
}) {
  const state = refusalState(props.field.name, props.refusal);
  return (
    <section id={props.id} class={props.class}>
      <h2>{props.title}</h2>
      {props.image ?? <p>{props.none}</p>}
      <Form action={props.action} enctype="multipart/form-data" state={state}>
        <ImageFileField {...props.field} required state={state} />
        <Submit label={props.upload} />
      </Form>
      {props.image && (
        <form method="post" action={`${props.action}/delete`} class="inline-form">
          <CsrfField />
          <button type="submit" class="button secondary">
            {props.remove}
          </button>
        </form>
      )}
    </section>
  );
}
