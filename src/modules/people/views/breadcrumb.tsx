// Directory › People (› more): above every page of the people directory but the list.
import type { Child } from 'hono/jsx';
import { usePage } from '../../../ui/page-context.ts';

export function PeopleBreadcrumb(props: { children?: Child }) {
  const { t } = usePage();
  return (
    <p class="breadcrumb">
      <a href="/directory">{t('nav.directory')}</a>
      {' › '}
      <a href="/directory/people">{t('people.title')}</a>
      {props.children}
    </p>
  );
}
