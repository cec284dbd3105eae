// The forum's writing forms: a new thread, a reply, a translation. Every one has the honeypot (a
// field people never see or reach; a bot fills it) and the language the member writes in (their
// UI language unless they choose another). A refused form comes back with what was typed.
import type { Child } from 'hono/jsx';
import {
  Checkbox,
  Field,
  Form,
  type FormState,
  SelectField,
  TextArea,
} from '../../../ui/components/form.tsx';
import { HoneypotField } from '../../../ui/components/honeypot.tsx';
import { ImageFileField } from '../../../ui/components/image-upload.tsx';
import { languageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import { POST_IMAGE_MAX_BYTES } from '../images.ts';
import { MAX_POST } from '../vocab.ts';

/** The platform's honeypot; `id` tells apart the forms of one page. */
export const Honeypot = HoneypotField;

function LanguageField({ state }: { state: FormState }) {
  const page = usePage();
  return (
    <SelectField
      name="lang"
      label="forums.writtenIn"
      options={languageOptions(page)}
      initial={page.locale}
      state={state}
      required
    />
  );
}

/** One image attached to the post (optional). */
function ImageField({ state }: { state: FormState }) {
  return (
    <ImageFileField
      name="image"
      label="forums.image"
      hint="forums.imageHint"
      maxBytes={POST_IMAGE_MAX_BYTES}
      state={state}
    />
  );
}

/** A 429 shown above the form: how long to wait; the draft stays in the fields. */
function Wait({ seconds }: { seconds?: number }) {
  const { t, fmt } = usePage();
  return seconds ? (
    <p class="notice error" role="alert">
      {t('forums.waitSeconds', { seconds: fmt.number(seconds) })}
    </p>
  ) : null;
}

export function ThreadForm(props: { action: string; state: FormState; wait?: number }) {
  const { t } = usePage();
  return (
    <Form action={props.action} state={props.state} requiredNote enctype="multipart/form-data">
      <Wait seconds={props.wait} />
      <Field name="title" label="forums.threadTitle" state={props.state} required maxlength={300} />
      <TextArea
        name="body"
        label="forums.body"
        hint="forums.markdownHint"
        rows={10}
        maxlength={MAX_POST}
        state={props.state}
        required
      />
      <LanguageField state={props.state} />
      <ImageField state={props.state} />
      <Checkbox name="is_question" label="forums.isQuestion" state={props.state} />
      <Honeypot />
      <button type="submit" class="button">
        {t('forums.startThread')}
      </button>
    </Form>
  );
}

export function ReplyForm(props: { action: string; state: FormState; wait?: number; children?: Child }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="reply-heading" id="reply">
      <h2 id="reply-heading">{t('forums.reply')}</h2>
      {props.children}
      <Form action={props.action} state={props.state} enctype="multipart/form-data">
        <Wait seconds={props.wait} />
        <TextArea
          name="body"
          label="forums.body"
          hint="forums.markdownHint"
          rows={8}
          maxlength={MAX_POST}
          state={props.state}
          required
        />
        <LanguageField state={props.state} />
        <ImageField state={props.state} />
        <Honeypot />
        <button type="submit" class="button">
          {t('forums.sendReply')}
        </button>
      </Form>
    </section>
  );
}

export function TranslationForm(props: { postId: number; state?: FormState }) {
  const { t } = usePage();
  const state = props.state ?? {};
  return (
    <details open={props.state !== undefined}>
      <summary>{t('forums.addTranslation')}</summary>
      <Form action={`/forum/p/${props.postId}/translation`} state={state}>
        <SelectField
          name="lang"
          id={`tr-lang-${props.postId}`}
          label="forums.translationLanguage"
          options={languageOptions(usePage())}
          state={state}
          required
        />
        <TextArea
          name="body"
          id={`tr-body-${props.postId}`}
          label="forums.translation"
          rows={6}
          maxlength={MAX_POST}
          state={state}
          required
        />
        <Honeypot id={`tr-hp-${props.postId}`} />
        <button type="submit" class="button secondary small">
          {t('forums.saveTranslation')}
        </button>
      </Form>
    </details>
  );
}
