// "The hub in numbers": the modules' figures (organisations, people, countries, documents), counted
// at most once a minute per process. Each is a count over a whole table — about 20 ms together at
// 100× the demo, as much as all the blocks — and a figure a minute old tells the same story.
import type { BlockContext, HomeFigure } from '../../platform/context.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { KeptPerDatabase } from '../../platform/kept-per-database.ts';

export interface Figure {
  label: MessageKey;
  href: string;
  count: number;
}

/** The counts of the last minute. */
const counted = new KeptPerDatabase<number[]>(60_000);

export async function homeFigures(ctx: BlockContext): Promise<Figure[]> {
  const figures: HomeFigure[] = ctx.deps.modules
    .flatMap((m) => m.homeFigures ?? [])
    .sort((a, b) => a.order - b.order);
  // Visitors and members see the same figures (published records), so one count serves all.
  const counts = await counted.get(ctx.deps.db, () => Promise.all(figures.map((f) => f.count(ctx))));
  return figures.map((f, i) => ({ label: f.label, href: f.href, count: counts[i] ?? 0 }));
}
