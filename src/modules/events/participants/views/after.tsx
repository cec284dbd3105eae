// After the event, for its organisers: outcomes and recommendations (Markdown), whether the
// feedback summary is public, the library documents and presentations linked to the event, and its
// photos. Each part is a form of its own, so a refused photo never loses a text being written.
import type { MessageKey } from '../../../../platform/i18n.ts';
import {
  Checkbox,
  CsrfField,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../../ui/components/form.tsx';
import { ImageFileField } from '../../../../ui/components/image-upload.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { LinkedDocument } from '../after.ts';
import { PHOTO_MAX_BYTES, type Photo } from '../photos.ts';
import { DOCUMENT_ROLES, MAX_REPORT_TEXT } from '../vocab.ts';
import { DocumentLink, EventCrumbs, PhotoThumb } from './parts.tsx';

export interface AfterForms {
  outcomes?: FormState;
  document?: FormState;
  photo?: FormState;
}

/** A small form of one button that removes `what` (named for screen readers). */
function RemoveButton(props: { action: string; label: MessageKey; what: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField />
      <button type="submit" class="button small secondary">
        {t(props.label)}
        <span class="visually-hidden"> — {props.what}</span>
      </button>
    </form>
  );
}

export function AfterEditorView(props: {
  event: EventDetails;
  documents: LinkedDocument[];
  photos: Photo[];
  forms: AfterForms;
}) {
  const { t } = usePage();
  const { event, forms } = props;
  const base = `/events/${event.slug}`;
  return (
    <div class="wrap narrow">
      <EventCrumbs event={event} />
      <h1>{t('participants.afterTitle')}</h1>
      <p>
        <a href={`${base}/feedback/questions`}>{t('participants.questionsTitle')}</a> ·{' '}
        <a href={`${base}/report`}>{t('participants.report')}</a>
      </p>

      <h2 id="outcomes">{t('participants.outcomesHeading')}</h2>
      <Form action={`${base}/after`} state={forms.outcomes}>
        {/* The report's two texts, asked alike: Markdown, up to the same length. */}
        {(['outcomes', 'recommendations'] as const).map((name) => (
          <TextArea
            name={name}
            label={`participants.${name}`}
            hint="participants.markdownHint"
            maxlength={MAX_REPORT_TEXT}
            rows={8}
            state={forms.outcomes}
          />
        ))}
        <Checkbox name="feedback_public" label="participants.feedbackPublic" state={forms.outcomes} />
        <Submit label="participants.save" />
      </Form>

      <h2 id="documents">{t('participants.documentsHeading')}</h2>
      {props.documents.length === 0 ? (
        <p class="hint">{t('participants.noDocuments')}</p>
      ) : (
        <ul class="plain">
          {props.documents.map((d) => (
            <li>
              <DocumentLink document={d} />{' '}
              <RemoveButton
                action={`${base}/documents/${d.id}/delete`}
                label="participants.unlink"
                what={d.title}
              />
            </li>
          ))}
        </ul>
      )}
      <Form action={`${base}/documents`} state={forms.document}>
        <Field
          name="document"
          label="participants.documentField"
          hint="participants.documentHint"
          required
          maxlength={300}
          state={forms.document}
        />
        <SelectField
          name="role"
          label="participants.documentRoleLabel"
          state={forms.document}
          options={DOCUMENT_ROLES.map((r) => ({ value: r, label: t(`participants.documentRole.${r}`) }))}
        />
        <Submit label="participants.link" />
      </Form>

      <h2 id="photos">{t('participants.photosHeading')}</h2>
      {props.photos.length === 0 ? (
        <p class="hint">{t('participants.noPhotos')}</p>
      ) : (
        <ul class="plain photo-list">
          {props.photos.map((p) => (
            <li>
              <PhotoThumb slug={event.slug} photo={p} />
              <RemoveButton
                action={`${base}/photos/${p.id}/delete`}
                label="participants.deletePhoto"
                what={p.caption}
              />
            </li>
          ))}
        </ul>
      )}
      <Form action={`${base}/photos`} state={forms.photo} enctype="multipart/form-data" requiredNote>
        <ImageFileField
          name="photo"
          label="participants.photo"
          hint="participants.photoHint"
          maxBytes={PHOTO_MAX_BYTES}
          required
          state={forms.photo}
        />
        <Field
          name="caption"
          label="participants.caption"
          hint="participants.captionHint"
          required
          maxlength={300}
          state={forms.photo}
        />
        <Submit label="participants.addPhoto" />
      </Form>
    </div>
  );
}
