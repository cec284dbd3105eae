// The three steps of an import: upload a file, match its columns to the fields, check the rows
// (and import). Plain forms: the upload waits on the server between the steps.
import { COUNTRY_CODES } from '../../../platform/countries.ts';
import type { FormValues } from '../../../platform/http/forms.ts';
import type { MessageKey, MessageValues } from '../../../platform/i18n.ts';
import { CsrfField, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { CONTENT_LANGUAGES, ORGANISATION_KINDS } from '../vocab.ts';
import { columnField, TARGET_LABELS, TARGETS, type Target } from './mapping.ts';
import { MAX_FILE_BYTES, MAX_ROWS, type ParsedTable } from './parse.ts';
import type { StoredImport } from './store.ts';
import type { ImportReport, RowMessage, RowReport } from './validate.ts';

/** Rows listed in the report; the counts above it cover all of them. */
const LISTED_ROWS = 300;

/** A, B, … Z, AA, AB: the column names a spreadsheet shows. */
export function columnLetter(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function Breadcrumb() {
  const { t } = usePage();
  return (
    <p class="breadcrumb">
      <a href="/directory">{t('directory.title')}</a>
      {' › '}
      <a href="/directory/import">{t('directoryImport.title')}</a>
    </p>
  );
}

export function UploadView(props: { error?: { key: MessageKey; values?: MessageValues } }) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap narrow">
      <p class="breadcrumb">
        <a href="/directory">{t('directory.title')}</a>
      </p>
      <h1>{t('directoryImport.title')}</h1>
      <p>{t('directoryImport.intro')}</p>
      <p class="hint">
        {t('directoryImport.limits', {
          rows: fmt.number(MAX_ROWS),
          mb: fmt.number(MAX_FILE_BYTES / 1024 / 1024),
        })}{' '}
        <a href="/directory/export.csv">{t('directoryImport.exportLink')}</a>
      </p>
      <form method="post" action="/directory/import" enctype="multipart/form-data" class="stack">
        <CsrfField />
        {props.error && (
          <div class="notice error" role="alert">
            {t(props.error.key, props.error.values)}
          </div>
        )}
        <div class={props.error ? 'field invalid' : 'field'}>
          <label for="f-file">{t('directoryImport.file')}</label>
          <p class="hint" id="f-file-hint">
            {t('directoryImport.fileHint')}
          </p>
          <input
            id="f-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="f-file-hint"
            aria-invalid={props.error ? 'true' : undefined}
          />
        </div>
        <Submit label="directoryImport.upload" />
      </form>
    </div>
  );
}

/** Up to three different values of a column, to recognise it by. */
function examplesOf(table: ParsedTable, i: number): string[] {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const v = (row.cells[i] ?? '').trim().replace(/\s+/g, ' ');
    if (v) seen.add(v.length > 40 ? `${v.slice(0, 39)}…` : v);
    if (seen.size === 3) break;
  }
  return [...seen];
}

