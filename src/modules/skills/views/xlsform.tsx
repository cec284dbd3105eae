// Importing an XLSForm: the form (the file, who runs the survey, its framework), and after the
// import the list of what the form had that could not become part of the survey.
import type { MessageKey } from '../../../platform/i18n.ts';
import { Field, FileField, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { OwnerOption, Survey } from '../surveys.ts';
import type { XlsProblem } from '../xlsform/format.ts';

export function XlsFormImportView(props: {
  state: FormState;
  owners: OwnerOption[];
  frameworks: { slug: string; title: string }[];
}) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <Breadcrumb trail={[{ href: '/skills', label: t('skills.title') }]} />
      <h1>{t('skills.xlsform.import')}</h1>
      <p>{t('skills.xlsform.intro')}</p>
      {props.owners.length === 0 ? (
        <p class="notice">{t('skills.noOwners')}</p>
      ) : (
        <Form action="/skills/surveys/import" state={props.state} enctype="multipart/form-data" requiredNote>
          <FileField name="file" label="skills.xlsform.file" accept=".xlsx" state={props.state} required />
          <Field
            name="title"
            label="skills.xlsform.title"
            hint="skills.xlsform.titleHint"
            state={props.state}
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
          <Submit label="skills.xlsform.importButton" />
        </Form>
      )}
    </div>
  );
}

export function XlsFormResultView(props: { survey: Survey; problems: XlsProblem[] }) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <h1>{t('skills.xlsform.imported')}</h1>
      <p>
        <a href={`/skills/surveys/${props.survey.slug}`} lang={props.survey.lang}>
          {props.survey.title}
        </a>
      </p>
      {props.problems.length === 0 ? (
        <p class="notice">{t('skills.xlsform.allKept')}</p>
      ) : (
        <section>
          <h2>{t('skills.xlsform.notKept', { count: props.problems.length })}</h2>
          <ul>
            {props.problems.map((p) => (
              <li>
                {t(`skills.xlsform.problem.${p.kind}` as MessageKey, { row: p.row })} <code>{p.detail}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
