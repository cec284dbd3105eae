// Directory › People (› a person): above every page of the people directory but the list.
import { Breadcrumb, type Crumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';

export function PeopleBreadcrumb(props: { person?: Crumb | false }) {
  const { t } = usePage();
  return (
    <Breadcrumb
      trail={[
        { href: '/directory', label: t('nav.directory') },
        { href: '/directory/people', label: t('people.title') },
        props.person,
      ]}
    />
  );
}
