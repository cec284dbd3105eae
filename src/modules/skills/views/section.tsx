// One section of a survey on its own page: about the respondent, the competences of one area
// (importance 1–5 and level 0–8 of each), or the scenarios; questions imported from an XLSForm
// are shown by the questionnaire engine. A plain form: it posts and moves to the next section.
import type { MessageKey } from '../../../platform/i18n.ts';
import { answerName, localised, QuestionFields } from '../../../platform/questionnaires/index.ts';
import { assetUrl } from '../../../ui/assets.ts';
import {
  Field,
  Form,
  type FormState,
  RadioGroup,
  SelectField,
  Submit,
} from '../../../ui/components/form.tsx';
import { domainOptions, genderOptions, organisationKindOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { Framework } from '../frameworks/access.ts';
import { shown } from '../frameworks/access.ts';
import type { Survey, SurveyQuestion } from '../surveys.ts';
import { ABILITY_CHOICES, AGE_BANDS, IMPORTANCE_MAX, IMPORTANCE_MIN } from '../vocab.ts';
import { levelLabel, Shown } from './frameworks.tsx';

function ProfileQuestion(props: { q: SurveyQuestion; framework: Framework; state: FormState }) {
  const page = usePage();
  const { t, fmt, locale } = page;
  const { q, state } = props;
  const name = answerName(q);
  const label = `skills.profile.${q.field}` as MessageKey;
  if (q.field === 'province') return <Field name={name} label={label} state={state} />;
  // Every other profile question is a choice: its options, what "nothing chosen" says, and whether
  // the browser asks for it (the role and the country; the rest may be left unstated).
  const choice = (() => {
    switch (q.field) {
      case 'role':
        return {
          options: props.framework.roles.map((r) => ({ value: r.code, label: shown(r, locale).text })),
          asked: true,
        };
      case 'country':
        return { options: q.choices.map((c) => ({ value: c, label: fmt.country(c) })), asked: true };
      case 'domain':
        return { options: domainOptions(page) };
      case 'org_kind':
        return { options: organisationKindOptions(page) };
      case 'age_band':
        return {
          options: AGE_BANDS.map((a) => ({ value: a, label: t(`skills.ageBand.${a}` as MessageKey) })),
        };
      case 'gender':
        return { options: genderOptions(page), blank: 'skills.notStated' as const };
      default:
        return null;
    }
  })();
  if (!choice) return null;
  return (
    <SelectField
      name={name}
      label={label}
      blank={choice.blank ?? 'skills.choose'}
      options={choice.options}
      state={state}
      required={choice.asked ? q.required : undefined}
    />
  );
}

function CompetenceQuestions(props: { framework: Framework; questions: SurveyQuestion[]; state: FormState }) {
  const { t } = usePage();
  const competences = props.framework.competences.filter((c) =>
    props.questions.some((q) => q.competenceId === c.id),
  );
  const importance = Array.from({ length: IMPORTANCE_MAX - IMPORTANCE_MIN + 1 }, (_, i) => ({
    value: String(i + IMPORTANCE_MIN),
    label: t(`skills.importance.${i + IMPORTANCE_MIN}` as MessageKey),
  }));
  const levels = ABILITY_CHOICES.map((v) => ({ value: v, label: levelLabel(t, Number(v)) }));
  return (
    <>
      {competences.map((c) => {
        const imp = props.questions.find((q) => q.competenceId === c.id && q.measure === 'importance');
        const abl = props.questions.find((q) => q.competenceId === c.id && q.measure === 'ability');
        return (
          <fieldset class="competence">
            <legend>
              <Shown record={c} code={c.code} />
            </legend>
            {imp && (
              <RadioGroup
                name={answerName(imp)}
                label="skills.importanceQuestion"
                options={importance}
                state={props.state}
                required={imp.required}
              />
            )}
            {abl && (
              <SelectField
                name={answerName(abl)}
                label="skills.levelQuestion"
                blank="skills.choose"
                options={levels}
                state={props.state}
                required={abl.required}
              />
            )}
          </fieldset>
        );
      })}
    </>
  );
}

function ScenarioQuestion(props: { q: SurveyQuestion; state: FormState }) {
  const { locale } = usePage();
  const shownQ = localised(props.q, locale);
  return (
    <RadioGroup
      name={answerName(props.q)}
      label={{ text: shownQ.label, lang: shownQ.lang }}
      options={shownQ.choices.map((ch) => ({ value: ch.value, label: ch.label, lang: shownQ.lang }))}
      state={props.state}
    />
  );
}

export function SectionView(props: {
  survey: Survey;
  framework: Framework;
  token: string;
  section: number;
  sections: number[];
  questions: SurveyQuestion[];
  state: FormState;
}) {
  const page = usePage();
  const { t } = page;
  const { survey, section, sections, questions } = props;
  const at = sections.indexOf(section);
  const last = at === sections.length - 1;
  const here = questions.filter((q) => q.section === section && !q.hidden);
  const area = props.framework.areas.find((a) =>
    here.some((q) => a.competences.some((c) => c.id === q.competenceId)),
  );
  const heading =
    section === 0 ? t('skills.aboutYou') : area ? <Shown record={area} /> : t('skills.moreQuestions');
  const custom = here.filter((q) => q.measure === 'custom');
  return (
    <div class="wrap narrow">
      <p class="muted" lang={survey.lang}>
        {survey.title}
      </p>
      <h1>{heading}</h1>
      <p class="muted">{t('skills.sectionOf', { at: at + 1, count: sections.length })}</p>
      {section === 0 && survey.intro && <p lang={survey.lang}>{survey.intro}</p>}
      <p class="hint">
        {t('skills.resumeHint')} <a href={`/skills/r/${props.token}`}>{t('skills.resumeLink')}</a>
      </p>
      <Form action={`/skills/r/${props.token}/${section}`} state={props.state} id="skills-section">
        {here
          .filter((q) => q.measure === 'profile')
          .map((q) => (
            <ProfileQuestion q={q} framework={props.framework} state={props.state} />
          ))}
        <CompetenceQuestions
          framework={props.framework}
          questions={here.filter((q) => q.competenceId !== null)}
          state={props.state}
        />
        {here
          .filter((q) => q.measure === 'scenario')
          .map((q) => (
            <ScenarioQuestion q={q} state={props.state} />
          ))}
        {custom.length > 0 && <QuestionFields questions={custom} state={props.state} />}
        {last && <input type="hidden" name="submit" value="1" />}
        <Submit label={last ? 'skills.submit' : 'skills.saveNext'} />
      </Form>
      <p id="skills-offline-status" role="status" class="hint" />
      <div
        id="skills-offline"
        hidden
        data-sw="/skills/offline-sw.js"
        data-next={last ? undefined : `/skills/r/${props.token}/${sections[at + 1]}`}
        data-kept={t('skills.offlineKept')}
        data-sent={t('skills.offlineSent')}
      />
      <script type="module" src={assetUrl('skills-offline.js')} nonce={page.nonce} />
      {at > 0 && (
        <p>
          <a href={`/skills/r/${props.token}/${sections[at - 1]}`}>{t('skills.previous')}</a>
        </p>
      )}
    </div>
  );
}
