// Demo rosters from seed/events/rosters.json: generated participants with plainly synthetic names
// ("Participant 07") that reproduce the published figures of the demo events — Qingdao's 21
// participants from 11 countries, 13 of them women, and 7 observers; Vientiane's 64; Khon Kaen's 25
// from five countries in the training's three categories. A participant (by event and name) or a
// category (by label) that is already there is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import type { DB } from '../../../db/index.ts';
import { isCountryCode } from '../../../platform/countries.ts';
import { nowIso } from '../../../platform/time.ts';
import { ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import { readSeedFile } from '../../../seed.ts';
import { PARTICIPANT_ROLES } from '../registration/vocab.ts';

const rosterFile = z.object({
  rosters: z.array(
    z.object({
      event: z.string(),
      categories: z.array(z.string().min(1).max(200)).default([]),
      groups: z.array(
        z.object({
          count: z.number().int().min(1).max(10_000),
          country: z.string().refine(isCountryCode),
          role: z.enum(PARTICIPANT_ROLES).default('participant'),
          /** How many of the group are women (the others men); absent: gender not stated. */
          women: z.number().int().min(0).optional(),
          kinds: z.array(z.enum(ORGANISATION_KINDS)).default([]),
          /** Index into the roster's categories. */
          category: z.number().int().min(0).optional(),
        }),
      ),
    }),
  ),
});

/** The people of a roster as rows, numbered per role: "Participant 01", "Observer 01". */
export function expandRoster(groups: z.infer<typeof rosterFile>['rosters'][number]['groups']) {
  const numbers = { participant: 0, observer: 0 };
  const total = { participant: 0, observer: 0 };
  for (const g of groups) total[g.role] += g.count;
  return groups.flatMap((g) =>
    Array.from({ length: g.count }, (_, i) => {
      numbers[g.role] += 1;
      const width = String(total[g.role]).length < 2 ? 2 : String(total[g.role]).length;
      const label = g.role === 'observer' ? 'Observer' : 'Participant';
      return {
        name: `${label} ${String(numbers[g.role]).padStart(width, '0')}`,
        role: g.role,
        country: g.country,
        gender: g.women === undefined ? null : i < g.women ? ('woman' as const) : ('man' as const),
        organisation_kind: g.kinds.length ? (g.kinds[i % g.kinds.length] ?? null) : null,
        category: g.category,
      };
    }),
  );
}

export async function seedRosters(db: DB): Promise<void> {
  const { rosters } = readSeedFile('events/rosters.json', rosterFile);
  await db.transaction().execute(async (trx) => {
    for (const roster of rosters) {
      const event = await trx
        .selectFrom('events')
        .select('id')
        .where('slug', '=', roster.event)
        .executeTakeFirst();
      if (!event) continue;
      const categoryIds: number[] = [];
      for (const [position, label] of roster.categories.entries()) {
        const found = await trx
          .selectFrom('event_categories')
          .select('id')
          .where('event_id', '=', event.id)
          .where('label', '=', label)
          .executeTakeFirst();
        categoryIds.push(
          found?.id ??
            (
              await trx
                .insertInto('event_categories')
                .values({ event_id: event.id, position, label })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
        );
      }
      const taken = new Set(
        (
          await trx
            .selectFrom('event_participants')
            .select('name')
            .where('event_id', '=', event.id)
            .where('registration_id', 'is', null)
            .execute()
        ).map((r) => r.name),
      );
      const now = nowIso();
      const rows = expandRoster(roster.groups)
        .filter((p) => !taken.has(p.name))
        .map(({ category, ...p }) => ({
          ...p,
          event_id: event.id,
          category_id: category === undefined ? null : (categoryIds[category] ?? null),
          networking_consent: 0,
          created_at: now,
          updated_at: now,
        }));
      for (let i = 0; i < rows.length; i += 100)
        await trx
          .insertInto('event_participants')
          .values(rows.slice(i, i + 100))
          .execute();
    }
  });
}
