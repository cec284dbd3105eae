// /api/v1/documents/{slug}/files: the files of a document through the API, with the same checks,
// permissions and writes as the files page (actions/files.ts). Downloads are the page URLs given
// in each version's `url`.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  apiRouter,
  jsonResponse,
  problems,
  problemsOf,
  requireSignedIn,
  signedIn,
} from '../../platform/api.ts';
import { recordRoutes } from '../../platform/api-routes.ts';
import { chosenFile } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { found, HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { type DocumentDetails, getDocument, loadForChange } from './access.ts';
import {
  addDocumentFile,
  addDocumentFileVersion,
  checkDocumentFile,
  removeDocumentFile,
} from './actions/files.ts';
import { currentFileUrl, type DocumentFile, type FileVersion, fileVersionUrl } from './files.ts';
import { canManageFiles } from './permissions.ts';
import { fileInput } from './schemas.ts';

const FileVersionSchema = z
  .object({
    number: z.number().int().openapi({ description: '1 for the first upload, then 2, 3 …' }),
    name: z.string().openapi({ example: 'Quyết định 1755.pdf' }),
    mime: z.string().openapi({ example: 'application/pdf' }),
    size: z.number().int().openapi({ description: 'Bytes' }),
    pages: z.number().int().nullable(),
    sha256: z.string().openapi({ description: 'SHA-256 of the content; also the ETag of the download' }),
    url: z.string().openapi({ description: 'Download (ranges, caching); never changes' }),
    uploadedAt: z.string(),
  })
  .openapi('DocumentFileVersion');

export const DocumentFileSchema = z
  .object({
    id: z.number().int(),
    lang: z.string().openapi({ description: 'BCP 47 language of the file’s text' }),
    label: z.string().nullable(),
    url: z.string().openapi({ description: 'Redirects to the current version' }),
    current: FileVersionSchema,
    versions: z.array(FileVersionSchema).openapi({ description: 'Every version, newest (current) first' }),
  })
  .openapi('DocumentFile');

function versionJson(slug: string, fileId: number, v: FileVersion, baseUrl: string) {
  return {
    number: v.number,
    name: v.name,
    mime: v.mime,
    size: v.size,
    pages: v.pages,
    sha256: v.hash,
    url: `${baseUrl}${fileVersionUrl(slug, fileId, v.hash)}`,
    uploadedAt: v.created_at,
  };
}

export function fileJson(
  slug: string,
  file: DocumentFile,
  baseUrl: string,
): z.infer<typeof DocumentFileSchema> {
  const versions = file.versions.map((v) => versionJson(slug, file.id, v, baseUrl));
  return {
    id: file.id,
    lang: file.lang,
    label: file.label,
    url: `${baseUrl}${currentFileUrl(slug, file.id)}`,
    current: versions[0]!,
    versions,
  };
}

/** Uploads are multipart/form-data: anything else gets 415, not a confusing "file missing". */
const requireMultipart = createMiddleware<AppEnv>(async (c, next) => {
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
    throw new HttpError(415, 'library.multipartOnly');
  await next();
});

/**
 * Multipart bodies are described with plain OpenAPI schemas, not zod: zod-openapi would validate
 * them itself with generic messages, and the upload has its own checks (actions/files.ts) with the
 * same messages as the page.
 */
const multipart = (properties: Record<string, Record<string, string>>, required: string[]) => ({
  'multipart/form-data': { schema: { type: 'object' as const, properties, required } },
});
const binary = { type: 'string', format: 'binary' };
const fileParams = z.object({
  slug: z.string().max(120).openapi({ example: 'decision-1755-qd-ttg' }),
  fileId: z
    .string()
    .regex(/^\d{1,10}$/)
    .openapi({ example: '1' }),
});
const files = recordRoutes({
  path: '/documents/{slug}/files',
  tags: ['Library'],
  params: fileParams,
  record: DocumentFileSchema,
});
/** What an upload answers: the file, or why it was refused. */
const uploadResponses = {
  201: jsonResponse(DocumentFileSchema, 'The file, with its versions'),
  ...problemsOf(401, 403, 404, 422),
  413: { ...problems[422], description: 'The file is larger than UPLOAD_LIMIT_MB' },
  429: {
    ...problems[429],
    description: 'Too many files are waiting to be read; send it again after Retry-After',
  },
  415: { ...problems[422], description: 'Not multipart/form-data, or a kind of file that is not accepted' },
};

const addRoute = createRoute({
  method: 'post',
  path: '/documents/{slug}/files',
  tags: ['Library'],
  summary: 'Add a file to a document (the hub’s editors and admins)',
  description:
    'PDF, DOCX, XLSX, PPTX, ODT or an image, recognised by its content, at most UPLOAD_LIMIT_MB (50 MB by default). Its text is extracted into the search index.',
  security: signedIn,
  middleware: [requireSignedIn, requireMultipart] as const,
  request: {
    params: fileParams.pick({ slug: true }),
    body: {
      required: true,
      content: multipart(
        {
          file: binary,
          lang: { type: 'string', example: 'vi', description: 'BCP 47 language of the file’s text' },
          label: { type: 'string', example: 'Official text', description: 'At most 200 characters' },
        },
        ['file', 'lang'],
      ),
    },
  },
  responses: uploadResponses,
});

const versionRoute = createRoute({
  method: 'post',
  path: '/documents/{slug}/files/{fileId}/versions',
  tags: ['Library'],
  summary: 'Upload a new version of a file (earlier versions stay downloadable)',
  security: signedIn,
  middleware: [requireSignedIn, requireMultipart] as const,
  request: {
    params: fileParams,
    body: { required: true, content: multipart({ file: binary }, ['file']) },
  },
  responses: uploadResponses,
});

const removeRoute = files.delete('Remove a file and its versions from a document', { response: 'Removed' });

export function libraryFilesApi(deps: AppDeps) {
  const { db, config } = deps;
  /** The file of the URL among the document's, or 404. */
  const fileOf = (doc: DocumentDetails, fileId: string) =>
    found(doc.files.find((f) => f.id === Number(fileId)));
  /**
   * The uploaded file, checked, and the other fields: every problem at once, in `errors`. A refused
   * file decides the status (413, 415) unless the fields are wrong too.
   */
  const upload = async <T>(c: Context<AppEnv>, fields?: z.ZodType<T>) => {
    const body = await c.req.parseBody({ all: true });
    const parsed = fields?.safeParse(body);
    const checked = await checkDocumentFile(
      chosenFile(body.file),
      config.uploadLimitBytes,
      c.var.auth?.user.id,
    );
    const errors = parsed && !parsed.success ? fieldErrors(parsed.error.issues) : {};
    if (!checked.ok) {
      const { status, key, values, retryAfter } = checked.refusal;
      errors.file = key;
      // Too many files waiting to be read: 429 whatever the other fields, with when to try again.
      if (retryAfter !== undefined)
        throw new HttpError(status, key, values, { 'Retry-After': String(retryAfter) }, errors);
      if (Object.keys(errors).length === 1) throw new HttpError(status, key, values, undefined, errors);
    }
    if (!checked.ok || (parsed && !parsed.success)) throw HttpError.invalid(errors);
    return { file: checked.upload, fields: parsed?.data as T };
  };
  /** The file as the API answers it, read again after the write. */
  const fresh = async (c: Context<AppEnv>, slug: string, fileId: number) => {
    const doc = await getDocument(db, slug, c.var.auth?.user ?? null);
    return fileJson(slug, found(doc?.files.find((f) => f.id === fileId)), config.baseUrl);
  };
  return apiRouter()
    .openapi(addRoute, async (c) => {
      const { ctx, doc } = await loadForChange(c, canManageFiles);
      const { file, fields } = await upload(c, fileInput);
      const fileId = await addDocumentFile(ctx, doc, fields, file);
      return c.json(await fresh(c, doc.slug, fileId), 201);
    })
    .openapi(versionRoute, async (c) => {
      const { ctx, doc } = await loadForChange(c, canManageFiles);
      const file = fileOf(doc, c.req.valid('param').fileId);
      const { file: checked } = await upload(c);
      await addDocumentFileVersion(ctx, doc, file.id, checked);
      return c.json(await fresh(c, doc.slug, file.id), 201);
    })
    .openapi(removeRoute, async (c) => {
      const { ctx, doc } = await loadForChange(c, canManageFiles);
      await removeDocumentFile(ctx, doc, fileOf(doc, c.req.valid('param').fileId).id);
      return c.body(null, 204);
    });
}
