// Curated collections: the list, one collection with its documents in order, and the editors' form
// (the documents as one address name per line, in the order the collection shows them).
import { type FormValues, fieldValue } from '../../platform/http/forms.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { CsrfField, Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { Collection, CollectionSummary } from './collections.ts';
import type { DocumentDetails } from './store.ts';
import { DocumentCard } from './views-parts.tsx';
import { DOCUMENT_LANGUAGES } from './vocab.ts';

export function CollectionsView(props: { collections: CollectionSummary[]; canEdit: boolean }) {
  const { t } = usePage();
  return (
    <div class="wrap library-collections">
      <p class="breadcrumb">
        <a href="/library">{t('library.title')}</a>
      </p>
      <div class="page-head">
        <h1>{t('library.collections')}</h1>
        {props.canEdit && (
          <a class="button" href="/library/collections/new">
            {t('library.addCollection')}
          </a>
        )}
      </div>
      <p class="lead">{t('library.collectionsIntro')}</p>
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
      <p class="breadcrumb">
        <a href="/library">{t('library.title')}</a> ›{' '}
        <a href="/library/collections">{t('library.collections')}</a>
      </p>
      <div class="page-head">
        <h1 lang={collection.lang}>{collection.title}</h1>
        {props.canEdit && (
          <a class="button secondary" href={`/library/collections/${collection.slug}/edit`}>
            {t('library.editCollection')}
          </a>
        )}
      </div>
      {collection.description && (
        <section
          class="prose"
          lang={collection.lang}
          // Markdown written by editors, rendered and sanitised (see platform/markdown.ts).
          dangerouslySetInnerHTML={{ __html: renderMarkdown(collection.description) }}
        />
      )}
      <p class="view-switch">
        {t('library.exportList')} <a href={`/library/collections/${collection.slug}/export.ris`}>RIS</a>,{' '}
        <a href={`/library/collections/${collection.slug}/export.bib`}>BibTeX</a>
      </p>
      {props.documents.length === 0 ? (
        <p class="notice">{t('list.empty')}</p>
      ) : (
        <ol class="plain stack document-list">
          {props.documents.map((doc) => (
            <DocumentCard doc={doc} />
          ))}
        </ol>
      )}
      {props.canEdit && (
        <details class="danger-zone">
          <summary>{t('library.deleteCollection')}</summary>
          <form method="post" action={`/library/collections/${collection.slug}/delete`}>
            <CsrfField />
            <p>{t('library.deleteCollectionWarning', { title: collection.title })}</p>
            <button type="submit" class="button danger">
              {t('library.deleteConfirm')}
            </button>
          </form>
        </details>
      )}
    </article>
  );
}

export function collectionFormValues(collection: Collection, slugs: string[]): FormValues {
  return {
    title: collection.title,
    lang: collection.lang,
    description: collection.description,
    documents: slugs.join('\n'),
  };
}

export function CollectionFormView(props: { action: string; state: FormState; editing?: Collection }) {
  const { t, fmt, locale } = usePage();
  const { state } = props;
  const describe = (name: string) => {
    const error = state.errors?.[name];
    return { error, cls: error ? 'field invalid' : 'field' };
  };
  const description = describe('description');
  const documents = describe('documents');
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/library">{t('library.title')}</a> ›{' '}
        <a href="/library/collections">{t('library.collections')}</a>
      </p>
      <h1>{props.editing ? t('library.editCollection') : t('library.addCollection')}</h1>
      <Form action={props.action} state={state} requiredNote>
        <Field name="title" label="library.titleField" required maxlength={300} state={state} />
        <SelectField
          name="lang"
          label="library.writtenIn"
          state={state}
          initial={locale}
          options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }))}
        />
        <div class={description.cls}>
          <label for="f-description">{t('library.collectionDescription')}</label>
          <textarea id="f-description" name="description" rows={5} maxlength={20000}>
            {fieldValue(state.values, 'description')}
          </textarea>
          {description.error && <p class="field-error">{t(description.error)}</p>}
        </div>
        <div class={documents.cls}>
          <label for="f-documents">{t('library.collectionDocuments')}</label>
          <p class="hint" id="f-documents-hint">
            {t('library.collectionDocumentsHint')}
          </p>
          <textarea
            id="f-documents"
            name="documents"
            rows={8}
            aria-describedby={documents.error ? 'f-documents-hint f-documents-error' : 'f-documents-hint'}
            aria-invalid={documents.error ? 'true' : undefined}
          >
            {fieldValue(state.values, 'documents')}
          </textarea>
          {documents.error && (
            <p class="field-error" id="f-documents-error">
              {t(documents.error)}
            </p>
          )}
        </div>
        <Submit label={props.editing ? 'form.save' : 'library.addCollection'} />
      </Form>
    </div>
  );
}
