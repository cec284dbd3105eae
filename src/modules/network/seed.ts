// Demo network from seed/network/network.json: around the Qingdao meeting, three demo accounts take
// the places of three synthetic rows of its roster (the events module's seed), they and a few more
// agree to be seen, connect, and two of them write. Written through the same actions as the pages;
// a connection or a message already there is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/time.ts';
import { readSeedFile } from '../../seed.ts';
import { connectionBetween, conversationBetween } from './access.ts';
import { acceptRequest, requestConnection } from './actions/connections.ts';
import { sendMessage } from './actions/messages.ts';

const seedFile = z.object({
  event: z.string(),
  members: z.array(z.object({ email: z.string(), roster: z.string() })),
  consenting: z.array(z.string()),
  connections: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      status: z.enum(['pending', 'accepted']),
      message: z.string(),
    }),
  ),
  conversation: z.array(z.object({ from: z.string(), to: z.string(), body: z.string() })),
});

export async function seedNetwork({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const data = readSeedFile('network/network.json', seedFile);
  const event = await db.selectFrom('events').select('id').where('slug', '=', data.event).executeTakeFirst();
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where(
      'email',
      'in',
      data.members.map((m) => m.email),
    )
    .execute();
  const byEmail = new Map(users.map((u) => [u.email, u]));
  // Without the events' demo content or the demo accounts there is nobody to connect.
  if (!event || users.length < data.members.length) return;
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const m of data.members) {
      const user = byEmail.get(m.email);
      if (!user) continue;
      await trx
        .updateTable('event_participants')
        .set({ user_id: user.id, networking_consent: 1, updated_at: now })
        .where('event_id', '=', event.id)
        .where('name', '=', m.roster)
        .where('user_id', 'is', null)
        .execute();
    }
    await trx
      .updateTable('event_participants')
      .set({ networking_consent: 1, updated_at: now })
      .where('event_id', '=', event.id)
      .where('name', 'in', data.consenting)
      .execute();
    const as = (email: string) => ({ ...systemContext(deps, 'seed', byEmail.get(email) ?? null), trx });
    for (const link of data.connections) {
      const [from, to] = [byEmail.get(link.from), byEmail.get(link.to)];
      if (!from || !to || (await connectionBetween(trx, from.id, to.id))) continue;
      const request = await requestConnection(as(link.from), { to: to.id, message: link.message });
      if (link.status === 'accepted') await acceptRequest(as(link.to), request.id);
    }
    const [first] = data.conversation;
    const a = first && byEmail.get(first.from);
    const b = first && byEmail.get(first.to);
    if (!a || !b || (await conversationBetween(trx, a.id, b.id))) return;
    for (const message of data.conversation) {
      const to = byEmail.get(message.to);
      if (to) await sendMessage(as(message.from), { to: to.id, body: message.body });
    }
  });
}
