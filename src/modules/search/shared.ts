import type { Context } from 'hono';
import type { AppEnv, HubModule } from '../../platform/context.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { Viewer } from '../../search/index.ts';

export function viewerOf(c: Context<AppEnv>): Viewer {
  const user = c.var.auth?.user;
  return user ? { id: user.id, role: user.role } : null;
}

/** The name of each indexed type, from the modules that index it. */
export function typeLabels(modules: readonly HubModule[]): Map<string, MessageKey> {
  return new Map(modules.flatMap((m) => m.searchProviders ?? []).map((p) => [p.type, p.label]));
}
