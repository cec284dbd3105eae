// The form to add or edit a clipping (with an optional screenshot, so it is sent as multipart).
// Shown again with every value kept and a message next to each field when something is wrong; a
// file cannot be kept by the browser, so a refused screenshot asks for the file again.
import type { FormValues } from '../../platform/http/forms.ts';
import { fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { IMAGE_ACCEPT } from '../../platform/images.ts';
import { todayUtc } from '../../platform/time.ts';
import { CONTENT_LANGUAGES } from '../../platform/vocabularies.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { TranslationRows } from '../../ui/components/translation-rows.tsx';
import { usePage } from '../../ui/page-context.ts';
import { SCREENSHOT_MAX_BYTES, type ScreenshotInfo, screenshotUrl } from './screenshot.ts';
import type { ClippingDetails } from './store.ts';

/** The values of an existing clipping, as the form sends them. */
export function formValuesOf(clipping: ClippingDetails): FormValues {
  return {
    outlet: clipping.outlet,
    outlet_url: clipping.outlet_url ?? '',
    published_on: clipping.published_on,
    title: clipping.title,
    lang: clipping.lang,
    url: clipping.url,
    summary: clipping.summary,
    covers: clipping.covers ?? '',
    covers_url: clipping.covers_url ?? '',
    event: clipping.event?.slug ?? '',
    tr_lang: clipping.translations.map((tr) => tr.lang),
    tr_title: clipping.translations.map((tr) => tr.title),
    tr_summary: clipping.translations.map((tr) => tr.summary),
  };
}

function FieldError({ id, error }: { id: string; error: MessageKey | undefined }) {
  const { t } = usePage();
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {t(error)}
    </p>
  ) : null;
}

