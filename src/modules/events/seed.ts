// Demo events from seed/events/events.json (taken from the source documents): written through the
// same store functions as the pages, so they are indexed like any other. The Hue agenda is kept as
// the published text and read by the paste parser, the way an organiser would enter it. Their rosters
// come from seed/events/rosters.json (participants/seed.ts).
import { z } from 'zod';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { resolveOrganisations } from './access.ts';
import { createEvent } from './actions.ts';
import { savePasted, setDayTitle } from './agenda.ts';
import { parseAgendaText } from './agenda-text.ts';
import { seedRosters } from './participants/seed.ts';
import { eventInputSchema } from './schemas.ts';
import { reindex } from './search.ts';

const seedFile = z.object({
  events: z.array(
    z
      .object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        organisations: z.array(z.object({ slug: z.string(), role: z.string() })),
        agenda: z.record(z.string(), z.string()).optional(),
        days: z.record(z.string(), z.string()).optional(),
      })
      .passthrough(),
  ),
});

export async function seedEvents({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { events } = readSeedFile('events/events.json', seedFile);
  const existing = new Set((await db.selectFrom('events').select('slug').execute()).map((e) => e.slug));
  await db.transaction().execute(async (trx) => {
    for (const entry of events) {
      if (existing.has(entry.slug)) continue;
      // Organisations missing from this hub's directory are left out rather than failing the seed.
      const { ids, unknown } = await resolveOrganisations(
        trx,
        entry.organisations.map((o) => o.slug),
      );
      const input = eventInputSchema.parse({
        ...entry,
        organisations: entry.organisations.filter((o) => !unknown.has(o.slug)),
      });
      const event = await createEvent(trx, input, { actor: null, organisationIds: ids, slug: entry.slug });
      for (const [date, title] of Object.entries(entry.days ?? {}))
        await setDayTitle(trx, event.id, date, title);
      for (const [date, text] of Object.entries(entry.agenda ?? {})) {
        const agenda = parseAgendaText(text);
        if (agenda.problems.length) throw new Error(`seed/events: unreadable agenda lines in ${entry.slug}`);
        await savePasted(trx, event.id, date, agenda);
      }
      // The agenda's titles and speakers are part of the event's search entry.
      await reindex(trx, event.id);
    }
  });
  // The rosters that give the demo events their published figures (seed/events/rosters.json).
  await seedRosters(db);
}