export function MappingView(props: { upload: StoredImport; state: FormState }) {
  const { t, fmt, locale } = usePage();
  const { upload, state } = props;
  const collator = new Intl.Collator(locale);
  const targetOptions = [
    { value: '', label: t('directoryImport.ignore') },
    ...TARGETS.map((target) => ({ value: target, label: t(TARGET_LABELS[target]) })),
  ];
  const countries = COUNTRY_CODES.map((c) => ({ value: c, label: fmt.country(c) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  return (
    <div class="wrap narrow">
      <Breadcrumb />
      <h1>{t('directoryImport.mapTitle')}</h1>
      <p>{t('directoryImport.mapIntro', { file: upload.filename, count: upload.rows.length })}</p>
      <Form action={`/directory/import/${upload.id}/preview`} state={state} class="stack">
        <fieldset>
          <legend>{t('directoryImport.columns')}</legend>
          {upload.header.map((header, i) => {
            const name = columnField(i);
            const id = `f-${name}`;
            const error = state.errors?.[name];
            const current = state.values?.[name];
            const examples = examplesOf(upload, i);
            return (
              <div class={error ? 'field invalid' : 'field'}>
                <label for={id}>
                  {header
                    ? t('directoryImport.column', { letter: columnLetter(i), header })
                    : t('directoryImport.columnNoHeader', { letter: columnLetter(i) })}
                </label>
                {examples.length > 0 && (
                  <p class="hint" id={`${id}-hint`}>
                    {t('directoryImport.examples', { values: examples.join(' · ') })}
                  </p>
                )}
                <select
                  id={id}
                  name={name}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={
                    [examples.length && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') ||
                    undefined
                  }
                >
                  {targetOptions.map((o) => (
                    <option value={o.value} selected={o.value === (current ?? '')}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {error && (
                  <p class="field-error" id={`${id}-error`}>
                    {t(error)}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t('directoryImport.defaults')}</legend>
          <p class="hint">{t('directoryImport.defaultsHint')}</p>
          <SelectField
            name="default_kind"
            label="directory.kind"
            state={state}
            options={[
              { value: '', label: t('directoryImport.noDefault') },
              ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`directory.kind.${k}`) })),
            ]}
          />
          <SelectField
            name="default_country"
            label="directory.country"
            state={state}
            options={[{ value: '', label: t('directoryImport.noDefault') }, ...countries]}
          />
          <SelectField
            name="default_lang"
            label="directory.writtenIn"
            state={state}
            options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }))}
          />
        </fieldset>
        <Submit label="directoryImport.check" />
      </Form>
      <DiscardForm id={upload.id} />
    </div>
  );
}

function DiscardForm(props: { id: number }) {
  return (
    <form method="post" action={`/directory/import/${props.id}/discard`} class="inline-form">
      <CsrfField />
      <Submit label="directoryImport.discard" variant="secondary" />
    </form>
  );
}

function Hidden(props: { values: FormValues }) {
  return (
    <>
      {Object.entries(props.values).map(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={name} value={v} />),
      )}
    </>
  );
}

function Message(props: { message: RowMessage; header: string[]; mapping: (Target | null)[] }) {
  const { t } = usePage();
  const { field, key, values } = props.message;
  const column = field ? props.mapping.indexOf(field) : -1;
  const slug = key === 'directoryImport.duplicateExisting' ? String(values?.slug ?? '') : '';
  return (
    <li>
      {field && field in TARGET_LABELS && (
        <>
          <strong>{t(TARGET_LABELS[field])}</strong>
          {column >= 0 && ` (${columnLetter(column)})`}
          {': '}
        </>
      )}
      {t(key, values)}
      {slug && (
        <>
          {' '}
          <a href={`/directory/${slug}`}>{String(values?.name ?? slug)}</a>
        </>
      )}
    </li>
  );
}

function RowsTable(props: { rows: RowReport[]; header: string[]; mapping: (Target | null)[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('directoryImport.row')}</th>
            <th scope="col">{t('directory.name')}</th>
            <th scope="col">{t('directoryImport.status')}</th>
            <th scope="col">{t('directoryImport.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr id={`row-${r.n}`}>
              <td>{fmt.number(r.n)}</td>
              <td>{r.name}</td>
              <td>
                <span class="badge">{t(`directoryImport.status.${r.status}`)}</span>
              </td>
              <td>
                {r.messages.length > 0 && (
                  <ul class="plain">
                    {r.messages.map((m) => (
                      <Message message={m} header={props.header} mapping={props.mapping} />
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PreviewView(props: {
  upload: StoredImport;
  report: ImportReport;
  mapping: (Target | null)[];
  /** The mapping as form fields, carried to the import. */
  carry: FormValues;
  notice?: MessageKey;
}) {
  const { t, fmt } = usePage();
  const { upload, report, mapping, carry } = props;
  const { counts } = report;
  const problems = report.rows.filter((r) => r.status !== 'ok');
  const ready = report.rows.filter((r) => r.status === 'ok');
  const importable = counts.ok + counts.duplicate;
  return (
    <div class="wrap">
      <Breadcrumb />
      <h1>{t('directoryImport.previewTitle')}</h1>
      <p>{t('directoryImport.previewIntro', { file: upload.filename, count: report.rows.length })}</p>
      <dl class="figures">
        {(['ok', 'duplicate', 'error'] as const).map((status) => (
          <div>
            <dt>{t(`directoryImport.count.${status}`)}</dt>
            <dd>{fmt.number(counts[status])}</dd>
          </div>
        ))}
      </dl>
      {props.notice && (
        <p class="notice error" role="alert">
          {t(props.notice)}
        </p>
      )}
      {counts.error > 0 ? (
        <div class="notice error" role="alert">
          <p>{t('directoryImport.hasErrors', { count: counts.error })}</p>
        </div>
      ) : (
        <p class="notice">{t('directoryImport.allValid')}</p>
      )}
      {counts.duplicate > 0 && <p class="notice warning">{t('directoryImport.duplicatesNote')}</p>}
      {problems.length > 0 && (
        <section>
          <h2>{t('directoryImport.rowsToCheck')}</h2>
          <RowsTable rows={problems.slice(0, LISTED_ROWS)} header={upload.header} mapping={mapping} />
          {problems.length > LISTED_ROWS && (
            <p class="hint">{t('directoryImport.moreRows', { count: problems.length - LISTED_ROWS })}</p>
          )}
        </section>
      )}
      {ready.length > 0 && (
        <details>
          <summary>{t('directoryImport.readyRows', { count: ready.length })}</summary>
          <RowsTable rows={ready.slice(0, LISTED_ROWS)} header={upload.header} mapping={mapping} />
          {ready.length > LISTED_ROWS && (
            <p class="hint">{t('directoryImport.moreRows', { count: ready.length - LISTED_ROWS })}</p>
          )}
        </details>
      )}
      <div class="actions">
        {counts.error === 0 && importable > 0 && (
          <form method="post" action={`/directory/import/${upload.id}`} class="stack">
            <CsrfField />
            <Hidden values={carry} />
            {counts.duplicate > 0 && (
              <label class="checkbox">
                <input type="checkbox" name="skip_duplicates" value="1" />{' '}
                {t('directoryImport.skipDuplicates')}
              </label>
            )}
            <button type="submit" class="button">
              {t('directoryImport.importButton', { count: importable })}
            </button>
          </form>
        )}
        <form method="post" action={`/directory/import/${upload.id}/mapping`} class="inline-form">
          <CsrfField />
          <Hidden values={carry} />
          <Submit label="directoryImport.changeMapping" variant="secondary" />
        </form>
        <DiscardForm id={upload.id} />
      </div>
    </div>
  );
}
