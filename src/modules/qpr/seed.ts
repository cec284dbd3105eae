// The demo report: Lao PDR's report for the 2024-2027 cycle, a draft whose only content is what
// the source documents say (seed 000, the UNESCO project page) of how Lao PDR drafted its first
// QPR — the consultation process, run by a working team — quoted into the consultation section as
// the previous report's experience. Every other section is left empty: nothing is invented. The
// measures its areas link are the policies module's demo measures. Seeding twice adds nothing twice.
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { getReport, loadSection } from './access.ts';
import { createReport } from './actions/report.ts';
import { saveSection } from './actions/sections.ts';

/** Seed 000, nearly word for word. */
const CONSULTATION = `Lao PDR's first Quadrennial Periodic Report was submitted by the Lao Government after the completion of workshops, consultations, and civil society were given the opportunity to provide inputs, feedback, data and information on the report.

- 18 to 20 September 2017, Vientiane: a workshop on strengthening networking and knowledge management systems for Culture and Creative Industries, with 64 participants from various departments, ministries and civil society organisations, developed a workplan to finish the report.
- September and October 2017: two internal consultation meetings, convened by the leader of the working team, Mr Viengeo Souksavatdy, Deputy-Director of the Lao Heritage Department, allowed the working team to verify and compile additional information to be integrated in the report.

The coordination mechanism established among stakeholders in this process will be an important resource to further implementation of the 2005 Convention.`;

export async function seedQpr({ deps }: SeedContext): Promise<void> {
  if (await getReport(deps.db, 'LA', '2024-2027')) return;
  const ctx = systemContext(deps, 'seed');
  const report = await createReport(ctx, 'LA', '2024-2027');
  const role = { user: null, coordinator: true, assigned: [], organisations: [] };
  const section = await loadSection(deps.db, report, 'consultation');
  await saveSection(ctx, report, role, section, {
    body: CONSULTATION,
    lang: 'en',
    answers: {},
    statistics: [],
    documents: [],
  });
}
