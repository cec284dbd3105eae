// The frameworks: the list, one framework (its areas and competences, levels and role profiles),
// a role profile (the level it needs per competence; a form for admins), and a competence's texts
// (admins).

import { LOCALE_NAMES, LOCALES } from '../../../locales/index.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { Field, Form, type FormState, SelectField, Submit, TextArea } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type Competence, type Framework, type Role, shown } from '../frameworks/access.ts';
import { levelField, trField } from '../schemas.ts';
import { bandOfLevel, LEVEL_MAX, LEVEL_MIN } from '../vocab.ts';

/** A competence's or area's title in the reader's language. */
export function Shown(props: { record: Parameters<typeof shown>[0]; code?: string }) {
  const { locale } = usePage();
  const s = shown(props.record, locale);
  return (
    <span lang={s.lang === locale ? undefined : s.lang}>
      {props.code ? `${props.code} ` : ''}
      {s.text}
    </span>
  );
}

export function levelLabel(t: ReturnType<typeof usePage>['t'], level: number): string {
  if (level <= 0) return t('skills.level.none');
  return t('skills.level.label', { level, band: t(`skills.band.${bandOfLevel(level)}` as MessageKey) });
}

export function FrameworkListView(props: {
  frameworks: { slug: string; title: string; version: string; description: string }[];
}) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <Breadcrumb trail={[{ href: '/skills', label: t('skills.title') }]} />
      <h1>{t('skills.frameworks')}</h1>
      <ul class="stack">
        {props.frameworks.map((f) => (
          <li>
            <a href={`/skills/frameworks/${f.slug}`} lang="en">
              {f.title}
            </a>{' '}
            <span class="muted">{t('skills.version', { version: f.version })}</span>
            <p lang="en">{f.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FrameworkView(props: { framework: Framework; canEdit: boolean }) {
  const { t } = usePage();
  const f = props.framework;
  return (
    <article class="wrap">
      <Breadcrumb
        trail={[
          { href: '/skills', label: t('skills.title') },
          { href: '/skills/frameworks', label: t('skills.frameworks') },
        ]}
      />
      <h1 lang="en">{f.title}</h1>
      <p class="muted">
        {t('skills.version', { version: f.version })}
        {f.base && (
          <>
            {' · '}
            {t('skills.extends')} <a href={`/skills/frameworks/${f.base.slug}`}>{f.base.title}</a>
          </>
        )}
      </p>
      <p lang="en">{f.description}</p>
      {f.source && (
        <p>
          <a href={f.source} rel="noopener">
            {t('skills.source')}
          </a>
        </p>
      )}
      <h2>{t('skills.competences', { count: f.competences.length })}</h2>
      {f.areas.map((area) => (
        <section>
          <h3>
            <Shown record={area} code={area.code} />
          </h3>
          <ul>
            {area.competences.map((c) => (
              <li>
                <Shown record={c} code={c.code} />
                {props.canEdit && (
                  <>
                    {' '}
                    <a href={`/skills/frameworks/${f.slug}/competences/${encodeURIComponent(c.code)}/edit`}>
                      {t('skills.editTexts')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {f.levels.length > 0 && (
        <section>
          <h2>{t('skills.levels')}</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('skills.level')}</th>
                  <th scope="col">{t('skills.description')}</th>
                </tr>
              </thead>
              <tbody>
                {f.levels.map((l) => (
                  <tr>
                    <th scope="row">{levelLabel(t, l.level)}</th>
                    <td lang="en">{l.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {f.roles.length > 0 && (
        <section>
          <h2>{t('skills.roles')}</h2>
          <ul>
            {f.roles.map((r) => (
              <li>
                <a href={`/skills/frameworks/${f.slug}/roles/${r.code}`}>
                  <Shown record={r} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

export function RoleView(props: { framework: Framework; role: Role; canEdit: boolean; state?: FormState }) {
  const { t } = usePage();
  const { framework: f, role } = props;
  const options = Array.from({ length: LEVEL_MAX - LEVEL_MIN + 1 }, (_, i) => ({
    value: String(i + LEVEL_MIN),
    label: levelLabel(t, i + LEVEL_MIN),
  }));
  return (
    <article class="wrap">
      <Breadcrumb
        trail={[
          { href: '/skills', label: t('skills.title') },
          { href: `/skills/frameworks/${f.slug}`, label: f.title, lang: 'en' },
        ]}
      />
      <h1>
        <Shown record={role} />
      </h1>
      <p>{t('skills.roleIntro')}</p>
      {props.canEdit ? (
        <Form action={`/skills/frameworks/${f.slug}/roles/${role.code}`} state={props.state}>
          {f.areas.map((area) => (
            <fieldset>
              <legend>
                <Shown record={area} code={area.code} />
              </legend>
              {area.competences.map((c) => (
                <SelectField
                  name={levelField(c.id)}
                  label={{ text: `${c.code} ${shown(c, 'en').text}` }}
                  options={options}
                  initial={String(role.levels.get(c.id) ?? LEVEL_MIN)}
                  state={props.state}
                  required
                />
              ))}
            </fieldset>
          ))}
          <Submit label="form.save" />
        </Form>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('skills.competence')}</th>
                <th scope="col">{t('skills.levelNeeded')}</th>
              </tr>
            </thead>
            <tbody>
              {f.competences.map((c) => (
                <tr>
                  <th scope="row">
                    <Shown record={c} code={c.code} />
                  </th>
                  <td>{levelLabel(t, role.levels.get(c.id) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

export function CompetenceFormView(props: {
  framework: Framework;
  competence: Competence;
  state: FormState;
}) {
  const { t } = usePage();
  const { framework: f, competence: c } = props;
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/skills', label: t('skills.title') },
          { href: `/skills/frameworks/${f.slug}`, label: f.title, lang: 'en' },
        ]}
      />
      <h1>{t('skills.editCompetence', { code: c.code })}</h1>
      <Form
        action={`/skills/frameworks/${f.slug}/competences/${encodeURIComponent(c.code)}/edit`}
        state={props.state}
        requiredNote
      >
        <Field name="title" label="skills.titleEnglish" state={props.state} required />
        <TextArea name="description" label="skills.descriptionEnglish" state={props.state} rows={3} />
        {LOCALES.filter((l) => l !== 'en').map((lang) => (
          <fieldset>
            <legend>{LOCALE_NAMES[lang]}</legend>
            <Field name={trField(lang, 'title')} label="skills.translatedTitle" state={props.state} />
            <TextArea
              name={trField(lang, 'description')}
              label="skills.translatedDescription"
              state={props.state}
              rows={2}
            />
          </fieldset>
        ))}
        <Submit label="form.save" />
      </Form>
    </div>
  );
}

/** The competence form's values from what is stored. */
export function competenceValues(c: Competence): Record<string, string> {
  const values: Record<string, string> = { title: c.title, description: c.description };
  for (const tr of c.translations) {
    values[trField(tr.lang, 'title')] = tr.title;
    values[trField(tr.lang, 'description')] = tr.description ?? '';
  }
  return values;
}
