// The front page: what this hub is and how to join, the hub in numbers, then the modules' blocks
// (a member's own first), then every module's navigation entry. One column on a phone, a grid on a
// wide screen; no script.
import type { LoadedBlock } from '../../../platform/blocks.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { Figure } from '../figures.ts';

function Figures({ figures }: { figures: Figure[] }) {
  const { t, fmt } = usePage();
  if (!figures.length) return null;
  return (
    <section aria-labelledby="figures-h" class="home-figures">
      <h2 id="figures-h" class="visually-hidden">
        {t('home.figures')}
      </h2>
      <ul class="plain counts">
        {figures.map((f) => (
          <li>
            <a href={f.href}>
              <strong>{fmt.number(f.count)}</strong> {t(f.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomeView(props: { blocks: LoadedBlock[]; figures: Figure[] }) {
  const { t, user, siteName, nav } = usePage();
  return (
    <div class="wrap home">
      <section class="hero">
        <h1>{siteName}</h1>
        <p class="lead">{t('home.lead')}</p>
        {!user && (
          <p class="actions">
            <a class="button" href="/register">
              {t('home.join')}
            </a>
            <a class="button secondary" href="/login">
              {t('layout.logIn')}
            </a>
          </p>
        )}
      </section>
      <Figures figures={props.figures} />
      {props.blocks.length > 0 && <div class="blocks">{props.blocks.map((b) => b.draw())}</div>}
      {nav.length > 0 && (
        <section aria-labelledby="explore-h">
          <h2 id="explore-h">{t('home.explore')}</h2>
          <ul class="grid plain">
            {nav.map((item) => (
              <li class="card">
                <a href={item.href}>{t(item.label)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="about-h" class="card">
        <h2 id="about-h">{t('home.aboutTitle')}</h2>
        <p>{t('home.about')}</p>
      </section>
    </div>
  );
}
