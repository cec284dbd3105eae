// Demo events from seed/events/events.json (taken from the source documents): written through the
// same schema and actions as the pages, in one transaction, so they are validated and indexed like
// any other. The Hue agenda is kept as the published text and read by the paste parser, the way an
// organiser would enter it. Their rosters come from seed/events/rosters.json (participants/seed.ts).
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { resolveOrganisations } from './access.ts';
import { savePasted, setDayTitle } from './actions/agenda.ts';
import { createEvent } from './actions/events.ts';
import { parseAgendaText } from './agenda-text.ts';
import { seedRosters } from './participants/index.ts';
import { eventInputSchema } from './schemas.ts';

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
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const entry of events) {
      if (existing.has(entry.slug)) continue;
      // Organisations missing from this hub's directory are left out rather than failing the seed.
      const { unknown } = await resolveOrganisations(
        trx,
        entry.organisations.map((o) => o.slug),
      );
      const input = eventInputSchema.parse({
        ...entry,
        organisations: entry.organisations.filter((o) => !unknown.has(o.slug)),
      });
      const event = await createEvent(ctx, input, { slug: entry.slug });
      for (const [date, title] of Object.entries(entry.days ?? {}))
        await setDayTitle(ctx, event, { date, title });
      // The agenda's titles and speakers become part of the event's search entry.
      for (const [date, text] of Object.entries(entry.agenda ?? {})) {
        const agenda = parseAgendaText(text);
        if (agenda.problems.length) throw new Error(`seed/events: unreadable agenda lines in ${entry.slug}`);
        await savePasted(ctx, event, date, agenda);
      }
    }
  });
  // The rosters that give the demo events their published figures (seed/events/rosters.json).
  await seedRosters(db);
}
