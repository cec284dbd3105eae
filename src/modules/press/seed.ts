// Demo clippings from seed/press/clippings.json: the press coverage of the Hue policy dialogue on
// creative hubs (2016), as the UNESCO project page in the source documents lists it. Written through
// the same schema and actions as the form, so they are validated and indexed like any other; a
// clipping whose article link is already there is skipped, so seeding twice adds nothing twice.
// Clippings about a demo event are linked to it (seed/events/press-coverage.json).
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { eventIdOf } from './access.ts';
import { createClipping, linkCoveredClippings } from './actions.ts';
import { clippingInput } from './schemas.ts';

const seedFile = z.object({ clippings: z.array(z.object({ url: z.string() }).passthrough()) });
/** Which clippings are about a demo event (seed/events/press-coverage.json), by what they cover. */
const eventLinks = z.object({ links: z.array(z.object({ event: z.string(), covers: z.string() })) });

export async function seedPress({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { clippings } = readSeedFile('press/clippings.json', seedFile);
  const existing = new Set(
    (await db.selectFrom('press_clippings').select('url').execute()).map((r) => r.url),
  );
  await db.transaction().execute(async (trx) => {
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const entry of clippings) {
      if (existing.has(entry.url)) continue;
      await createClipping(ctx, clippingInput.parse(entry));
    }
    // Clippings about an event of the hub point to it (when the events seed has run), once.
    for (const link of readSeedFile('events/press-coverage.json', eventLinks).links) {
      const event = await eventIdOf(trx, link.event);
      if (event === undefined) continue;
      await linkCoveredClippings(ctx, link.covers, event);
    }
  });
}
