// The form to add or edit a clipping (with an optional screenshot, so it is sent as multipart).
// Shown again with every value kept and a message next to each field when something is wrong; a
// file cannot be kept by the browser, so a refused screenshot asks for the file again.
import { todayUtc } from '../../../platform/time.ts';
import {
  Checkbox,
  DateField,
  Field,
  Form,
  type FormState,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { ImageFileField } from '../../../ui/components/image-upload.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { ClippingDetails } from '../access.ts';
import { SCREENSHOT_MAX_BYTES, type ScreenshotInfo, screenshotUrl } from '../screenshot.ts';

export function ClippingFormView(props: {
  action: string;
  state: FormState;
  editing?: ClippingDetails;
  screenshot?: ScreenshotInfo;
  /** Recent events of the hub, suggested in the event field. */
  events?: { slug: string; title: string }[];
}) {
  const { t } = usePage();
  const { state, editing, screenshot } = props;
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/press', label: t('press.title') },
          editing && { href: `/press/${editing.id}`, label: editing.title, lang: editing.lang },
        ]}
      />
      <h1>{editing ? t('press.editTitle') : t('press.addTitle')}</h1>
      <Form
        action={props.action}
        state={state}
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
            state={state}
          />
          <WrittenInField label="press.writtenIn" state={state} />
          <Field
            name="url"
            label="press.url"
            type="url"
            hint="press.urlHint"
            required
            maxlength={1000}
            state={state}
          />
          <DateField name="published_on" label="press.publishedOn" required max={todayUtc()} state={state} />
          <TextArea
            name="summary"
            label="press.summary"
            hint="press.summaryHint"
            rows={6}
            maxlength={5000}
            state={state}
          />
        </fieldset>
        <fieldset>
          <legend>{t('press.outletLegend')}</legend>
          <Field name="outlet" label="press.outlet" required maxlength={200} state={state} />
          <Field name="outlet_url" label="press.outletWebsite" type="url" maxlength={500} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('press.covers')}</legend>
          <p class="hint">{t('press.coversHint')}</p>
          <Field
            name="event"
            label="press.event"
            hint="press.eventHint"
            maxlength={300}
            list="press-events"
            state={state}
          />
          <datalist id="press-events">
            {(props.events ?? []).map((e) => (
              <option value={e.slug}>{e.title}</option>
            ))}
          </datalist>
          <Field name="covers" label="press.coversName" maxlength={300} state={state} />
          <Field name="covers_url" label="press.coversUrl" type="url" maxlength={1000} state={state} />
        </fieldset>
        <TranslationRows
          state={state}
          hint="press.translationsHint"
          short={{ field: 'title', label: 'press.translationRowTitle', maxLength: 500 }}
          long={{ field: 'summary', label: 'press.translationRowSummary', maxLength: 5000 }}
        />
        <fieldset>
          <legend>{t('press.screenshot')}</legend>
          {screenshot && editing && (
            <p>
              <img
                src={screenshotUrl(editing.id, screenshot, 'thumb')}
                alt={t('press.screenshotAlt', { outlet: editing.outlet })}
                width={screenshot.thumbWidth}
                height={screenshot.thumbHeight}
              />
            </p>
          )}
          <ImageFileField
            name="screenshot"
            label={screenshot ? 'press.screenshotReplace' : 'press.screenshotFile'}
            hint="press.screenshotHint"
            maxBytes={SCREENSHOT_MAX_BYTES}
            state={state}
          />
          {screenshot && <Checkbox name="remove_screenshot" label="press.screenshotRemove" state={state} />}
        </fieldset>
        <Submit label={editing ? 'form.save' : 'press.add'} />
      </Form>
    </div>
  );
}
