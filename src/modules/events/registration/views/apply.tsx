// The application (or registration) form: what the event asks for and until when, the standard
// fields every application has, the organiser's questions, and two buttons — save the draft on
// the server, or send it. Shown again with everything typed when something is wrong.
import type { MessageKey } from '../../../../platform/i18n.ts';
import { renderMarkdown } from '../../../../platform/markdown.ts';
import { type FileAnswer, type Question, QuestionFields } from '../../../../platform/questionnaires/index.ts';
import { Checkbox, Field, Form, type FormState, SelectField } from '../../../../ui/components/form.tsx';
import { countryOptions, genderOptions, organisationKindOptions } from '../../../../ui/options.ts';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { RegistrationSettings } from '../access.ts';
import { inEventZone, RegistrationHead } from './parts.tsx';

export interface ApplyPageProps {
  event: EventDetails;
  settings: RegistrationSettings;
  closesAt: string;
  questions: Question[];
  files: ReadonlyMap<number, FileAnswer>;
  organisations: { id: number; name: string }[];
  state: FormState;
  /** When the draft was last saved on the server. */
  draftSavedAt: string | null;
}

/** What the event asks of applicants: the mode, places, deadline and the selection criteria. */
export function RegistrationTerms(props: {
  event: EventDetails;
  settings: RegistrationSettings;
  closesAt: string;
}) {
  const { t, fmt, locale } = usePage();
  const { settings, event } = props;
  return (
    <>
      <dl class="facts">
        <dt>{t('registration.mode')}</dt>
        <dd>{t(`events.mode.${settings.mode}`)}</dd>
        {settings.capacity !== null && (
          <>
            <dt>{t('registration.capacity')}</dt>
            <dd>{fmt.number(settings.capacity)}</dd>
          </>
        )}
        <dt>{t('registration.closes')}</dt>
        <dd>
          <time datetime={props.closesAt}>{inEventZone(locale, props.closesAt, event.time_zone)}</time>
        </dd>
      </dl>
      {settings.criteria && (
        <section aria-labelledby="criteria-title">
          <h2 id="criteria-title">{t('registration.criteria')}</h2>
          <div
            class="prose"
            lang={event.lang}
            // Markdown rendered by marked and cleaned by sanitize-html (platform/markdown.ts).
            dangerouslySetInnerHTML={{ __html: renderMarkdown(settings.criteria) }}
          />
        </section>
      )}
    </>
  );
}

function StandardFields(props: ApplyPageProps) {
  const page = usePage();
  const { t } = page;
  const { state } = props;
  return (
    <fieldset>
      <legend>{t('registration.aboutYou')}</legend>
      <Field
        name="name"
        label="registration.name"
        hint="registration.nameHint"
        state={state}
        required
        maxlength={200}
        autocomplete="name"
      />
      {props.organisations.length > 0 && (
        <SelectField
          name="organisation_id"
          label="registration.directoryOrganisation"
          state={state}
          blank="registration.otherOrganisation"
          options={props.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        />
      )}
      <Field
        name="organisation_name"
        label="registration.organisationName"
        hint={props.organisations.length > 0 ? 'registration.organisationNameHint' : undefined}
        state={state}
        maxlength={300}
        autocomplete="organization"
      />
      <SelectField
        name="organisation_kind"
        label="registration.organisationKind"
        state={state}
        blank="registration.noKind"
        options={organisationKindOptions(page)}
      />
      <SelectField
        name="country"
        label="registration.country"
        hint="registration.countryHint"
        state={state}
        required
        blank="registration.chooseCountry"
        options={countryOptions(page)}
      />
      {props.settings.categories.length > 0 && (
        <SelectField
          name="category_id"
          label="registration.category"
          hint="registration.categoryHint"
          state={state}
          required
          blank="registration.chooseCategory"
          options={props.settings.categories.map((c) => ({ value: String(c.id), label: c.label }))}
        />
      )}
      <SelectField
        name="gender"
        label="registration.gender"
        hint="registration.genderHint"
        state={state}
        blank="registration.genderNotStated"
        options={genderOptions(page)}
      />
      <Checkbox
        name="networking_consent"
        label="registration.networkingConsent"
        hint="registration.networkingConsentHint"
        state={state}
      />
    </fieldset>
  );
}

export function ApplyView(props: ApplyPageProps) {
  const { t, fmt } = usePage();
  const { event, settings } = props;
  const asked = props.questions.some((q) => !q.hidden);
  const open = settings.mode !== 'application';
  return (
    <div class="wrap narrow">
      <RegistrationHead
        event={event}
        title={t(open ? 'registration.registerTitle' : 'registration.applyTitle', { title: event.title })}
      />
      <RegistrationTerms event={event} settings={settings} closesAt={props.closesAt} />
      {props.draftSavedAt && (
        <p class="notice">{t('registration.draftSavedAt', { when: fmt.dateTime(props.draftSavedAt) })}</p>
      )}
      <Form
        action={`/events/${event.slug}/apply`}
        state={props.state}
        requiredNote
        enctype="multipart/form-data"
        class="stack application-form"
      >
        <StandardFields {...props} />
        {asked && (
          <fieldset>
            <legend>{t('registration.questions')}</legend>
            <QuestionFields questions={props.questions} state={props.state} files={props.files} />
          </fieldset>
        )}
        <p class="hint">{t(open ? 'registration.submitHintOpen' : 'registration.submitHint')}</p>
        <div class="actions">
          <button type="submit" class="button" name="intent" value="submit">
            {t(open ? 'registration.submitRegistration' : 'registration.submitApplication')}
          </button>
          {/* formnovalidate: a draft is saved however incomplete; the server checks on submit. */}
          <button type="submit" class="button secondary" name="intent" value="save" formnovalidate>
            {t('registration.saveDraft')}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** Instead of the form: why the account may not apply now. */
export function ApplyClosedView(props: { event: EventDetails; message: MessageKey }) {
  const { t } = usePage();
  return (
    <div class="wrap narrow">
      <RegistrationHead event={props.event} title={t('registration.cannotApplyTitle')} />
      <p class="notice warning">{t(props.message)}</p>
      <p>
        <a href={`/events/${props.event.slug}`}>{t('events.backToEvent')}</a>
      </p>
    </div>
  );
}
