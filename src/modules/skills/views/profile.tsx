// A respondent's own profile against their role: the level needed, the level they gave, and the
// gap, per competence; the competences with a gap as a chart, each with its trainings.
import { BarChart } from '../../../ui/components/charts.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { PersonalGap } from '../analysis.ts';
import { type Framework, shown } from '../frameworks/access.ts';
import type { Survey } from '../surveys.ts';
import { levelLabel, Shown } from './frameworks.tsx';
import { trainingsHref } from './results.tsx';

export function OwnProfileView(props: {
  survey: Survey;
  framework: Framework;
  role: string | null;
  gaps: PersonalGap[];
}) {
  const { t, fmt, locale } = usePage();
  const byId = new Map(props.framework.competences.map((c) => [c.id, c]));
  const role = props.framework.roles.find((r) => r.code === props.role);
  const withGap = props.gaps.filter((g) => (g.gap ?? 0) > 0).sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0));
  return (
    <article class="wrap">
      <p class="muted" lang={props.survey.lang}>
        {props.survey.title}
      </p>
      <h1>{t('skills.ownProfile')}</h1>
      <p class="notice">{t('skills.thanks')}</p>
      {role && <p>{t('skills.ownRole', { role: shown(role, locale).text })}</p>}
      {withGap.length > 0 && (
        <BarChart
          id="gaps"
          title={t('skills.ownGaps')}
          rows={withGap.map((g) => {
            const c = byId.get(g.competenceId);
            return { label: c ? `${c.code} ${shown(c, locale).text}` : '', value: g.gap ?? 0 };
          })}
          labelHeading={t('skills.competence')}
          countHeading={t('skills.gap')}
        />
      )}
      <div class="table-scroll">
        <table>
          <caption>{t('skills.ownTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skills.competence')}</th>
              <th scope="col">{t('skills.levelNeeded')}</th>
              <th scope="col">{t('skills.yourLevel')}</th>
              <th scope="col">{t('skills.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {props.gaps.map((g) => {
              const c = byId.get(g.competenceId);
              if (!c) return null;
              return (
                <tr>
                  <th scope="row">
                    <Shown record={c} code={c.code} />
                  </th>
                  <td>{g.needed === null ? '–' : levelLabel(t, g.needed)}</td>
                  <td>{g.level === null ? '–' : levelLabel(t, g.level)}</td>
                  <td>
                    {g.gap === null ? '–' : fmt.number(g.gap)}
                    {(g.gap ?? 0) > 0 && (
                      <>
                        {' '}
                        <a href={trainingsHref(c.title)}>{t('skills.trainings')}</a>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}
