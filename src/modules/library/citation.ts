// Citation export: RIS (Zotero, EndNote, Mendeley) and BibTeX. Both are a few lines of text per
// record, written here: the npm citation libraries (citation-js and its plugins) weigh megabytes,
// pull in a CSL engine, and know nothing of an official number like 1755/QĐ-TTg.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { attachment } from '../../platform/http/download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { type DocumentDetails, issuerNameOf } from './access.ts';
import type { DocumentKind } from './vocab.ts';

/** RIS reference types (RIS specification): statutes, legal rules, government documents, reports. */
const RIS_TYPE: Record<DocumentKind, string> = {
  convention: 'LEGAL',
  law: 'STAT',
  decree: 'LEGAL',
  policy: 'GOVDOC',
  report: 'RPRT',
  training: 'GEN',
  minutes: 'GEN',
  other: 'GEN',
};

/** One line per tag: a value never carries a line break into the next tag. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function toRis(docs: readonly DocumentDetails[], baseUrl: string): string {
  const lines: string[] = [];
  for (const doc of docs) {
    const tag = (name: string, value: string | null | undefined) => {
      if (value && oneLine(value)) lines.push(`${name}  - ${oneLine(value)}`);
    };
    tag('TY', RIS_TYPE[doc.kind]);
    tag('TI', doc.title);
    // The issuing body is a corporate author; RIS has no separate field for it.
    tag('AU', issuerNameOf(doc));
    tag('PY', doc.issued_on?.slice(0, 4));
    tag('DA', doc.issued_on?.replaceAll('-', '/'));
    tag('M1', doc.official_number);
    tag('LA', doc.lang);
    if (doc.summary) tag('AB', excerpt(doc.summary, 2000));
    for (const kw of [...doc.themes, ...doc.tags]) tag('KW', kw);
    tag('UR', `${baseUrl}/library/${doc.slug}`);
    tag('UR', doc.source_url);
    lines.push('ER  - ', '');
  }
  // RIS lines end with CR LF.
  return lines.join('\r\n');
}

/**
 * Escapes text for a BibTeX field: LaTeX's special characters become commands. Letters beyond
 * ASCII are kept as they are (UTF-8): biber, biblatex and every reference manager read them, and
 * LaTeX accent commands could never spell Lao, Khmer or Chinese anyway.
 */
export function bibtexEscape(text: string): string {
  const map: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    '#': '\\#',
    $: '\\$',
    '%': '\\%',
    '&': '\\&',
    _: '\\_',
    '~': '\\textasciitilde{}',
    '^': '\\textasciicircum{}',
  };
  return oneLine(text).replace(/[\\{}#$%&_~^]/g, (ch) => map[ch] ?? ch);
}

/** A citation key from the slug: letters, digits and hyphens are safe in every BibTeX tool. */
const citationKey = (doc: DocumentDetails) => `${doc.slug.replace(/[^a-z0-9-]/g, '')}`;

export function toBibtex(docs: readonly DocumentDetails[], baseUrl: string): string {
  return docs
    .map((doc) => {
      const fields: [string, string][] = [];
      const field = (name: string, value: string | null | undefined, raw = false) => {
        if (value && oneLine(value))
          fields.push([name, raw ? oneLine(value).replace(/[{}]/g, '') : bibtexEscape(value)]);
      };
      // Double braces keep the title's capitals and the corporate author as one name.
      if (doc.title) fields.push(['title', `{${bibtexEscape(doc.title)}}`]);
      const issuer = issuerNameOf(doc);
      if (issuer)
        fields.push([doc.kind === 'report' ? 'institution' : 'author', `{${bibtexEscape(issuer)}}`]);
      field('year', doc.issued_on?.slice(0, 4));
      field('date', doc.issued_on);
      field('number', doc.official_number);
      field('language', doc.lang);
      if (doc.summary) field('abstract', excerpt(doc.summary, 2000));
      if (doc.themes.length || doc.tags.length) field('keywords', [...doc.themes, ...doc.tags].join(', '));
      // URLs are verbatim fields (the url package): escaping them would break the address.
      field('url', doc.source_url ?? `${baseUrl}/library/${doc.slug}`, true);
      if (doc.source_url) field('note', `${baseUrl}/library/${doc.slug}`, true);
      const type = doc.kind === 'report' ? 'techreport' : 'misc';
      return `@${type}{${citationKey(doc)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

export const CITATION_FORMATS = ['ris', 'bib'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const CITATION_TYPES: Record<CitationFormat, string> = {
  ris: 'application/x-research-info-systems; charset=utf-8',
  bib: 'application/x-bibtex; charset=utf-8',
};

/** Documents as a RIS or BibTeX download named `<name>.<format>`. */
export function citationDownload(
  c: Context<AppEnv>,
  docs: readonly DocumentDetails[],
  format: CitationFormat,
  name: string,
): Response {
  const { baseUrl } = c.var.deps.config;
  const text = format === 'ris' ? toRis(docs, baseUrl) : toBibtex(docs, baseUrl);
  return attachment(c, text, CITATION_TYPES[format], `${name}.${format}`);
}
