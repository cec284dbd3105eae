// A document's files on its page (the current version of each, earlier versions below it, every
// one downloadable) and the page where editors add files, upload new versions and remove files.
import { FILE_ACCEPT } from '../../../platform/files/index.ts';
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { Field, FileField, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { languageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { DocumentDetails } from '../access.ts';
import { type DocumentFile, type FileVersion, fileVersionUrl } from '../files.ts';
import { DOCUMENT_LANGUAGES } from '../vocab.ts';
import { LibraryBreadcrumb, localised } from './parts.tsx';

/** "43 KB", "1.2 MB" in the reader's language (1 KB = 1024 bytes, as file managers count). */
function formatSize(locale: string, bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** PDF, DOCX, PNG…: the kind of a file as people know it from its extension. */
function kindOf(version: FileVersion): string {
  const dot = version.name.lastIndexOf('.');
  return dot > 0 ? version.name.slice(dot + 1).toUpperCase() : version.mime;
}

function VersionFacts({ version, file }: { version: FileVersion; file?: DocumentFile }) {
  const { t, fmt, locale } = usePage();
  return (
    <span class="muted">
      {[
        kindOf(version),
        formatSize(locale, version.size),
        version.pages ? t('library.filePages', { count: version.pages }) : null,
        file ? fmt.language(file.lang) : null,
        t('library.fileVersionOn', { number: version.number, date: fmt.date(version.created_at) }),
      ]
        .filter(Boolean)
        .join(' · ')}
    </span>
  );
}

function EarlierVersions({ slug, file }: { slug: string; file: DocumentFile }) {
  const { t } = usePage();
  const earlier = file.versions.slice(1);
  if (earlier.length === 0) return null;
  return (
    <details class="file-versions">
      <summary>{t('library.earlierVersions', { count: earlier.length })}</summary>
      <ul class="plain">
        {earlier.map((v) => (
          <li>
            <a href={fileVersionUrl(slug, file.id, v.hash)} type={v.mime} hreflang={file.lang}>
              {v.name}
            </a>
            <br />
            <VersionFacts version={v} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The files on the document's page, right after its summary. */
export function DocumentFilesSection(props: { doc: DocumentDetails; may: { edit: boolean } }) {
  const { t } = usePage();
  const { doc, may } = props;
  if (doc.files.length === 0 && !may.edit) return null;
  return (
    <section class="document-files" aria-labelledby="document-files">
      <h2 id="document-files">{t('library.files')}</h2>
      {doc.files.length === 0 && <p class="muted">{t('library.noFiles')}</p>}
      <ul class="plain stack">
        {doc.files.map((file) => {
          const current = file.versions[0]!;
          return (
            <li class="file-entry">
              <a
                href={fileVersionUrl(doc.slug, file.id, current.hash)}
                type={current.mime}
                hreflang={file.lang}
                class="file-link"
              >
                {file.label ?? current.name}
              </a>
              {file.label && <span class="muted"> ({current.name})</span>}
              <br />
              <VersionFacts version={current} file={file} />
              <EarlierVersions slug={doc.slug} file={file} />
            </li>
          );
        })}
      </ul>
      {may.edit && (
        <p>
          <a href={`/library/${doc.slug}/files`}>{t('library.manageFiles')}</a>
        </p>
      )}
    </section>
  );
}

/** The editors' page of a document's files: add a file, upload new versions, remove files. */
export function DocumentFilesView(props: {
  doc: DocumentDetails;
  limitMb: number;
  /** The "add a file" form as submitted, when it came back. */
  add?: FormState;
  /** A "new version" form that came back, and for which file. */
  version?: { fileId: number; state: FormState };
}) {
  const page = usePage();
  const { t, locale } = page;
  const { doc } = props;
  const title = localised(doc, locale).title;
  const add = props.add ?? { values: { lang: doc.lang } };
  // The fields came back with a message but the file was fine: browsers forget a chosen file.
  const chooseAgain = !!add.errors && !add.errors.file;
  return (
    <div class="wrap">
      <LibraryBreadcrumb record={{ href: `/library/${doc.slug}`, label: title }} />
      <h1>{t('library.filesTitle', { title })}</h1>
      <p>
        <a href={`/library/${doc.slug}/edit`}>{t('library.editRecord')}</a>
      </p>
      {doc.files.length === 0 && <p class="muted">{t('library.noFiles')}</p>}
      {doc.files.map((file) => {
        const current = file.versions[0]!;
        const state = props.version?.fileId === file.id ? props.version.state : undefined;
        const inputId = `f-file-${file.id}`;
        return (
          <section class="card file-manage" aria-labelledby={`file-${file.id}`}>
            <h2 class="card-title" id={`file-${file.id}`}>
              {file.label ?? current.name}
            </h2>
            <ul class="plain stack">
              {file.versions.map((v) => (
                <li>
                  <a href={fileVersionUrl(doc.slug, file.id, v.hash)} type={v.mime} hreflang={file.lang}>
                    {v.name}
                  </a>
                  <br />
                  <VersionFacts version={v} file={v === current ? file : undefined} />
                  {v === current && <span class="badge"> {t('library.currentVersion')}</span>}
                </li>
              ))}
            </ul>
            <Form
              action={`/library/${doc.slug}/files/${file.id}/versions`}
              enctype="multipart/form-data"
              state={state}
              class="stack"
            >
              <FileField
                name="file"
                id={inputId}
                label="library.newVersionFile"
                hint="library.fileHint"
                hintValues={{ limit: props.limitMb }}
                accept={FILE_ACCEPT}
                required
                state={state}
              />
              <Submit label="library.uploadVersion" variant="secondary" />
            </Form>
            <DangerZone
              summary={t('library.removeFile')}
              action={`/library/${doc.slug}/files/${file.id}/delete`}
              warning={t('library.removeFileWarning', { name: file.label ?? current.name })}
              confirm={t('library.removeFileConfirm')}
            />
          </section>
        );
      })}
      <section aria-labelledby="add-file">
        <h2 id="add-file">{t('library.addFile')}</h2>
        <Form
          action={`/library/${doc.slug}/files`}
          enctype="multipart/form-data"
          state={add}
          requiredNote
          class="stack file-form"
        >
          <FileField
            name="file"
            label="library.fileField"
            hint={chooseAgain ? 'library.fileHintAgain' : 'library.fileHint'}
            hintValues={{ limit: props.limitMb }}
            accept={FILE_ACCEPT}
            required
            state={add}
          />
          <SelectField
            name="lang"
            label="library.fileLanguage"
            hint="library.fileLanguageHint"
            state={add}
            initial={doc.lang}
            options={languageOptions(page, DOCUMENT_LANGUAGES)}
          />
          <Field
            name="label"
            label="library.fileLabel"
            hint="library.fileLabelHint"
            maxlength={200}
            state={add}
          />
          <Submit label="library.addFile" />
        </Form>
      </section>
    </div>
  );
}
