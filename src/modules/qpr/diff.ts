// What changed between two versions of a section, readable: each version as the text a reader sees
// (the body, then each answer and statistic on its own line), compared word by word with the `diff`
// package. Words are cut with Intl.Segmenter, so Lao, Khmer, Thai and Burmese — written without
// spaces — are compared by word too, not as one long run.
import { diffWords } from 'diff';
import type { Translator } from '../../platform/i18n.ts';
import { contentOf } from './access.ts';

export interface VersionText {
  body: string;
  content: string;
}

/** A version as lines of text. */
export function versionText(version: VersionText, t: Translator): string {
  const content = contentOf(version.content);
  const lines = [version.body.trim()];
  for (const [q, a] of Object.entries(content.answers)) {
    const answer = a.answer ? t(a.answer === 'yes' ? 'qpr.yes' : 'qpr.no') : '—';
    lines.push(`${t('qpr.questionShort', { code: q })}: ${answer}${a.evidence ? ` — ${a.evidence}` : ''}`);
  }
  for (const s of content.statistics)
    lines.push(`${s.label}: ${s.value}${s.year ? ` (${s.year})` : ''}${s.source ? ` — ${s.source}` : ''}`);
  if (content.documents.length) lines.push(content.documents.join(', '));
  return lines.filter((l) => l !== '').join('\n');
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export function diffVersions(from: string, to: string, locale: string): DiffPart[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return diffWords(from, to, { intlSegmenter: segmenter }).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}
