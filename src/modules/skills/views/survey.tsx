// The skills home (frameworks, surveys), the form of a new survey, and a survey's page: for its
// managers the status, the answering link and the results; for others the invitation to answer.
import type { MessageKey } from '../../../platform/i18n.ts';
import {
  Field,
  Form,
  type FormState,
  MultiSelectField,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { countryOptions, languageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import { REMIND_AFTER_DAYS } from '../invitations.ts';
import type { OwnerOption, Survey } from '../surveys.ts';

interface SurveyRow {
  slug: string;
  title: string;
  lang: string;
  status: string;
  published: number;
  manager: boolean;
}

export function SkillsHomeView(props: {
  frameworks: { slug: string; title: string; version: string }[];
  surveys: SurveyRow[];
  canStart: boolean;
}) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <h1>{t('skills.title')}</h1>
      <p class="lead">{t('skills.intro')}</p>
      <section>
        <h2>{t('skills.surveys')}</h2>
        {props.canStart && (
          <p>
            <a class="button" href="/skills/surveys/new">
              {t('skills.newSurvey')}
            </a>{' '}
            <a class="button secondary" href="/skills/surveys/import">
              {t('skills.xlsform.import')}
            </a>
          </p>
        )}
        {props.surveys.length === 0 ? (
          <p class="muted">{t('skills.noSurveys')}</p>
        ) : (
          <ul class="stack">
            {props.surveys.map((s) => (
              <li>
                <a href={`/skills/surveys/${s.slug}`} lang={s.lang}>
                  {s.title}
                </a>{' '}
                <span class="muted">{t(`skills.status.${s.status}` as MessageKey)}</span>
                {s.published === 1 && (
                  <>
                    {' · '}
                    <a href={`/skills/surveys/${s.slug}/summary`}>{t('skills.summary')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('skills.frameworks')}</h2>
        <ul>
          {props.frameworks.map((f) => (
            <li>
              <a href={`/skills/frameworks/${f.slug}`} lang="en">
                {f.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function SurveyFormView(props: {
  state: FormState;
  owners: OwnerOption[];
  frameworks: { slug: string; title: string }[];
}) {
  const page = usePage();
  const { t } = page;
  return (
    <div class="wrap">
      <Breadcrumb trail={[{ href: '/skills', label: t('skills.title') }]} />
      <h1>{t('skills.newSurvey')}</h1>
      {props.owners.length === 0 ? (
        <p class="notice">{t('skills.noOwners')}</p>
      ) : (
        <Form action="/skills/surveys/new" state={props.state} requiredNote>
          <Field name="title" label="skills.surveyTitle" state={props.state} required />
          <SelectField
            name="lang"
            label="field.language"
            options={languageOptions(page)}
            state={props.state}
            required
          />
          <SelectField
            name="owner"
            label="skills.owner"
            options={props.owners.map((o) => ({ value: `${o.kind}:${o.id}`, label: o.name }))}
            state={props.state}
            required
          />
          <SelectField
            name="framework"
            label="skills.framework"
            options={props.frameworks.map((f) => ({ value: f.slug, label: f.title, lang: 'en' }))}
            state={props.state}
            required
          />
          <MultiSelectField
            name="countries"
            label="skills.countries"
            hint="skills.countriesHint"
            options={countryOptions(page)}
            state={props.state}
          />
          <TextArea name="intro" label="skills.surveyIntro" state={props.state} rows={4} />
          <Submit label="skills.createSurvey" />
        </Form>
      )}
    </div>
  );
}

export function SurveyView(props: {
  survey: Survey;
  owner: string;
  manager: boolean;
  counts: { started: number; submitted: number };
  /** The groups the manager may invite. */
  groups: { id: number; name: string }[];
  /** The survey's link, to send to anyone. */
  link: string;
}) {
  const { t, csrfToken } = usePage();
  const s = props.survey;
  const post = (action: string, field: string, value: string, label: MessageKey, secondary = false) => (
    <form method="post" action={`/skills/surveys/${s.slug}/${action}`} class="inline-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name={field} value={value} />
      <button type="submit" class={secondary ? 'button secondary' : 'button'}>
        {t(label)}
      </button>
    </form>
  );
  return (
    <article class="wrap">
      <Breadcrumb trail={[{ href: '/skills', label: t('skills.title') }]} />
      <h1 lang={s.lang}>{s.title}</h1>
      <p class="muted">
        {props.owner} · {t(`skills.status.${s.status}` as MessageKey)}
      </p>
      {s.intro && (
        <p lang={s.lang} class="lead">
          {s.intro}
        </p>
      )}
      {s.status === 'open' && (
        <form method="post" action={`/skills/surveys/${s.slug}/start`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button">
            {t('skills.start')}
          </button>
          <p class="hint">{t('skills.startHint')}</p>
        </form>
      )}
      {s.status === 'closed' && <p class="notice">{t('skills.closedNotice')}</p>}
      {props.manager && (
        <section>
          <h2>{t('skills.manage')}</h2>
          <p>{t('skills.counts', props.counts)}</p>
          <div class="actions">
            {s.status === 'draft' && post('status', 'status', 'open', 'skills.open')}
            {s.status === 'open' && post('status', 'status', 'closed', 'skills.close', true)}
            {post(
              'publish',
              'published',
              s.published ? '' : '1',
              s.published ? 'skills.unpublish' : 'skills.publish',
              true,
            )}
          </div>
          {s.status === 'open' && (
            <>
              <p>
                {t('skills.inviteByLink')} <code>{props.link}</code>
              </p>
              {props.groups.length > 0 && (
                <form method="post" action={`/skills/surveys/${s.slug}/invite`} class="stack">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <label for="invite-group">{t('skills.inviteGroup')}</label>
                  <select id="invite-group" name="group">
                    {props.groups.map((g) => (
                      <option value={String(g.id)}>{g.name}</option>
                    ))}
                  </select>
                  <p class="hint">{t('skills.inviteHint', { days: REMIND_AFTER_DAYS })}</p>
                  <button type="submit" class="button secondary">
                    {t('skills.invite')}
                  </button>
                </form>
              )}
            </>
          )}
          <p>
            <a href={`/skills/surveys/${s.slug}/results`}>{t('skills.results')}</a>
            {' · '}
            <a href={`/skills/surveys/${s.slug}/answers.csv`}>{t('skills.rawAnswers')}</a>
            {' · '}
            <a href={`/skills/surveys/${s.slug}/xlsform.xlsx`}>{t('skills.xlsform.export')}</a>
          </p>
        </section>
      )}
      {s.published === 1 && (
        <p>
          <a href={`/skills/surveys/${s.slug}/summary`}>{t('skills.summary')}</a>
        </p>
      )}
    </article>
  );
}
