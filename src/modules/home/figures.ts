// "The hub in numbers": the modules' figures (organisations, people, countries, documents), counted
// at most once a minute per process. Each is a count over a whole table — about 20 ms together at
// 100× the demo, as much as all the blocks — and a figure a minute old tells the same story.
import type { BlockContext, HomeFigure } from '../../platform/context.ts';
import type { MessageKey } from '../../platform/i18n.ts';

export interface Figure {
  label: MessageKey;
  href: string;
  count: number;
}

const FRESH_MS = 60_000;

/** The counts of the last minute, per database (each test platform has its own). */
const counted = new WeakMap<object, { at: number; counts: Promise<number[]> }>();

export async function homeFigures(ctx: BlockContext): Promise<Figure[]> {
  const figures: HomeFigure[] = ctx.deps.modules
    .flatMap((m) => m.homeFigures ?? [])
    .sort((a, b) => a.order - b.order);
  // Visitors and members see the same figures (published records), so one count serves all.
  let entry = counted.get(ctx.deps.db);
  if (!entry || Date.now() - entry.at > FRESH_MS) {
    entry = { at: Date.now(), counts: Promise.all(figures.map((f) => f.count(ctx))) };
    counted.set(ctx.deps.db, entry);
    // A failed count is not kept: the next page asks again.
    entry.counts.catch(() => counted.delete(ctx.deps.db));
  }
  const counts = await entry.counts;
  return figures.map((f, i) => ({ label: f.label, href: f.href, count: counts[i] ?? 0 }));
}
