// The reviewers' pages: the applications of an event with the balance of the selection, filters,
// sorting and scores; one application with every review, the reviewer's own scoring form and the
// decision.
import { fieldValue } from '../../../platform/http/forms.ts';
import { Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { FormField } from './answers.ts';
import type { Application } from './applications-store.ts';
import type { ListedApplication } from './listing.ts';
import type { Balance, Criterion, Review } from './review-store.ts';
import { type ApplicationFilter, SORTS } from './schemas.ts';
import type { Category } from './settings-store.ts';
import { AnswersView } from './views-application.tsx';
import { AreaField, BalanceView, StatusBadge } from './views-parts.tsx';
import { SetupNav } from './views-setup.tsx';
import { APPLICATIONS_PAGE_SIZE, DECISIONS, REGISTRATION_STATUSES } from './vocab.ts';

function Score({ average, max }: { average: number | null; max: number }) {
  const { fmt, t } = usePage();
  if (average === null) return <span class="muted">{t('registration.notScored')}</span>;
  return (
    <>
      {fmt.number(Math.round(average * 10) / 10)} / {fmt.number(max)}
    </>
  );
}

/** The list's status and order for its exports (every page of it, so no page number). */
function exportQuery(filter: ApplicationFilter): string {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.sort !== 'submitted') query.set('sort', filter.sort);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function ApplicationsView(props: {
  event: EventDetails;
  filter: ApplicationFilter;
  rows: ListedApplication[];
  total: number;
  balance: Balance;
  categories: Category[];
  maxTotal: number;
  mayManage: boolean;
}) {
  const { t, fmt } = usePage();
  const { event, filter } = props;
  const statuses = REGISTRATION_STATUSES.filter((s) => s !== 'draft');
  return (
    <div class="wrap">
      <p class="breadcrumb no-print">
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </p>
      <h1>{t('registration.applicationsTitle', { title: event.title })}</h1>
      {props.mayManage && <SetupNav event={event} current="review" />}
      <h2 id="list-title">{t('registration.applicationsList', { count: props.total })}</h2>
      <form method="get" action={`/events/${event.slug}/applications`} class="filters">
        <div class="field">
          <label for="filter-status">{t('events.statusLabel')}</label>
          <select id="filter-status" name="status">
            <option value="">{t('registration.anyStatus')}</option>
            {statuses.map((s) => (
              <option value={s} selected={filter.status === s}>
                {t(`events.registrationStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-sort">{t('registration.sortBy')}</label>
          <select id="filter-sort" name="sort">
            {SORTS.map((s) => (
              <option value={s} selected={filter.sort === s}>
                {t(`registration.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          {t('list.filter')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p class="muted">{t('registration.noApplicationsYet')}</p>
      ) : (
        <section
          class="table-scroll"
          tabindex={0}
          aria-label={t('registration.applicationsList', { count: props.total })}
        >
          <table class="applications">
            <caption class="visually-hidden">
              {t('registration.applicationsList', { count: props.total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('registration.name')}</th>
                <th scope="col">{t('events.statusLabel')}</th>
                <th scope="col">{t('registration.score')}</th>
                <th scope="col">{t('registration.country')}</th>
                <th scope="col">{t('registration.category')}</th>
                <th scope="col">{t('registration.organisationName')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ application: a, reviews, average }) => (
                <tr>
                  <th scope="row">
                    <a href={`/events/${event.slug}/applications/${a.id}`}>{a.name}</a>
                  </th>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>
                    <Score average={average} max={props.maxTotal} />
                    <span class="muted"> ({t('registration.reviewCount', { count: reviews })})</span>
                  </td>
                  <td>{a.country ? fmt.country(a.country) : ''}</td>
                  <td>{a.categoryLabel ?? ''}</td>
                  <td>{a.organisation_name ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Pagination page={filter.page} pageSize={APPLICATIONS_PAGE_SIZE} total={props.total} />
      {props.total > 0 && (
        <p class="no-print">
          {t('registration.exportApplications')}:{' '}
          <a href={`/events/${event.slug}/applications.csv${exportQuery(filter)}`}>CSV</a> ·{' '}
          <a href={`/events/${event.slug}/applications.xlsx${exportQuery(filter)}`}>XLSX</a>
        </p>
      )}
      <BalanceView balance={props.balance} categories={props.categories} />
    </div>
  );
}

function ReviewsList({ reviews, criteria }: { reviews: Review[]; criteria: Criterion[] }) {
  const { t, fmt } = usePage();
  if (reviews.length === 0) return <p class="muted">{t('registration.noReviews')}</p>;
  return (
    <ul class="plain stack">
      {reviews.map((r) => (
        <li class="card">
          <p class="card-title">{r.reviewer}</p>
          {criteria.length > 0 && (
            <p>
              {criteria
                .map(
                  (c) =>
                    `${c.label}: ${r.scores.has(c.id) ? fmt.number(r.scores.get(c.id)!) : '–'} / ${fmt.number(c.max_score)}`,
                )
                .join(' · ')}
            </p>
          )}
          {r.note && <p class="review-note">{r.note}</p>}
        </li>
      ))}
    </ul>
  );
}

/** A score input labelled with its criterion (a <Field> label is a UI string, this one is the organiser's). */
function ScoreField({ criterion, state }: { criterion: Criterion; state: FormState }) {
  const { t, fmt } = usePage();
  const name = `score_${criterion.id}`;
  const id = `f-${name}`;
  const error = state.errors?.[name];
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {criterion.label}{' '}
        <span class="muted">{t('registration.scoreRange', { max: fmt.number(criterion.max_score) })}</span>
      </label>
      <input
        id={id}
        name={name}
        type="number"
        min={0}
        max={criterion.max_score}
        step={1}
        inputmode="numeric"
        value={fieldValue(state.values, name)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

export interface ReviewForms {
  review: FormState;
  decision: FormState;
}

export function ApplicationReviewView(props: {
  event: EventDetails;
  application: Application;
  fields: FormField[];
  criteria: Criterion[];
  reviews: Review[];
  balance: Balance;
  categories: Category[];
  ownApplication: boolean;
  forms: ReviewForms;
}) {
  const { t, fmt } = usePage();
  const { event, application: a } = props;
  const base = `/events/${event.slug}/applications/${a.id}`;
  return (
    <div class="wrap narrow">
      <p class="breadcrumb no-print">
        <a href={`/events/${event.slug}/applications`}>
          {t('registration.applicationsTitle', { title: event.title })}
        </a>
      </p>
      <h1>{a.name}</h1>
      <p>
        <StatusBadge status={a.status} />{' '}
        {a.submitted_at && (
          <span class="muted">{t('registration.submittedOn', { when: fmt.dateTime(a.submitted_at) })}</span>
        )}
      </p>
      <AnswersView event={event} application={a} fields={props.fields} />
      <h2>{t('registration.reviews')}</h2>
      <ReviewsList reviews={props.reviews} criteria={props.criteria} />
      {props.ownApplication ? (
        <p class="notice warning">{t('registration.ownApplication')}</p>
      ) : (
        <>
          <h2 id="your-review">{t('registration.yourReview')}</h2>
          <Form action={`${base}/review`} state={props.forms.review}>
            {props.criteria.map((c) => (
              <ScoreField criterion={c} state={props.forms.review} />
            ))}
            <AreaField
              name="note"
              label="registration.note"
              state={props.forms.review}
              rows={3}
              maxlength={5000}
            />
            <Submit label="registration.saveReview" />
          </Form>
          <h2 id="decision">{t('registration.decision')}</h2>
          <BalanceView balance={props.balance} categories={props.categories} level={3} />
          <Form action={`${base}/decision`} state={props.forms.decision}>
            <SelectField
              name="decision"
              label="registration.yourDecision"
              state={props.forms.decision}
              options={DECISIONS.map((d) => ({ value: d, label: t(`registration.decide.${d}`) }))}
            />
            <Submit label="registration.recordDecision" />
          </Form>
        </>
      )}
    </div>
  );
}
