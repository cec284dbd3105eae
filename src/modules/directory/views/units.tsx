// The block of the members page where an organisation's owners confirm or decline the organisations
// that named it as their parent: two small forms each, so it works without JavaScript.
import { CsrfField } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';

export function PendingUnitsSection(props: { base: string; units: { slug: string; name: string }[] }) {
  const { t } = usePage();
  if (props.units.length === 0) return null;
  return (
    <section>
      <h2>{t('directory.units.pendingTitle')}</h2>
      <p class="hint">{t('directory.units.pendingIntro')}</p>
      <ul>
        {props.units.map((u) => (
          <li>
            <a href={`/directory/${u.slug}`}>{u.name}</a>{' '}
            <form method="post" action={`${props.base}/units/${u.slug}/confirm`} class="inline-form">
              <CsrfField />
              <button type="submit" class="button small">
                {t('directory.units.confirm')}
                <span class="visually-hidden"> {u.name}</span>
              </button>
            </form>{' '}
            <form method="post" action={`${props.base}/units/${u.slug}/decline`} class="inline-form">
              <CsrfField />
              <button type="submit" class="button secondary small">
                {t('directory.units.decline')}
                <span class="visually-hidden"> {u.name}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
