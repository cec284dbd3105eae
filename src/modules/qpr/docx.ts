// The report as a Word document (the `docx` package) in the official structure, to be sent on,
// filed, or typed into UNESCO's online form. Headings are Word's own, so its outline and table of
// contents work; each text keeps its language (w:lang), so spelling and fonts follow it.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Translator } from '../../platform/i18n.ts';
import { paragraphsOf, type ReportDocument } from './document.ts';

const run = (text: string, lang?: string, bold = false) =>
  new TextRun({ text, bold, ...(lang ? { language: { value: lang } } : {}) });

export async function reportDocx(doc: ReportDocument, t: Translator): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(doc.title)] }),
    ...doc.facts.map((f) => new Paragraph({ children: [run(f)] })),
  ];
  for (const part of doc.parts) {
    if (part.heading)
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(part.heading)] }));
    for (const s of part.sections) {
      children.push(
        new Paragraph({
          heading: part.heading ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
          children: [run(s.title)],
        }),
      );
      for (const p of paragraphsOf(s.body)) children.push(new Paragraph({ children: [run(p, s.lang)] }));
      for (const a of s.answers)
        children.push(
          new Paragraph({
            children: [
              run(`${a.question} `, undefined, true),
              run(a.answer),
              ...(a.evidence ? [run(` — ${a.evidence}`, s.lang)] : []),
            ],
          }),
        );
      if (s.statistics.length)
        children.push(new Paragraph({ children: [run(t('qpr.statistics'), undefined, true)] }));
      for (const st of s.statistics)
        children.push(new Paragraph({ bullet: { level: 0 }, children: [run(st, s.lang)] }));
      if (s.measures.length)
        children.push(new Paragraph({ children: [run(t('qpr.linkedMeasures'), undefined, true)] }));
      for (const m of s.measures)
        children.push(
          new Paragraph({ bullet: { level: 0 }, children: [run(m.title, m.lang), run(` (${m.line})`)] }),
        );
      if (s.inputs.length)
        children.push(new Paragraph({ children: [run(t('qpr.inputsTaken'), undefined, true)] }));
      for (const i of s.inputs)
        children.push(
          new Paragraph({ bullet: { level: 0 }, children: [run(i.title, i.lang), run(` (${i.line})`)] }),
        );
      for (const d of s.documents) children.push(new Paragraph({ bullet: { level: 0 }, children: [run(d)] }));
    }
  }
  const document = new Document({ title: doc.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
