// User text is Markdown: rendered with marked, then cleaned with sanitize-html so that no script,
// event handler, style or javascript: link survives, whatever was typed.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'h2',
    'h3',
    'h4',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Links in user text leave the site without passing on the reader's session or referrer.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
    // A heading in user text sits under the page's own h1.
    h1: 'h2',
  },
};

export interface MarkdownOptions {
  /**
   * Images are dropped unless their address is a path on this site that matches this pattern
   * (e.g. the news module's uploads, /^\/news\/images\/\d+\.webp$/): no tracking pixels, no
   * mixed content, no data: or javascript: sources. Without it no image survives.
   */
  localImages?: RegExp;
}

/** ALLOWED plus <img> for the paths `pattern` accepts (built once per pattern). */
const withImages = new Map<string, sanitizeHtml.IOptions>();
function optionsFor(pattern: RegExp): sanitizeHtml.IOptions {
  const key = pattern.toString();
  let options = withImages.get(key);
  if (!options) {
    options = {
      ...ALLOWED,
      allowedTags: [...(ALLOWED.allowedTags || []), 'img'],
      allowedAttributes: { ...ALLOWED.allowedAttributes, img: ['src', 'alt', 'title', 'loading'] },
      // No scheme at all: only paths on this site (the pattern then narrows them further).
      allowedSchemesByTag: { img: [] },
      transformTags: {
        ...ALLOWED.transformTags,
        img: sanitizeHtml.simpleTransform('img', { loading: 'lazy' }),
      },
      exclusiveFilter: (frame) =>
        frame.tag === 'img' && !(typeof frame.attribs.src === 'string' && pattern.test(frame.attribs.src)),
    };
    withImages.set(key, options);
  }
  return options;
}

export function renderMarkdown(text: string, options: MarkdownOptions = {}): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, options.localImages ? optionsFor(options.localImages) : ALLOWED);
}

// Excerpts are rendered for every card of every list page; the same text gives the same excerpt,
// so each is rendered once per process and kept, keyed by its text (a write changes the text,
// and with it the key: nothing goes stale). Bounded: emptied when full.
const excerpts = new Map<string, string>();
const EXCERPTS_KEPT = 5000;

/** The first words of Markdown text as plain text, for cards and descriptions. */
export function excerpt(text: string, max = 200): string {
  const key = `${max}\u0000${text}`;
  const kept = excerpts.get(key);
  if (kept !== undefined) return kept;
  const made = makeExcerpt(text, max);
  if (text.length > 20_000) return made;
  if (excerpts.size >= EXCERPTS_KEPT) excerpts.clear();
  excerpts.set(key, made);
  return made;
}

function makeExcerpt(text: string, max: number): string {
  const plain = sanitizeHtml(marked.parse(text, { async: false }), { allowedTags: [], allowedAttributes: {} })
    // sanitize-html escapes these five in text; the page escapes again, so undo them here.
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
