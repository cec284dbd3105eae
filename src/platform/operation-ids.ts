// The operationId of every operation of the OpenAPI document, derived from its method and path
// rather than written in each module: client generators name their methods after it, so it must
// exist everywhere, be unique, and change only when the path does. `GET /events/{slug}/report` is
// `getEventsBySlugReport`; an operation that states its own operationId keeps it.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `delete` + `/document-collections/{slug}` → `deleteDocumentCollectionsBySlug`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      const parts = (param ?? segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return param ? ['by', ...parts] : parts;
    });
  return method.toLowerCase() + words.map(capitalised).join('');
}

interface Document {
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], { operationId?: string }>> | undefined>;
}

/** The document with an operationId on each operation; two operations with one id are a bug. */
export function withOperationIds<D extends Document>(doc: D): D {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      operation.operationId ??= operationIdOf(method, path);
      const where = `${method.toUpperCase()} ${path}`;
      const other = seen.get(operation.operationId);
      if (other) throw new Error(`operationId ${operation.operationId} of ${where} is also ${other}'s`);
      seen.set(operation.operationId, where);
    }
  }
  return doc;
}
