// The form to add or edit a measure. Shown again with every value kept and a message next to each
// field when something is wrong. Areas are grouped under their goal (the framework as data); the
// partners are rows (three empty ones to fill); bodies and documents one per line.
import {
  Checkbox,
  CheckboxGroup,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { countryOptions, domainOptions, stageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { MeasureDetails } from '../access.ts';
import {
  areasOfGoal,
  GOALS,
  LIMITS,
  MEASURE_SOURCES,
  MEASURE_STATUSES,
  PARTNER_SECTORS,
  TARGET_GROUPS,
} from '../vocab.ts';

const EMPTY_PARTNER_ROWS = 3;

function PartnerRows({ state }: { state: FormState }) {
  const { t } = usePage();
  const cells = (name: string): string[] => {
    const v = state.values?.[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const names = cells('partner_name');
  const sectors = cells('partner_sector');
  const rows = Math.min(LIMITS.partners, names.length + EMPTY_PARTNER_ROWS);
  const error = state.errors?.partners;
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id="field-partners">
      <legend>{t('policies.partners')}</legend>
      <p class="hint">{t('policies.partnersHint')}</p>
      {Array.from({ length: rows }, (_, i) => (
        <div class="row-fields">
          <div class="field">
            <label for={`partner-name-${i}`}>{t('policies.partnerName', { n: i + 1 })}</label>
            <input id={`partner-name-${i}`} name="partner_name" value={names[i] ?? ''} maxlength={300} />
          </div>
          <div class="field">
            <label for={`partner-sector-${i}`}>{t('policies.partnerSector', { n: i + 1 })}</label>
            <select id={`partner-sector-${i}`} name="partner_sector">
              {PARTNER_SECTORS.map((s) => (
                <option value={s} selected={sectors[i] === s}>
                  {t(`policies.sector.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ))}
      {error && <p class="error">{t(error)}</p>}
    </fieldset>
  );
}

export function MeasureFormView(props: {
  action: string;
  state: FormState;
  editing?: MeasureDetails;
  events?: { slug: string; title: string }[];
}) {
  const page = usePage();
  const { t } = page;
  const { state, editing } = props;
  const codes = <T extends string>(list: readonly T[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}` as never) }));
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/measures', label: t('policies.title') },
          editing && { href: `/measures/${editing.id}`, label: editing.title, lang: editing.lang },
        ]}
      />
      <h1>{editing ? t('policies.editTitle') : t('policies.addTitle')}</h1>
      <Form action={props.action} state={state} requiredNote class="stack measure-form">
        <fieldset>
          <legend>{t('policies.measure')}</legend>
          <Field name="title" label="policies.measureTitle" required maxlength={LIMITS.title} state={state} />
          <WrittenInField label="policies.writtenIn" state={state} />
          <SelectField
            name="country"
            label="policies.country"
            required
            blank="policies.chooseCountry"
            options={countryOptions(page)}
            state={state}
          />
          <Field name="report_year" label="policies.reportYear" type="number" required state={state} />
          <SelectField
            name="status"
            label="policies.status"
            required
            options={codes(MEASURE_STATUSES, 'policies.status')}
            state={state}
          />
          <SelectField
            name="source"
            label="policies.source"
            required
            options={codes(MEASURE_SOURCES, 'policies.source')}
            state={state}
          />
          <TextArea
            name="implementing_bodies"
            label="policies.implementingBodies"
            hint="policies.implementingBodiesHint"
            rows={3}
            state={state}
          />
          <TextArea
            name="description"
            label="policies.description"
            rows={6}
            maxlength={LIMITS.text}
            state={state}
          />
          <TextArea
            name="main_features"
            label="policies.mainFeatures"
            rows={4}
            maxlength={LIMITS.text}
            state={state}
          />
          <TextArea
            name="expected_results"
            label="policies.expectedResults"
            rows={3}
            maxlength={LIMITS.text}
            state={state}
          />
          <TextArea
            name="achieved_results"
            label="policies.achievedResults"
            rows={3}
            maxlength={LIMITS.text}
            state={state}
          />
          <Field name="website" label="policies.website" type="url" maxlength={1000} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('policies.budget')}</legend>
          <Field name="budget_amount" label="policies.budgetAmount" state={state} />
          <Field
            name="budget_currency"
            label="policies.budgetCurrency"
            hint="policies.budgetCurrencyHint"
            maxlength={3}
            state={state}
          />
          <Field
            name="budget_note"
            label="policies.budgetNote"
            hint="policies.budgetNoteHint"
            maxlength={500}
            state={state}
          />
        </fieldset>
        <PartnerRows state={state} />
        <fieldset>
          <legend>{t('policies.evaluation')}</legend>
          <Checkbox name="evaluated" label="policies.evaluated" state={state} />
          <TextArea
            name="evaluation_findings"
            label="policies.evaluationFindings"
            rows={3}
            maxlength={LIMITS.text}
            state={state}
          />
        </fieldset>
        <fieldset>
          <legend>{t('policies.framework')}</legend>
          <p class="hint">{t('policies.frameworkHint')}</p>
          {GOALS.map((goal) => (
            <CheckboxGroup
              name="areas"
              id={`areas-${goal}`}
              label={{ text: t(`policies.goal.${goal}`) }}
              options={codes(areasOfGoal(goal), 'policies.area')}
              state={state}
            />
          ))}
          <CheckboxGroup
            name="goals"
            label="policies.goalsWithoutArea"
            options={codes(GOALS, 'policies.goal')}
            state={state}
          />
        </fieldset>
        <fieldset>
          <legend>{t('policies.scope')}</legend>
          <CheckboxGroup name="stages" label="policies.stages" options={stageOptions({ t })} state={state} />
          <CheckboxGroup
            name="domains"
            label="policies.domains"
            options={domainOptions({ t })}
            state={state}
          />
          <CheckboxGroup
            name="target_groups"
            label="policies.targetGroups"
            options={codes(TARGET_GROUPS, 'policies.target')}
            state={state}
          />
          <Checkbox name="youth" label="policies.youthFocus" state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('policies.links')}</legend>
          <TextArea
            name="documents"
            label="policies.documents"
            hint="policies.documentsHint"
            rows={3}
            state={state}
          />
          <Field
            name="event"
            label="policies.event"
            hint="policies.eventHint"
            maxlength={300}
            list="measure-events"
            state={state}
          />
          <datalist id="measure-events">
            {(props.events ?? []).map((e) => (
              <option value={e.slug}>{e.title}</option>
            ))}
          </datalist>
        </fieldset>
        <TranslationRows
          state={state}
          hint="policies.translationsHint"
          short={{ field: 'title', label: 'policies.translationRowTitle', maxLength: LIMITS.title }}
          long={{ field: 'description', label: 'policies.translationRowDescription', maxLength: LIMITS.text }}
        />
        <Submit label={editing ? 'form.save' : 'policies.add'} />
      </Form>
    </div>
  );
}
