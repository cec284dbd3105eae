// Loading the blocks modules add to another module's page (the home page, an organisation's page):
// every block of every module, in order, without those that have nothing for this reader.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv, BlockContext, PageBlock } from './context.ts';

/** A block ready to draw: its id (the section's anchor) and its view with the data bound. */
export interface LoadedBlock {
  id: string;
  draw: () => Child;
}

export function blockContext(c: Context<AppEnv>): BlockContext {
  const v = c.var;
  return { deps: v.deps, viewer: v.auth?.user ?? null, locale: v.locale, timeZone: v.timeZone };
}

/**
 * Loads `blocks` for the reader. They run side by side (on PostgreSQL the queries overlap); a block
 * whose loader answers null is left out.
 */
export async function loadBlocks<Args extends unknown[]>(
  // biome-ignore lint/suspicious/noExplicitAny: each block declares its own data type.
  blocks: readonly PageBlock<any, Args>[],
  ctx: BlockContext,
  ...args: Args
): Promise<LoadedBlock[]> {
  const sorted = [...blocks].sort((a, b) => a.order - b.order);
  const data = await Promise.all(sorted.map((b) => b.load(ctx, ...args)));
  return sorted.flatMap((b, i) => {
    const d = data[i];
    return d === null || d === undefined ? [] : [{ id: b.id, draw: () => b.view(d) }];
  });
}
