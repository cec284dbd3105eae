// The front page: what this hub is, where to go (every module's navigation entry), how to join.
import { usePage } from '../../../ui/page-context.ts';

export function HomeView() {
  const { t, user, siteName, nav } = usePage();
  return (
    <div class="wrap">
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
