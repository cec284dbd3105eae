// Small pieces the QPR pages share: a section's title (from the structure: an area's name, or the
// section's own), a part's heading, a status in words, and Markdown shown in its language.
import type { MessageKey, Translator } from '../../../platform/i18n.ts';
import { renderMarkdown } from '../../../platform/markdown.ts';
import type { SectionSpec } from '../structure.ts';

export function sectionTitle(t: Translator, spec: SectionSpec | undefined, code: string): string {
  if (spec?.area) return t(`qpr.area.${spec.area}` as MessageKey);
  return t(`qpr.section.${code}` as MessageKey);
}

export const goalTitle = (t: Translator, goal: string) => t(`qpr.goal.${goal}` as MessageKey);
export const statusLabel = (t: Translator, status: string) => t(`qpr.status.${status}` as MessageKey);
export const questionLabel = (t: Translator, q: string) => t(`qpr.question.${q}` as MessageKey);

export function Markdown(props: { text: string; lang: string }) {
  if (!props.text.trim()) return null;
  // Markdown, rendered and sanitised (platform/markdown.ts).
  return (
    <div class="prose" lang={props.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(props.text) }} />
  );
}
