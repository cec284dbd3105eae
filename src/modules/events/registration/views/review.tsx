// The reviewers' pages: the applications of an event with the balance of the selection, filters,
// sorting and scores; one application with every review, the reviewer's own scoring form and the
// decision.
import type { Question } from '../../../../platform/questionnaires/index.ts';
import { activeFilters, FilterPanel, FilterSelect } from '../../../../ui/components/filters.tsx';
import {
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../../ui/components/form.tsx';
import { DownloadLinks } from '../../../../ui/components/list-tools.tsx';
import { Pagination } from '../../../../ui/components/pagination.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { Category } from '../access.ts';
import type { Application } from '../applications.ts';
import type { ListedApplication } from '../listing.ts';
import type { Balance, Criterion, Review } from '../reviews.ts';
import { type ApplicationFilter, filterQuery, SORTS } from '../schemas.ts';
import { APPLICATIONS_PAGE_SIZE, DECISIONS, REGISTRATION_STATUSES } from '../vocab.ts';
import { AnswersView } from './application.tsx';
import { BalanceView, RegistrationHead, StatusBadge } from './parts.tsx';

function Score({ average, max }: { average: number | null; max: number }) {
  const { fmt, t } = usePage();
  if (average === null) return <span class="muted">{t('registration.notScored')}</span>;
  return (
    <>
      {fmt.number(Math.round(average * 10) / 10)} / {fmt.number(max)}
    </>
  );
}

/** The status and the order, in the URL: the list is a link of its own, and so are its exports. */
function Filters({ event, filter }: { event: EventDetails; filter: ApplicationFilter }) {
  const { t } = usePage();
  return (
    <FilterPanel
      action={`/events/${event.slug}/applications`}
      active={activeFilters({ status: filter.status })}
    >
      <FilterSelect
        name="status"
        label={t('events.statusLabel')}
        value={filter.status}
        any={t('registration.anyStatus')}
        options={REGISTRATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({
          value: s,
          label: t(`events.registrationStatus.${s}`),
        }))}
      />
      <FilterSelect
        name="sort"
        label={t('registration.sortBy')}
        value={filter.sort === 'submitted' ? undefined : filter.sort}
        any={t('registration.sort.submitted')}
        options={SORTS.filter((s) => s !== 'submitted').map((s) => ({
          value: s,
          label: t(`registration.sort.${s}`),
        }))}
      />
    </FilterPanel>
  );
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
  return (
    <div class="wrap">
      <RegistrationHead
        event={event}
        title={t('registration.applicationsTitle', { title: event.title })}
        setup={props.mayManage && 'review'}
      />
      <h2 id="list-title">{t('registration.applicationsList', { count: props.total })}</h2>
      <Filters event={event} filter={filter} />
      {props.total > 0 && (
        <p class="no-print">
          <DownloadLinks base={`/events/${event.slug}/applications`} query={filterQuery(filter)} />
        </p>
      )}
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

/** A score from 0 to the criterion's maximum, labelled with the criterion (the organiser's words). */
function ScoreField({ criterion, state }: { criterion: Criterion; state: FormState }) {
  const { t, fmt } = usePage();
  return (
    <Field
      name={`score_${criterion.id}`}
      type="number"
      inputmode="numeric"
      label={{ text: criterion.label }}
      hint={{ text: t('registration.scoreRange', { max: fmt.number(criterion.max_score) }) }}
      state={state}
    />
  );
}

export interface ReviewForms {
  review: FormState;
  decision: FormState;
}

export function ApplicationReviewView(props: {
  event: EventDetails;
  application: Application;
  questions: Question[];
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
      <RegistrationHead
        event={event}
        title={a.name}
        back={{
          href: `/events/${event.slug}/applications`,
          label: t('registration.applicationsTitle', { title: event.title }),
        }}
      />
      <p>
        <StatusBadge status={a.status} />{' '}
        {a.submitted_at && (
          <span class="muted">{t('registration.submittedOn', { when: fmt.dateTime(a.submitted_at) })}</span>
        )}
      </p>
      <AnswersView event={event} application={a} questions={props.questions} />
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
            <TextArea
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