export function ClippingFormView(props: {
  action: string;
  state: FormState;
  editing?: ClippingDetails;
  screenshot?: ScreenshotInfo;
  /** Values for the message of a refused screenshot (its size limit). */
  screenshotValues?: Record<string, number>;
  /** Recent events of the hub, suggested in the event field. */
  events?: { slug: string; title: string }[];
}) {
  const { t, fmt, locale } = usePage();
  const values = props.state.values ?? {};
  const errors = props.state.errors ?? {};
  const langs = CONTENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }));
  const dateError = errors.published_on;
  const summaryError = errors.summary;
  const shotError = errors.screenshot;
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/press">{t('press.title')}</a>
        {props.editing && (
          <>
            {' › '}
            <a href={`/press/${props.editing.id}`} lang={props.editing.lang}>
              {props.editing.title}
            </a>
          </>
        )}
      </p>
      <h1>{props.editing ? t('press.editTitle') : t('press.addTitle')}</h1>
      <Form
        action={props.action}
        state={props.state}
        requiredNote
        class="stack clipping-form"
        enctype="multipart/form-data"
      >
        <fieldset>
          <legend>{t('press.article')}</legend>
          <Field
            name="title"
            label="press.originalTitle"
            hint="press.originalTitleHint"
            required
            maxlength={500}
            state={props.state}
          />
          <SelectField
            name="lang"
            label="press.writtenIn"
            state={props.state}
            initial={locale === 'zh-Hans' ? 'zh-Hans' : locale}
            options={langs}
          />
          <Field
            name="url"
            label="press.url"
            type="url"
            hint="press.urlHint"
            required
            maxlength={1000}
            state={props.state}
          />
          <div class={dateError ? 'field invalid' : 'field'}>
            <label for="f-published_on">
              {t('press.publishedOn')}
              <span class="required"> *</span>
            </label>
            <input
              id="f-published_on"
              name="published_on"
              type="date"
              required
              max={todayUtc()}
              value={fieldValue(values, 'published_on')}
              aria-invalid={dateError ? 'true' : undefined}
              aria-describedby={dateError ? 'f-published_on-error' : undefined}
            />
            <FieldError id="f-published_on" error={dateError} />
          </div>
          <div class={summaryError ? 'field invalid' : 'field'}>
            <label for="f-summary">{t('press.summary')}</label>
            <p class="hint" id="f-summary-hint">
              {t('press.summaryHint')}
            </p>
            <textarea
              id="f-summary"
              name="summary"
              rows={6}
              maxlength={5000}
              aria-invalid={summaryError ? 'true' : undefined}
              aria-describedby={summaryError ? 'f-summary-hint f-summary-error' : 'f-summary-hint'}
            >
              {fieldValue(values, 'summary')}
            </textarea>
            <FieldError id="f-summary" error={summaryError} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('press.outletLegend')}</legend>
          <Field name="outlet" label="press.outlet" required maxlength={200} state={props.state} />
          <Field
            name="outlet_url"
            label="press.outletWebsite"
            type="url"
            maxlength={500}
            state={props.state}
          />
        </fieldset>
        <fieldset>
          <legend>{t('press.covers')}</legend>
          <p class="hint">{t('press.coversHint')}</p>
          <div class={errors.event ? 'field invalid' : 'field'}>
            <label for="f-event">{t('press.event')}</label>
            <p class="hint" id="f-event-hint">
              {t('press.eventHint')}
            </p>
            <input
              id="f-event"
              name="event"
              type="text"
              maxlength={300}
              list="press-events"
              value={fieldValue(values, 'event')}
              aria-invalid={errors.event ? 'true' : undefined}
              aria-describedby={errors.event ? 'f-event-hint f-event-error' : 'f-event-hint'}
            />
            <datalist id="press-events">
              {(props.events ?? []).map((e) => (
                <option value={e.slug}>{e.title}</option>
              ))}
            </datalist>
            <FieldError id="f-event" error={errors.event} />
          </div>
          <Field name="covers" label="press.coversName" maxlength={300} state={props.state} />
          <Field name="covers_url" label="press.coversUrl" type="url" maxlength={1000} state={props.state} />
        </fieldset>
        <TranslationRows
          state={props.state}
          languages={CONTENT_LANGUAGES}
          hint="press.translationsHint"
          fields={{ short: 'title', long: 'summary' }}
          labels={{ short: 'press.translationRowTitle', long: 'press.translationRowSummary' }}
          maxLength={{ short: 500, long: 5000 }}
        />
        <fieldset class={shotError ? 'field invalid' : 'field'}>
          <legend>{t('press.screenshot')}</legend>
          {props.screenshot && props.editing && (
            <p>
              <img
                src={screenshotUrl(props.editing.id, props.screenshot, 'thumb')}
                alt={t('press.screenshotAlt', { outlet: props.editing.outlet })}
                width={props.screenshot.thumbWidth}
                height={props.screenshot.thumbHeight}
              />
            </p>
          )}
          <label for="f-screenshot">
            {t(props.screenshot ? 'press.screenshotReplace' : 'press.screenshotFile')}
          </label>
          <p class="hint" id="f-screenshot-hint">
            {t('press.screenshotHint', { limit: SCREENSHOT_MAX_BYTES / 1024 / 1024 })}
          </p>
          {shotError && (
            <p class="field-error" id="f-screenshot-error">
              {t(shotError, props.screenshotValues)}
            </p>
          )}
          <input
            id="f-screenshot"
            name="screenshot"
            type="file"
            accept={IMAGE_ACCEPT}
            aria-invalid={shotError ? 'true' : undefined}
            aria-describedby={shotError ? 'f-screenshot-hint f-screenshot-error' : 'f-screenshot-hint'}
          />
          {props.screenshot && (
            <label class="checkbox">
              <input
                type="checkbox"
                name="remove_screenshot"
                value="1"
                checked={values.remove_screenshot === '1'}
              />{' '}
              {t('press.screenshotRemove')}
            </label>
          )}
        </fieldset>
        <Submit label={props.editing ? 'form.save' : 'press.add'} />
      </Form>
    </div>
  );
}
