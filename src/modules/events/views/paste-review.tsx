// A pasted agenda as read, for review before it is saved: the items and sections as a table, the
// unreadable lines by number, and the button that saves when every line was read.
import { fieldValue } from '../../../platform/http/forms.ts';
import { CsrfField, type FormState, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { LineProblem, ParsedAgenda, ParsedItem } from '../agenda-text.ts';

const PROBLEM_KEYS: Record<
  LineProblem,
  'events.lineNoTime' | 'events.lineBadTime' | 'events.endBeforeStart' | 'events.lineNoTitle'
> = {
  noTime: 'events.lineNoTime',
  badTime: 'events.lineBadTime',
  endBeforeStart: 'events.endBeforeStart',
  noTitle: 'events.lineNoTitle',
};

function ReviewRows({ items }: { items: ParsedItem[] }) {
  const { t } = usePage();
  return (
    <>
      {items.map((item) => (
        <tr>
          <td>{item.line}</td>
          <td>
            {item.start}
            {item.end ? `–${item.end}` : ''}
          </td>
          <td>{item.title}</td>
          <td>{t(`events.kind.${item.kind}`)}</td>
          <td>
            {item.people
              .map(
                (p) =>
                  `${p.name}${p.affiliation ? `, ${p.affiliation}` : ''} (${t(`events.role.${p.role}`, { count: 1 })})`,
              )
              .join('; ')}
          </td>
        </tr>
      ))}
    </>
  );
}

/** The parsed lines as a table, the unreadable lines by number, and the button that saves. */
export function PasteReview({
  review,
  state,
  event,
}: {
  review: ParsedAgenda;
  state: FormState;
  event: EventDetails;
}) {
  const { t } = usePage();
  const count = review.items.length + review.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <section aria-labelledby="review-title" class="stack">
      <h3 id="review-title">{t('events.reviewTitle', { count })}</h3>
      {review.problems.length > 0 && (
        <div class="notice error" role="alert">
          <p>{t('events.badLines', { count: review.problems.length })}</p>
          <ul>
            {review.problems.map((p) => (
              <li>
                {t('events.lineNumber', { line: p.line })}: “{p.text}” — {t(PROBLEM_KEYS[p.problem])}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('events.line')}</th>
              <th scope="col">{t('events.time')}</th>
              <th scope="col">{t('events.itemTitle')}</th>
              <th scope="col">{t('events.kindLabel')}</th>
              <th scope="col">{t('events.people')}</th>
            </tr>
          </thead>
          <tbody>
            <ReviewRows items={review.items} />
          </tbody>
          {review.sections.map((s) => (
            <tbody>
              <tr>
                <th scope="rowgroup" colspan={5}>
                  {s.title}
                </th>
              </tr>
              <ReviewRows items={s.items} />
            </tbody>
          ))}
        </table>
      </div>
      {count > 0 && review.problems.length === 0 && (
        <form method="post" action={`/events/${event.slug}/agenda/paste`} class="stack">
          <CsrfField />
          <input type="hidden" name="date" value={fieldValue(state.values, 'date')} />
          <input type="hidden" name="text" value={fieldValue(state.values, 'text')} />
          <input type="hidden" name="confirm" value="1" />
          <Submit label="events.savePasted" />
        </form>
      )}
    </section>
  );
}
