// On a section's page: its consultation rounds, and the coordinator's form that opens one on the
// section's text as it is now (to every member or to a group, until a closing date).

import type { FormState } from '../../../ui/components/form.tsx';
import { DateField, Field, Form, RadioGroup, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Report } from '../access.ts';
import { reportPath } from '../access.ts';
import { roundPath } from '../consultations.ts';

export function Consultations(props: {
  report: Report;
  section: { code: string; version: number };
  rounds: { id: number; status: string; closes_on: string }[];
  coordinator: boolean;
  state?: FormState;
  form?: string;
}) {
  const { t, fmt } = usePage();
  const { report, section } = props;
  const state = props.form === 'consult' ? props.state : undefined;
  const mayOpen = props.coordinator && report.status === 'draft' && section.version > 0;
  if (!props.rounds.length && !mayOpen) return null;
  return (
    <section>
      <h2>{t('qpr.consultations')}</h2>
      {props.rounds.length > 0 && (
        <ul>
          {props.rounds.map((r) => (
            <li>
              <a href={roundPath(report, r.id)}>
                {r.status === 'open'
                  ? t('qpr.openUntil', { date: fmt.day(r.closes_on) })
                  : t('qpr.roundClosedOn', { date: fmt.day(r.closes_on) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {mayOpen && (
        <Form
          action={`${reportPath(report)}/sections/${section.code}/consultations`}
          state={state}
          class="card stack"
        >
          <p>{t('qpr.consultHint')}</p>
          <RadioGroup
            name="audience"
            label="qpr.audience"
            options={[
              { value: 'everyone', label: t('qpr.audienceEveryone') },
              { value: 'group', label: t('qpr.audienceGroup') },
            ]}
            initial="everyone"
            state={state}
          />
          <Field name="group" label="qpr.group" hint="qpr.groupHint" state={state} />
          <DateField name="closes_on" label="qpr.closesOn" state={state} required />
          <Submit label="qpr.openConsultation" />
        </Form>
      )}
    </section>
  );
}
