// Text clean-up shared by everything that is indexed and every query: one function, so documents
// and queries can never be prepared differently.
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js/t2cn';
import { UNSPACED } from './scripts.ts';

// myanmar-tools is CommonJS without types. 1.1.3 is pinned: 1.2.0 on npm ships without its files.
const require = createRequire(import.meta.url);
const myanmarTools = require('myanmar-tools') as {
  ZawgyiDetector: new () => { getZawgyiProbability: (text: string) => number };
  ZawgyiConverter: new () => { zawgyiToUnicode: (text: string) => string };
};
const zawgyiDetector = new myanmarTools.ZawgyiDetector();
const zawgyiConverter = new myanmarTools.ZawgyiConverter();
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

const MYANMAR = /[\u1000-\u109f]/;
const HAN = /\p{Script=Han}/u;
/** Burmese text whose Zawgyi probability is above this is converted to Unicode. */
const ZAWGYI_THRESHOLD = 0.95;

export function isZawgyi(text: string): boolean {
  return MYANMAR.test(text) && zawgyiDetector.getZawgyiProbability(text) > ZAWGYI_THRESHOLD;
}

/**
 * Text as it is stored and shown: well-formed Unicode, NFC, no invisible format characters,
 * Burmese in Unicode even when it was typed in the legacy Zawgyi encoding.
 */
export function cleanText(input: string): string {
  let text = input.toWellFormed();
  // A zero-width space is an invisible word-break hint. Khmer, Burmese and Thai typists put it
  // between words that are otherwise written together: there it is dropped, so the text reads (and
  // is searched) as written; between words of spaced scripts it becomes a space. The other
  // invisible characters join or hint and are dropped. Control characters (but line breaks and
  // tabs) become spaces.
  text = text
    .replace(/\u200b/g, (_zwsp, at: number, whole: string) =>
      UNSPACED.test(whole[at - 1] ?? '') || UNSPACED.test(whole[at + 1] ?? '') ? '' : ' ',
    )
    .replace(/\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')
    .replace(/[\p{Cc}\ufffd]/gu, (c) => (c === '\n' || c === '\t' ? c : ' '));
  if (isZawgyi(text)) {
    // The detector can be sure of short Unicode text too (ဘာသာစကား scores 0.99): keep a conversion
    // only when its result reads as Unicode Burmese, so correct text is never damaged.
    const converted = zawgyiConverter.zawgyiToUnicode(text);
    if (zawgyiDetector.getZawgyiProbability(converted) < 1 - ZAWGYI_THRESHOLD) text = converted;
  }
  return text.normalize('NFC');
}

/**
 * The form in which text is tokenized: clean, compatibility-normalised (full-width letters, Lao
 * ໍ + າ written apart), lower case, Traditional Chinese folded to Simplified.
 */
export function searchForm(input: string): string {
  let text = cleanText(input).normalize('NFKC').toLowerCase();
  if (HAN.test(text)) text = toSimplified(text);
  return text;
}
