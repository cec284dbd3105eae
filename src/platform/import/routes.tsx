// Importing records from a CSV or XLSX file, for one target (organisations.ts; the people module
// brings its own). With `path` the target's base, e.g. /directory/import:
//   GET  path              the upload form
//   POST path              read the file, keep it, go to the mapping
//   GET  path/:id          match columns to fields (guessed from the headers)
//   POST path/:id/mapping  the same form again with the mapping of a preview
//   POST path/:id/preview  dry run: every row checked, nothing written
//   POST path/:id          checked again, then all rows in one transaction
//   POST path/:id/discard  forget the upload
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { User } from '../../db/schema.ts';
import { renderPage } from '../../ui/render.tsx';
import { actionContext } from '../actions.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { type FormValues, readForm } from '../http/forms.ts';
import type { MessageKey, MessageValues } from '../i18n.ts';
import { guessMapping, mappingValues, readMapping } from './mapping.ts';
import { ImportFileError, MAX_FILE_BYTES, parseUpload } from './parse.ts';
import {
  deleteImport,
  loadImport,
  purgeOldImports,
  runImport,
  type StoredImport,
  saveImport,
} from './store.ts';
import type { ImportTarget, MappingChoice } from './target.ts';
import { MappingView, PreviewView, UploadView } from './views.tsx';

type C = Context<AppEnv>;

/** Any form field passes: readMapping checks the ones it knows. */
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The import pages of one target, mounted where the target's `path` says. */
export function importPages<I>(deps: AppDeps, target: ImportTarget<I>) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const base = target.path;

  function requireImporter(c: C): User {
    const user = requireUser(c);
    if (!target.canImport(user)) throw new HttpError(403, 'error.403.message');
    return user;
  }

  async function loadOwn(c: C, user: User): Promise<StoredImport> {
    const id = Number(c.req.param('id'));
    const upload =
      Number.isSafeInteger(id) && id > 0 ? await loadImport(db, id, user.id, target.kind) : undefined;
    if (!upload) throw new HttpError(404, 'import.expired');
    return upload;
  }

  const showUpload = (
    c: C,
    error?: { key: MessageKey; values?: MessageValues },
    status: 200 | 413 | 415 | 422 | 429 = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t(target.text.title), noindex: true },
      <UploadView target={target} error={error} />,
      status,
    );

  const showMapping = (c: C, upload: StoredImport, values: FormValues, errors?: Record<string, MessageKey>) =>
    renderPage(
      c,
      { title: c.var.t('import.mapTitle'), noindex: true },
      <MappingView target={target} upload={upload} state={{ values, errors }} />,
      errors ? 422 : 200,
    );

  async function showPreview(c: C, upload: StoredImport, choice: MappingChoice, notice?: MessageKey) {
    const report = await target.validate(db, upload, choice);
    return {
      report,
      page: (status: 200 | 422) =>
        renderPage(
          c,
          { title: c.var.t('import.previewTitle'), noindex: true },
          <PreviewView
            target={target}
            upload={upload}
            report={report}
            mapping={choice.mapping}
            carry={mappingValues(choice)}
            notice={notice}
          />,
          status,
        ),
    };
  }

  app.get(base, (c) => {
    requireImporter(c);
    return showUpload(c);
  });

  app.post(base, async (c) => {
    const user = requireImporter(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return showUpload(c, { key: 'import.chooseFile' }, 422);
    // The platform accepts uploads up to UPLOAD_LIMIT_MB; an import needs far less, and every
    // byte of it is parsed in memory.
    if (file.size > MAX_FILE_BYTES)
      return showUpload(c, { key: 'import.tooBig', values: { max: MAX_FILE_BYTES / 1024 / 1024 } }, 413);
    try {
      const table = await parseUpload(new Uint8Array(await file.arrayBuffer()), file.name, user.id);
      await purgeOldImports(db);
      const id = await saveImport(db, user.id, target.kind, file.name || 'upload', table);
      return c.redirect(`${base}/${id}`, 303);
    } catch (err) {
      if (err instanceof ImportFileError) {
        // "No organisations under the header" says what this target's rows are.
        const key = err.messageKey === 'import.noRows' ? target.text.noRows : err.messageKey;
        if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
        return showUpload(c, { key, values: err.values }, err.status);
      }
      throw err;
    }
  });

  app.get(`${base}/:id`, async (c) => {
    const user = requireImporter(c);
    const upload = await loadOwn(c, user);
    const values = mappingValues({
      mapping: guessMapping(upload.header, target),
      defaults: target.initialDefaults(c.var.locale),
    });
    return showMapping(c, upload, values);
  });

  app.post(`${base}/:id/mapping`, async (c) => {
    const user = requireImporter(c);
    const upload = await loadOwn(c, user);
    const form = await readForm(c, anyForm);
    return showMapping(c, upload, form.values);
  });

  app.post(`${base}/:id/preview`, async (c) => {
    const user = requireImporter(c);
    const upload = await loadOwn(c, user);
    const form = await readForm(c, anyForm);
    const mapping = readMapping(form.values, upload.header.length, target);
    if (!mapping.ok) return showMapping(c, upload, form.values, mapping.errors);
    const { page } = await showPreview(c, upload, mapping.choice);
    return page(200);
  });

  app.post(`${base}/:id`, async (c) => {
    const user = requireImporter(c);
    const upload = await loadOwn(c, user);
    const form = await readForm(c, anyForm);
    const mapping = readMapping(form.values, upload.header.length, target);
    if (!mapping.ok) return showMapping(c, upload, form.values, mapping.errors);
    // Checked again: the hub may have changed since the preview, and forms can be forged.
    const { report, page } = await showPreview(c, upload, mapping.choice);
    // All or nothing: one invalid row stops the whole file.
    if (report.counts.error > 0) return page(422);
    const skipDuplicates = form.values.skip_duplicates === '1';
    const rows = report.rows.filter(
      (r) => r.status === 'ok' || (r.status === 'duplicate' && !skipDuplicates),
    );
    if (rows.length === 0) {
      const again = await showPreview(c, upload, mapping.choice, 'import.nothingToImport');
      return again.page(422);
    }
    await runImport(actionContext(c), target, upload, rows);
    setFlash(c, target.text.done, { count: rows.length });
    // Newest first: the imported records head the list.
    return c.redirect(target.listPath, 303);
  });

  app.post(`${base}/:id/discard`, async (c) => {
    const user = requireImporter(c);
    const upload = await loadOwn(c, user);
    await deleteImport(db, upload.id);
    setFlash(c, 'import.discarded');
    return c.redirect(base, 303);
  });

  return app;
}
