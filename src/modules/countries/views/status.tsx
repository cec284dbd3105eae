// A country's status towards the 2005 Convention, in a sentence: a Party since a day (and how), a
// Party whose date no source gave, not a Party, or nothing recorded yet — then its source, note and
// who changed it when.
import type { Selectable } from 'kysely';
import { usePage } from '../../../ui/page-context.ts';
import type { CountryStatusesTable } from '../tables.ts';

type Status = Selectable<CountryStatusesTable>;

/** The status in one short line (the list of countries). */
export function StatusLine({ status }: { status: Status | null }) {
  const { t, fmt } = usePage();
  if (!status) return <>{t('countries.statusUnknown')}</>;
  if (!status.party) return <>{t('countries.notParty')}</>;
  return (
    <>
      {status.party_since
        ? t('countries.partySince', { date: fmt.day(status.party_since) })
        : t('countries.party')}
    </>
  );
}

export function StatusSection(props: {
  status: (Status & { updated_by_name: string | null }) | null;
  editHref?: string;
}) {
  const { t, fmt } = usePage();
  const { status } = props;
  return (
    <section class="card" id="convention" aria-labelledby="convention-h">
      <h2 id="convention-h">{t('countries.conventionTitle')}</h2>
      <p>
        <strong>
          <StatusLine status={status} />
        </strong>
        {status?.party === 1 && status.instrument && <> ({t(`countries.instrument.${status.instrument}`)})</>}
      </p>
      {status?.party === 1 && !status.party_since && <p class="muted">{t('countries.sinceNotGiven')}</p>}
      {status?.note && <p lang={status.note_lang ?? undefined}>{status.note}</p>}
      {status?.source_url && (
        <p>
          <a href={status.source_url} rel="noopener">
            {t('countries.source')}
          </a>
        </p>
      )}
      {status && (
        <p class="muted">
          {status.updated_by_name
            ? t('countries.updatedBy', { name: status.updated_by_name, date: fmt.date(status.updated_at) })
            : t('countries.updatedOn', { date: fmt.date(status.updated_at) })}
        </p>
      )}
      {props.editHref && (
        <p>
          <a href={props.editHref}>{t('countries.editStatus')}</a>
        </p>
      )}
    </section>
  );
}
