// Demo events from seed/events/events.json (taken from the source documents): written through the
// same schema and actions as the pages, in one transaction, so they are validated and indexed like
// any other. The Hue agenda is kept as the published text and read by the paste parser, the way an
// organiser would enter it. Their rosters come from seed/events/rosters.json (participants/seed.ts).
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { DAY, todayIn } from '../../platform/time.ts';
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
        /** A demonstration event dated from the seeding day (so the home page has one coming). */
        starts_in_days: z.number().int().min(0).optional(),
        length_days: z.number().int().min(1).default(1),
      })
      .passthrough(),
  ),
});

/** Dates `starts_in_days` after today in the event's zone, for `length_days` days. */
function datesFromToday(entry: { starts_in_days?: number; length_days: number; time_zone?: unknown }) {
  if (entry.starts_in_days === undefined) return {};
  const zone = typeof entry.time_zone === 'string' ? entry.time_zone : 'UTC';
  const startsOn = addDays(todayIn(zone), entry.starts_in_days);
  return { starts_on: startsOn, ends_on: addDays(startsOn, entry.length_days - 1) };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY * 1000).toISOString().slice(0, 10);

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
        ...datesFromToday(entry),
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
