// /api/docs: a readable reference of the API, rendered on the server from the OpenAPI document,
// so it works offline and without JavaScript (no CDN-hosted viewer).
import { usePage } from './page-context.ts';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Json; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string }>;
  security?: Json[];
}

function schemaSummary(schema: Json | undefined, components: Record<string, Json>, depth = 0): string {
  if (!schema) return '';
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop() ?? '';
    return depth > 0 ? name : schemaSummary(components[name], components, depth + 1) || name;
  }
  if (schema.type === 'object' && schema.properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const fields = Object.entries(schema.properties as Record<string, Json>).map(
      ([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${schemaSummary(v, components, depth + 1)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  if (schema.type === 'array') return `${schemaSummary(schema.items as Json, components, depth + 1)}[]`;
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as Json[]).map((s) => schemaSummary(s, components, depth + 1)).join(' | ');
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  return schema.format ? `${type} (${String(schema.format)})` : type;
}

export function ApiReferenceView({ doc }: { doc: Json }) {
  const { t } = usePage();
  const info = doc.info as { title: string; description?: string };
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(item))
      operations.push({ ...op, method: method.toUpperCase(), path });
  }
  const byTag = new Map<string, Operation[]>();
  for (const op of operations) {
    const tag = op.tags?.[0] ?? 'Other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
  }
  return (
    <div class="wrap api-reference">
      <h1>{info.title}</h1>
      {info.description && <p>{info.description}</p>}
      <p>
        <a href="/api/v1/openapi.json">{t('api.openapiDocument')}</a>
      </p>
      {[...byTag.entries()].map(([tag, ops]) => (
        <section>
          <h2>{tag}</h2>
          {ops.map((op) => (
            <article class="card operation" id={`${op.method}-${op.path}`.replace(/[^\w-]/g, '_')}>
              <h3>
                <code class="method">{op.method}</code> <code>/api/v1{op.path}</code>
              </h3>
              {op.summary && <p>{op.summary}</p>}
              {op.security && op.security.length > 0 && <p class="hint">{t('api.needsAuth')}</p>}
              {op.parameters && op.parameters.length > 0 && (
                <>
                  <h4>{t('api.parameters')}</h4>
                  <ul>
                    {op.parameters.map((p) => (
                      <li>
                        <code>{p.name}</code> ({p.in}
                        {p.required ? `, ${t('api.required')}` : ''}) —{' '}
                        <code>{schemaSummary(p.schema, components)}</code>
                        {p.description ? ` — ${p.description}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {op.requestBody?.content &&
                Object.entries(op.requestBody.content).map(([type, media]) => (
                  <>
                    <h4>
                      {t('api.body')} <small>({type})</small>
                    </h4>
                    <pre>
                      <code>{schemaSummary(media.schema, components)}</code>
                    </pre>
                  </>
                ))}
              <h4>{t('api.responses')}</h4>
              <ul>
                {Object.entries(op.responses ?? {}).map(([status, r]) => (
                  <li>
                    <code>{status}</code> {r.description}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
