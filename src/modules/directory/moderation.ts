// What the directory hands to the moderation queue: organisations can be reported, those added
// while `directory.approval` is on wait for a moderator, and that switch itself.
import type { ModerationHooks } from '../../platform/context.ts';
import { reportableAt } from '../../platform/reportables.ts';
import { getOrganisation, memberRole } from './access.ts';
import { canView } from './permissions.ts';
import { APPROVAL_SETTING } from './vocab.ts';

export const directoryModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'organisation',
      label: 'directory.searchType',
      path: '/directory/',
      async find(db, slug, viewer) {
        const org = await getOrganisation(db, slug);
        if (!org) return null;
        const role = viewer ? await memberRole(db, org.id, viewer.id) : null;
        return canView(viewer, org, role) ? org : null;
      },
      title: (org) => org.name,
      keyOf: (org) => org.slug,
    }),
  ],
  async pending(db) {
    const rows = await db
      .selectFrom('organisations')
      .select(['slug', 'name', 'created_at'])
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      type: 'organisation',
      title: r.name,
      url: `/directory/${r.slug}`,
      approveAction: `/directory/${r.slug}/approve?back=/moderation`,
      createdAt: r.created_at,
    }));
  },
  settings: [
    { key: APPROVAL_SETTING, label: 'directory.approvalSetting', hint: 'directory.approvalSettingHint' },
  ],
};
