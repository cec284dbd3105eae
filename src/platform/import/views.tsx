// The three steps of an import: upload a file, match its columns to the fields, check the rows
// (and import). Plain forms: the upload waits on the server between the steps. The target
// (organisations, people) gives the fields, labels, paths and the few texts that name its records.

import { CsrfField, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { Breadcrumb } from '../../ui/components/page-head.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { FormValues } from '../http/forms.ts';
import type { MessageKey, MessageValues } from '../i18n.ts';
import { columnField, defaultField } from './mapping.ts';
import { MAX_FILE_BYTES, MAX_ROWS, type ParsedTable } from './parse.ts';
import type { StoredImport } from './store.ts';
import type { ImportReport, ImportTarget, RowMessage, RowReport } from './target.ts';

/** What the views need of a target, whatever its records' input type. */
type ViewTarget = Omit<ImportTarget<unknown>, 'validate' | 'create'>;
type Mapping = (string | null)[];

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

/** The pages above this one; on the steps after the upload, the upload page too. */
function ImportBreadcrumb(props: { target: ViewTarget; withImport?: boolean }) {
  const { t } = usePage();
  const { target } = props;
  const trail = props.withImport
    ? [...target.breadcrumb, { href: target.path, label: target.text.title }]
    : target.breadcrumb;
  return <Breadcrumb trail={trail.map((step) => ({ href: step.href, label: t(step.label) }))} />;
}

export function UploadView(props: {
  target: ViewTarget;
  error?: { key: MessageKey; values?: MessageValues };
}) {
  const { t, fmt } = usePage();
  const { target } = props;
  return (
    <div class="wrap narrow">
      <ImportBreadcrumb target={target} />
      <h1>{t(target.text.title)}</h1>
      <p>{t(target.text.intro)}</p>
      <p class="hint">
        {t('import.limits', {
          rows: fmt.number(MAX_ROWS),
          mb: fmt.number(MAX_FILE_BYTES / 1024 / 1024),
        })}{' '}
        <a href={target.exportHref}>{t('import.exportLink')}</a>
      </p>
      <form method="post" action={target.path} enctype="multipart/form-data" class="stack">
        <CsrfField />
        {props.error && (
          <div class="notice error" role="alert">
            {t(props.error.key, props.error.values)}
          </div>
        )}
        <div class={props.error ? 'field invalid' : 'field'}>
          <label for="f-file">{t('import.file')}</label>
          <p class="hint" id="f-file-hint">
            {t('import.fileHint')}
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
        <Submit label="import.upload" />
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

export function MappingView(props: { target: ViewTarget; upload: StoredImport; state: FormState }) {
  const page = usePage();
  const { t } = page;
  const { target, upload, state } = props;
  const targetOptions = [
    { value: '', label: t('import.ignore') },
    ...target.fields.map((field) => ({ value: field, label: t(target.labels[field] ?? 'form.invalid') })),
  ];
  return (
    <div class="wrap narrow">
      <ImportBreadcrumb target={target} withImport />
      <h1>{t('import.mapTitle')}</h1>
      <p>{t('import.mapIntro', { file: upload.filename, count: upload.rows.length })}</p>
      <Form action={`${target.path}/${upload.id}/preview`} state={state} class="stack">
        <fieldset>
          <legend>{t('import.columns')}</legend>
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
                    ? t('import.column', { letter: columnLetter(i), header })
                    : t('import.columnNoHeader', { letter: columnLetter(i) })}
                </label>
                {examples.length > 0 && (
                  <p class="hint" id={`${id}-hint`}>
                    {t('import.examples', { values: examples.join(' · ') })}
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
          <legend>{t('import.defaults')}</legend>
          <p class="hint">{t('import.defaultsHint')}</p>
          {target.defaults.map((d) => (
            <SelectField
              name={defaultField(d.name)}
              label={d.label}
              state={state}
              options={d.options(page)}
            />
          ))}
        </fieldset>
        <Submit label="import.check" />
      </Form>
      <DiscardForm action={`${target.path}/${upload.id}/discard`} />
    </div>
  );
}

function DiscardForm(props: { action: string }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField />
      <Submit label="import.discard" variant="secondary" />
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

function Message(props: { message: RowMessage; labels: ViewTarget['labels']; mapping: Mapping }) {
  const { t } = usePage();
  const { field, key, values, link } = props.message;
  const column = field ? props.mapping.indexOf(field) : -1;
  const label = field ? props.labels[field] : undefined;
  return (
    <li>
      {label && (
        <>
          <strong>{t(label)}</strong>
          {column >= 0 && ` (${columnLetter(column)})`}
          {': '}
        </>
      )}
      {t(key, values)}
      {link && (
        <>
          {' '}
          <a href={link.href}>{link.text}</a>
        </>
      )}
    </li>
  );
}

function RowsTable(props: { rows: RowReport<unknown>[]; labels: ViewTarget['labels']; mapping: Mapping }) {
  const { t, fmt } = usePage();
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('import.status')}</th>
            <th scope="col">{t('import.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr id={`row-${r.n}`}>
              <td>{fmt.number(r.n)}</td>
              <td>{r.name}</td>
              <td>
                <span class="badge">{t(`import.status.${r.status}`)}</span>
              </td>
              <td>
                {r.messages.length > 0 && (
                  <ul class="plain">
                    {r.messages.map((m) => (
                      <Message message={m} labels={props.labels} mapping={props.mapping} />
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
  target: ViewTarget;
  upload: StoredImport;
  report: ImportReport<unknown>;
  mapping: Mapping;
  /** The mapping as form fields, carried to the import. */
  carry: FormValues;
  notice?: MessageKey;
}) {
  const { t, fmt } = usePage();
  const { target, upload, report, mapping, carry } = props;
  const { counts } = report;
  const problems = report.rows.filter((r) => r.status !== 'ok');
  const ready = report.rows.filter((r) => r.status === 'ok');
  const importable = counts.ok + counts.duplicate;
  return (
    <div class="wrap">
      <ImportBreadcrumb target={target} withImport />
      <h1>{t('import.previewTitle')}</h1>
      <p>{t('import.previewIntro', { file: upload.filename, count: report.rows.length })}</p>
      <dl class="figures">
        {(['ok', 'duplicate', 'error'] as const).map((status) => (
          <div>
            <dt>{t(`import.count.${status}`)}</dt>
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
          <p>{t('import.hasErrors', { count: counts.error })}</p>
        </div>
      ) : (
        <p class="notice">{t('import.allValid')}</p>
      )}
      {counts.duplicate > 0 && <p class="notice warning">{t(target.text.duplicatesNote)}</p>}
      {problems.length > 0 && (
        <section>
          <h2>{t('import.rowsToCheck')}</h2>
          <RowsTable rows={problems.slice(0, LISTED_ROWS)} labels={target.labels} mapping={mapping} />
          {problems.length > LISTED_ROWS && (
            <p class="hint">{t('import.moreRows', { count: problems.length - LISTED_ROWS })}</p>
          )}
        </section>
      )}
      {ready.length > 0 && (
        <details>
          <summary>{t('import.readyRows', { count: ready.length })}</summary>
          <RowsTable rows={ready.slice(0, LISTED_ROWS)} labels={target.labels} mapping={mapping} />
          {ready.length > LISTED_ROWS && (
            <p class="hint">{t('import.moreRows', { count: ready.length - LISTED_ROWS })}</p>
          )}
        </details>
      )}
      <div class="actions">
        {counts.error === 0 && importable > 0 && (
          <form method="post" action={`${target.path}/${upload.id}`} class="stack">
            <CsrfField />
            <Hidden values={carry} />
            {counts.duplicate > 0 && (
              <label class="checkbox">
                <input type="checkbox" name="skip_duplicates" value="1" /> {t('import.skipDuplicates')}
              </label>
            )}
            <button type="submit" class="button">
              {t(target.text.importButton, { count: importable })}
            </button>
          </form>
        )}
        <form method="post" action={`${target.path}/${upload.id}/mapping`} class="inline-form">
          <CsrfField />
          <Hidden values={carry} />
          <Submit label="import.changeMapping" variant="secondary" />
        </form>
        <DiscardForm action={`${target.path}/${upload.id}/discard`} />
      </div>
    </div>
  );
}
