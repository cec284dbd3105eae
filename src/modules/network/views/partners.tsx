// /network/find, "Find a partner": the filters in the URL (a saved search is its address) and the
// first organisations and people the directory's and the people's lists give for them, with the
// way to the whole lists and, for people with an account, to connect.
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import {
  countryOptions,
  domainOptions,
  languageOptions,
  organisationKindOptions,
} from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { PartnerResults } from '../partners.ts';
import type { PartnerFilter } from '../schemas.ts';
import { NetworkTabs } from './parts.tsx';

export function PartnersView({ filter, results }: { filter: PartnerFilter; results: PartnerResults | null }) {
  const page = usePage();
  const { t, user } = page;
  return (
    <div class="wrap stack">
      <PageHead title={t('network.findPartner')} />
      {user && <NetworkTabs current="find" />}
      <p class="hint">{t('network.findIntro')}</p>
      <FilterPanel action="/network/find" active={activeFilters(filter)}>
        <FilterSelect
          name="domain"
          label={t('network.domain')}
          value={filter.domain}
          any={t('network.any')}
          options={domainOptions(page)}
        />
        <FilterSelect
          name="country"
          label={t('network.country')}
          value={filter.country}
          any={t('network.any')}
          options={countryOptions(page)}
        />
        <FilterSelect
          name="kind"
          label={t('network.kind')}
          value={filter.kind}
          any={t('network.any')}
          options={organisationKindOptions(page)}
        />
        <FilterSelect
          name="language"
          label={t('network.language')}
          value={filter.language}
          any={t('network.any')}
          options={languageOptions(page)}
        />
      </FilterPanel>
      {!results ? (
        <p class="notice">{t('network.chooseFilter')}</p>
      ) : (
        <>
          <section aria-labelledby="found-organisations">
            <h2 id="found-organisations">
              {t('network.foundOrganisations', { count: results.organisations.total })}
            </h2>
            <ul class="network-list">
              {results.organisations.cards.map((o) => (
                <li>
                  <a href={`/directory/${o.slug}`}>{o.translatedName ?? o.name}</a>
                  <span class="muted"> · {page.fmt.country(o.country)}</span>
                </li>
              ))}
            </ul>
            {results.organisations.total > results.organisations.cards.length && (
              <p>
                <a href={results.organisationsHref}>{t('network.allOrganisations')}</a>
              </p>
            )}
          </section>
          <section aria-labelledby="found-people">
            <h2 id="found-people">{t('network.foundPeople', { count: results.people.total })}</h2>
            {filter.kind && <p class="hint">{t('network.kindIsForOrganisations')}</p>}
            <ul class="network-list">
              {results.people.cards.map((p) => (
                <li>
                  <a href={`/directory/people/${p.slug}`}>{p.name}</a>
                  {p.country && <span class="muted"> · {page.fmt.country(p.country)}</span>}{' '}
                  {user && p.userId && p.userId !== user.id && (
                    <a class="button small secondary" href={`/network/members/${p.userId}/connect`}>
                      {t('network.connect')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
            {results.people.total > results.people.cards.length && (
              <p>
                <a href={results.peopleHref}>{t('network.allPeople')}</a>
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
