// The filters of a list page: a plain GET form, so a filtered list is a shareable address and works
// without JavaScript. The search box (when the list searches words) stays on top; on a phone the
// other filters fold into one line above the results (a <details> whose summary says how many
// filters are on), so the first screen shows results, not a form; on a wide screen the panel is
// open (CSS on ::details-content, see app.css).
import type { Child } from 'hono/jsx';
import type { Option } from '../options.ts';
import { usePage } from '../page-context.ts';

export function FilterPanel(props: {
  action: string;
  /** How many filters narrow the list now (shown on the folded line). */
  active: number;
  /** Where "clear the filters" leads: `action` unless told (the search page keeps the words). */
  clearHref?: string;
  /**
   * The words searched for (`q`): a search box above the folded filters, so a phone shows it
   * without opening anything; it sends the other filters along (they are in the same form).
   */
  search?: { label: string; value: string | undefined; maxlength?: number };
  children: Child;
}) {
  const { t } = usePage();
  return (
    <form method="get" action={props.action} class="list-form">
      {props.search && (
        <search class="list-search">
          <label for="filter-q">{props.search.label}</label>
          <div class="search-row">
            <input
              id="filter-q"
              type="search"
              name="q"
              value={props.search.value ?? ''}
              maxlength={props.search.maxlength ?? 200}
            />
            <button type="submit" class="button">
              {t('list.search')}
            </button>
          </div>
        </search>
      )}
      <details class="filter-panel">
        <summary>
          {t('filter.title')}
          {props.active > 0 && <span class="badge">{t('filter.active', { count: props.active })}</span>}
        </summary>
        <div class="filters">
          {props.children}
          <div class="filter-actions">
            <button type="submit" class="button">
              {t('list.filter')}
            </button>
            {props.active > 0 && <a href={props.clearHref ?? props.action}>{t('filter.clear')}</a>}
          </div>
        </div>
      </details>
    </form>
  );
}

/** One filter as a select: "any" first, then the options; the current value selected. */
export function FilterSelect(props: {
  name: string;
  label: string;
  value: string | undefined;
  /** The label of the empty choice ("Any country"). */
  any: string;
  options: Option[];
}) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One filter as a text, search or date input. */
export function FilterInput(props: {
  name: string;
  label: string;
  value: string | undefined;
  type?: 'text' | 'search' | 'date';
  maxlength?: number;
  /** Wider than the other filters (the search words). */
  wide?: boolean;
}) {
  return (
    <div class={props.wide ? 'field wide' : 'field'}>
      <label for={`filter-${props.name}`}>{props.label}</label>
      <input
        id={`filter-${props.name}`}
        type={props.type ?? 'text'}
        name={props.name}
        value={props.value ?? ''}
        maxlength={props.maxlength}
      />
    </div>
  );
}

/** One filter as a check box ("verified only"), sending "1" (or `value`) when ticked. */
export function FilterCheckbox(props: { name: string; label: string; checked: boolean; value?: string }) {
  return (
    <div class="field checkbox">
      <input
        id={`filter-${props.name}`}
        type="checkbox"
        name={props.name}
        value={props.value ?? '1'}
        checked={props.checked}
      />
      <label for={`filter-${props.name}`}>{props.label}</label>
    </div>
  );
}

/** The number of filters on, for the panel's folded line: every set value but the sort and page. */
export function activeFilters(
  filter: Record<string, unknown>,
  ignore: readonly string[] = ['sort', 'page', 'view'],
) {
  return Object.entries(filter).filter(
    ([key, value]) => !ignore.includes(key) && value !== undefined && value !== null && value !== '',
  ).length;
}
