// The report as a document in the official structure, in the reader's language: what the DOCX
// export and the print-ready page both write. The technical information first (the Party, the
// cycle, the submission), then each part and its sections: their text, answers with evidence,
// statistics, the measures linked from the policies database, and the civil-society inputs taken in.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Formatters, Translator } from '../../platform/i18n.ts';
import { contentOf, type Report, sectionsOf, structureOfReport } from './access.ts';
import { inputsOf, measuresOfAreas } from './listing.ts';
import { sectionSpec } from './structure.ts';
import { goalTitle, questionLabel, sectionTitle } from './views/parts.tsx';

export interface DocumentSection {
  title: string;
  body: string;
  lang: string;
  answers: { question: string; answer: string; evidence: string }[];
  statistics: string[];
  measures: { title: string; lang: string; line: string }[];
  inputs: { title: string; lang: string; line: string }[];
  documents: string[];
}

export interface ReportDocument {
  title: string;
  facts: string[];
  parts: { heading: string | null; sections: DocumentSection[] }[];
}

export async function reportDocumentOf(
  db: Kysely<Database>,
  report: Report,
  t: Translator,
  fmt: Formatters,
): Promise<ReportDocument> {
  const structure = structureOfReport(report);
  const sections = await sectionsOf(db, report);
  const areas = structure.sections.flatMap((s) => (s.area ? [s.area] : []));
  const [measures, inputs, submitter] = await Promise.all([
    measuresOfAreas(db, report.country, areas),
    inputsOf(db, report, { sent: true }),
    report.submitted_by === null
      ? undefined
      : db.selectFrom('users').select('name').where('id', '=', report.submitted_by).executeTakeFirst(),
  ]);
  const taken = inputs.filter((i) => i.status === 'accepted' || i.status === 'merged');
  const parts: ReportDocument['parts'] = [];
  for (const s of sections) {
    const spec = sectionSpec(structure, s.code);
    const heading = spec?.goal ? goalTitle(t, spec.goal) : null;
    const last = parts.at(-1);
    const part = last && last.heading === heading ? last : { heading, sections: [] };
    if (part !== last) parts.push(part);
    const content = contentOf(s.content);
    part.sections.push({
      title: sectionTitle(t, spec, s.code),
      body: s.body,
      lang: s.lang,
      answers: (spec?.questions ?? []).map((q) => ({
        question: questionLabel(t, q),
        answer: content.answers[q]?.answer
          ? t(content.answers[q]?.answer === 'yes' ? 'qpr.yes' : 'qpr.no')
          : '—',
        evidence: content.answers[q]?.evidence ?? '',
      })),
      statistics: content.statistics.map(
        (st) =>
          `${st.label}: ${st.value}${st.year ? ` (${st.year})` : ''}${st.source ? ` — ${st.source}` : ''}`,
      ),
      measures: measures
        .filter((m) => m.area === spec?.area)
        .map((m) => ({
          title: m.title,
          lang: m.lang,
          line: `${m.report_year} · ${t(m.source === 'civil_society' ? 'qpr.fromCivilSociety' : 'qpr.fromGovernment')}`,
        })),
      inputs:
        spec?.kind === 'civil_society'
          ? taken.map((i) => ({
              title: i.title,
              lang: i.lang,
              line: `${i.organisation} · ${t(`qpr.kind.${i.kind}` as never)}`,
            }))
          : [],
      documents: content.documents,
    });
  }
  return {
    title: t('qpr.reportTitle', { country: fmt.country(report.country), cycle: report.cycle }),
    facts: [
      t('qpr.factParty', { country: fmt.country(report.country) }),
      t('qpr.factCycle', { cycle: report.cycle }),
      report.status === 'submitted'
        ? t('qpr.submittedOn', { date: fmt.date(report.submitted_at), name: submitter?.name ?? '—' })
        : t('qpr.state.draft'),
    ],
    parts,
  };
}

/** Markdown as plain paragraphs (the DOCX has no Markdown): blank lines part them, marks go. */
export function paragraphsOf(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/^#{1,6}\s+/gm, '')
        .replace(/^\s*[-*+]\s+/gm, '• ')
        .replace(/\*\*|__|`/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter((p) => p !== '');
}
