// Curated collections: the list (with its spreadsheet), one collection with its documents in order
// and the link to report it, and the editors' form (the documents as one address name per line, in
// the order the collection shows them).
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { Field, Form, type FormState, Submit, TextArea } from '../../../ui/components/form.tsx';
import { DownloadLinks, FormatLinks } from '../../../ui/components/list-tools.tsx';
import { ButtonLinks, PageHead } from '../../../ui/components/page-head.tsx';
import { WrittenInField } from '../../../ui/components/record-fields.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Collection, DocumentDetails } from '../access.ts';
import type { CollectionSummary } from '../listing.ts';
import { DOCUMENT_LANGUAGES } from '../vocab.ts';
import { CITATIONS, DocumentList, LibraryBreadcrumb, Prose } from './parts.tsx';

export function CollectionsView(props: { collections: CollectionSummary[]; canEdit: boolean }) {
  const { t } = usePage();
  return (
    <div class="wrap library-collections">
      <LibraryBreadcrumb />
      <PageHead title={t('library.collections')}>
        <ButtonLinks
          links={[props.canEdit && { href: '/library/collections/new', label: t('library.addCollection') }]}
        />
      </PageHead>
      <p class="lead">{t('library.collectionsIntro')}</p>
      <p class="view-switch">
        <DownloadLinks base="/library/collections/export" />
      </p>
      {props.collections.length === 0 ? (
        <p class="notice">{t('list.empty')}</p>
      ) : (
        <ul class="plain stack">
          {props.collections.map((c) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/library/collections/${c.slug}`} lang={c.lang}>
                  {c.title}
                </a>
              </h2>
              <p class="muted">{t('library.documentCount', { count: c.count })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CollectionView(props: {
  collection: Collection;
  documents: DocumentDetails[];
  canEdit: boolean;
}) {
  const { t } = usePage();
  const { collection } = props;
  return (
    <article class="wrap library-collection">
      <LibraryBreadcrumb collections />
      <PageHead title={collection.title} lang={collection.lang}>
        <ButtonLinks
          links={[
            props.canEdit && {
              href: `/library/collections/${collection.slug}/edit`,
              label: t('library.editCollection'),
              secondary: true,
            },
          ]}
        />
      </PageHead>
      {collection.description && <Prose markdown={collection.description} lang={collection.lang} />}
      <p class="view-switch">
        <FormatLinks
          label={t('library.exportList')}
          base={`/library/collections/${collection.slug}/export`}
          formats={CITATIONS}
        />
      </p>
      <DocumentList docs={props.documents} ordered empty={<p class="notice">{t('list.empty')}</p>} />
      <ReportLink type="document-collection" recordKey={collection.slug} />
      {props.canEdit && (
        <DangerZone
          summary={t('library.deleteCollection')}
          action={`/library/collections/${collection.slug}/delete`}
          warning={t('library.deleteCollectionWarning', { title: collection.title })}
          confirm={t('library.deleteConfirm')}
        />
      )}
    </article>
  );
}

export function CollectionFormView(props: { action: string; state: FormState; editing?: Collection }) {
  const { t } = usePage();
  const { state } = props;
  return (
    <div class="wrap">
      <LibraryBreadcrumb collections />
      <h1>{props.editing ? t('library.editCollection') : t('library.addCollection')}</h1>
      <Form action={props.action} state={state} requiredNote>
        <Field name="title" label="library.titleField" required maxlength={300} state={state} />
        <WrittenInField label="library.writtenIn" state={state} languages={DOCUMENT_LANGUAGES} />
        <TextArea
          name="description"
          label="library.collectionDescription"
          rows={5}
          maxlength={20000}
          state={state}
        />
        <TextArea
          name="documents"
          label="library.collectionDocuments"
          hint="library.collectionDocumentsHint"
          rows={8}
          state={state}
        />
        <Submit label={props.editing ? 'form.save' : 'library.addCollection'} />
      </Form>
    </div>
  );
}
