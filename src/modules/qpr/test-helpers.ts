// Shared by the QPR tests: the team of a country's report (a coordinator who is the country's focal
// point, contributors, members of two of its organisations), another country's coordinator, an
// outsider, and small readers of what the database holds.
import type { TestClient, TestPlatform } from '../../../test/harness.ts';
import { grantRole } from '../../platform/scoped-roles.ts';
import { nowIso } from '../../platform/time.ts';

export const LAO = '/qpr/LA/2024-2027';
export const sectionOf = (code: string) => `${LAO}/sections/${code}`;

export interface Person {
  client: TestClient;
  user: { id: number; email: string };
  token: string;
}

async function focalPoint(hub: TestPlatform, country: string, name: string): Promise<Person> {
  const person = await hub.signedInWithToken('member', { name });
  await grantRole(hub.deps.db, {
    kind: 'country',
    key: country,
    userId: person.user.id,
    role: 'focal_point',
    by: null,
  });
  return person;
}

async function memberOf(hub: TestPlatform, slug: string, name: string): Promise<Person> {
  const person = await hub.signedInWithToken('member', { name });
  const org = await hub.deps.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await hub.deps.db
    .insertInto('organisation_members')
    .values({ organisation_id: org.id, user_id: person.user.id, role: 'editor', created_at: nowIso() })
    .execute();
  return person;
}

export async function laoTeam(hub: TestPlatform) {
  return {
    coordinator: await focalPoint(hub, 'LA', 'Lao Coordinator'),
    thaiCoordinator: await focalPoint(hub, 'TH', 'Thai Coordinator'),
    contributor: await hub.signedInWithToken('member', { name: 'Ministry Contributor' }),
    other: await hub.signedInWithToken('member', { name: 'Agency Contributor' }),
    stella: await memberOf(hub, 'stella', 'STELLA Member'),
    mict: await memberOf(hub, 'lao-mict', 'MICT Member'),
    outsider: await hub.signedInWithToken('member', { name: 'Outsider' }),
  };
}

export const notificationsOf = (hub: TestPlatform, userId: number, kind: string) =>
  hub.deps.db
    .selectFrom('notifications')
    .select(['url', 'params'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();

export const sectionRow = (hub: TestPlatform, code: string) =>
  hub.deps.db
    .selectFrom('qpr_sections as s')
    .innerJoin('qpr_reports as r', 'r.id', 's.report_id')
    .selectAll('s')
    .where('r.country', '=', 'LA')
    .where('s.code', '=', code)
    .executeTakeFirstOrThrow();
