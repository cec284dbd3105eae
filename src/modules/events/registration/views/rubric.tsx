// The organisers' rubric (criteria with their maximum score) and the accounts they ask to review.
import { CsrfField, Field, Form, type FormState, Submit } from '../../../../ui/components/form.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { Criterion, Reviewer } from '../reviews.ts';
import { RegistrationHead } from './parts.tsx';

export interface RubricForms {
  add?: FormState;
  /** A criterion's form shown again with its errors. */
  edit?: { id: number; state: FormState };
  reviewer?: FormState;
}

function CriterionRow({
  event,
  criterion,
  state,
}: {
  event: EventDetails;
  criterion: Criterion;
  state?: FormState;
}) {
  const { t } = usePage();
  const base = `/events/${event.slug}/registration/rubric/${criterion.id}`;
  const values = state ?? { values: { label: criterion.label, max_score: String(criterion.max_score) } };
  return (
    <li class="card">
      <Form action={base} state={values}>
        <Field
          name="label"
          id={`f-label-${criterion.id}`}
          label="registration.criterionLabel"
          state={values}
          required
          maxlength={300}
        />
        <Field
          name="max_score"
          id={`f-max-${criterion.id}`}
          type="number"
          label="registration.maxScore"
          state={values}
          required
        />
        <Submit label="events.save" />
      </Form>
      <form method="post" action={`${base}/delete`} class="inline-form">
        <CsrfField />
        <button type="submit" class="button danger small">
          {t('registration.deleteCriterion')}
          <span class="visually-hidden"> — {criterion.label}</span>
        </button>
      </form>
    </li>
  );
}

export function RubricView(props: {
  event: EventDetails;
  criteria: Criterion[];
  reviewers: Reviewer[];
  forms: RubricForms;
}) {
  const { t } = usePage();
  const { event } = props;
  return (
    <div class="wrap narrow">
      <RegistrationHead event={event} title={t('registration.rubricTitle')} setup="rubric" />
      <p>{t('registration.rubricIntro')}</p>
      <h2>{t('registration.criteriaList')}</h2>
      {props.criteria.length === 0 ? (
        <p class="muted">{t('registration.noCriteria')}</p>
      ) : (
        <ol class="plain stack">
          {props.criteria.map((c) => (
            <CriterionRow
              event={event}
              criterion={c}
              state={props.forms.edit?.id === c.id ? props.forms.edit.state : undefined}
            />
          ))}
        </ol>
      )}
      <h3>{t('registration.addCriterion')}</h3>
      <Form action={`/events/${event.slug}/registration/rubric`} state={props.forms.add} requiredNote>
        <Field
          name="label"
          label="registration.criterionLabel"
          state={props.forms.add}
          required
          maxlength={300}
        />
        <Field
          name="max_score"
          type="number"
          label="registration.maxScore"
          state={props.forms.add}
          required
          initial="5"
        />
        <Submit label="registration.addCriterion" />
      </Form>

      <h2 id="reviewers">{t('registration.reviewers')}</h2>
      <p>{t('registration.reviewersIntro')}</p>
      {props.reviewers.length > 0 && (
        <ul class="plain stack">
          {props.reviewers.map((r) => (
            <li>
              {r.name} <span class="muted">{r.email}</span>{' '}
              <form
                method="post"
                action={`/events/${event.slug}/registration/reviewers/${r.user_id}/delete`}
                class="inline-form"
              >
                <CsrfField />
                <button type="submit" class="button secondary small">
                  {t('registration.removeReviewer')}
                  <span class="visually-hidden"> — {r.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Form action={`/events/${event.slug}/registration/reviewers`} state={props.forms.reviewer}>
        <Field
          name="email"
          type="email"
          label="registration.reviewerEmail"
          hint="registration.reviewerEmailHint"
          state={props.forms.reviewer}
          required
        />
        <Submit label="registration.addReviewer" />
      </Form>
    </div>
  );
}
