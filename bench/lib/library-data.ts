// Generated library documents for the HTTP benchmark: records in the languages of the region
// (titles in each country's language and script, kinds, places, languages, domains, years, issuers
// from the directory, English title translations, language versions), each with files whose
// extracted text is a few KB of generated text in the document's language (words drawn from the
// search engine's multilingual corpus, see corpus.ts), one in ten with an earlier version. The
// bytes of every version are the one real PDF of the test fixtures, stored once (the store is by
// content hash), so downloads answer. Inserted with plain inserts in one transaction, then indexed
// through the library's own search provider, as `hub search reindex` does.
import type { Insertable, Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/schema.ts';
import { libraryModule } from '../../src/modules/library/index.ts';
import type { DocumentsTable } from '../../src/modules/library/tables.ts';
import { DOCUMENT_KINDS } from '../../src/modules/library/vocab.ts';
import { fixture } from '../../src/platform/files/test-files.ts';
import { DAY, isoIn } from '../../src/platform/time.ts';
import { DOMAINS } from '../../src/platform/vocabularies.ts';
import { indexRecords, type SearchableRecord } from '../../src/search/index.ts';
import { openPlatform } from '../../src/server.ts';
import { between, type Lang, loadVocabulary, prng, type Random } from './corpus.ts';

/**
 * The word the search target looks for. It is planted in the file text of one document in
 * PLANTED_SHARE, and kept out of the generated vocabulary, so the query's matches are known: a
 * word found only inside files, in 1 % of the library.
 */
export const LIBRARY_SEARCH_WORD = 'หัตถกรรม';
const PLANTED_SHARE = 0.01;
/** The document the page target opens: two files, an earlier version, a language version. */
export const LIBRARY_BENCH_DOCUMENT = 'bench-doc-1';

const CHUNK = 200;

/** Countries of generated documents: language, share, and the words their titles are made of. */
const COUNTRIES: { code: string; lang: Lang; tag: string; share: number; words: string[][] }[] = [
  {
    code: 'VN',
    lang: 'vi',
    tag: 'vi',
    share: 25,
    words: [
      ['Quyết định', 'Nghị định', 'Thông tư', 'Chiến lược', 'Báo cáo'],
      [
        'phát triển công nghiệp văn hóa',
        'bảo vệ di sản',
        'quyền tác giả',
        'làng nghề truyền thống',
        'du lịch di sản',
      ],
    ],
  },
  {
    code: 'TH',
    lang: 'th',
    tag: 'th',
    share: 18,
    words: [
      ['พระราชบัญญัติ', 'ประกาศ', 'ยุทธศาสตร์', 'รายงาน', 'แผนแม่บท'],
      ['อุตสาหกรรมสร้างสรรค์', 'มรดกทางวัฒนธรรม', 'ลิขสิทธิ์', 'ผ้าไหมไทย', 'การท่องเที่ยวเชิงวัฒนธรรม'],
    ],
  },
  {
    code: 'LA',
    lang: 'lo',
    tag: 'lo',
    share: 12,
    words: [
      ['ກົດໝາຍ', 'ດຳລັດ', 'ຍຸດທະສາດ', 'ບົດລາຍງານ'],
      ['ວ່າດ້ວຍມໍລະດົກແຫ່ງຊາດ', 'ວ່າດ້ວຍວິສາຫະກິດ', 'ອຸດສາຫະກຳວັດທະນະທຳ', 'ການທ່ອງທ່ຽວ'],
    ],
  },
  {
    code: 'KH',
    lang: 'km',
    tag: 'km',
    share: 10,
    words: [
      ['ច្បាប់', 'អនុក្រឹត្យ', 'គោលនយោបាយ', 'របាយការណ៍'],
      ['ស្តីពីបេតិកភណ្ឌវប្បធម៌', 'ស្តីពីសិល្បៈ', 'ឧស្សាហកម្មវប្បធម៌'],
    ],
  },
  {
    code: 'MM',
    lang: 'my',
    tag: 'my',
    share: 7,
    words: [
      ['ဥပဒေ', 'နည်းဥပဒေ', 'မူဝါဒ', 'အစီရင်ခံစာ'],
      ['ယဉ်ကျေးမှုအမွေအနှစ်', 'ဖန်တီးမှုစက်မှုလုပ်ငန်း', 'လက်မှုပညာ'],
    ],
  },
  {
    code: 'CN',
    lang: 'zh',
    tag: 'zh-Hans',
    share: 8,
    words: [
      ['关于', '国家', '地方'],
      ['文化产业发展规划', '非物质文化遗产保护条例', '创意产业报告'],
    ],
  },
  {
    code: 'ID',
    lang: 'id',
    tag: 'id',
    share: 5,
    words: [
      ['Undang-Undang', 'Peraturan', 'Strategi', 'Laporan'],
      ['Ekonomi Kreatif', 'Pemajuan Kebudayaan', 'Hak Cipta', 'Warisan Budaya'],
    ],
  },
  {
    code: 'MN',
    lang: 'mn',
    tag: 'mn',
    share: 5,
    words: [
      ['Хууль', 'Тогтоол', 'Бодлого', 'Тайлан'],
      ['соёлын өвийн тухай', 'бүтээлч үйлдвэрлэлийн', 'зохиогчийн эрхийн'],
    ],
  },
  {
    code: 'SG',
    lang: 'en',
    tag: 'en',
    share: 10,
    words: [
      ['Law on', 'Decree on', 'Strategy for', 'Study of', 'Toolkit for'],
      [
        'the creative economy',
        'intangible cultural heritage',
        'copyright and related rights',
        'heritage tourism',
      ],
    ],
  },
];
const REGIONS = ['southeast_asia', 'mekong', 'asean', 'asia_pacific'];
const THEMES = [
  'copyright',
  'creative industries',
  'heritage tourism',
  'crafts',
  'cultural policy',
  'statistics',
];
const STATUSES = ['in_force', 'in_force', 'draft', 'superseded', null, null] as const;

const pick = <T>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function pickCountry(rand: Random) {
  let r = rand() * COUNTRIES.reduce((s, c) => s + c.share, 0);
  for (const c of COUNTRIES) {
    r -= c.share;
    if (r < 0) return c;
  }
  return COUNTRIES[0]!;
}

/** Generated text of about `bytes` UTF-8 bytes in `lang`, as that language writes it. */
function fileText(words: string[], lang: Lang, rand: Random, bytes: number): string {
  const unspaced = lang === 'th' || lang === 'lo' || lang === 'km' || lang === 'my' || lang === 'zh';
  const parts: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < bytes) {
    // Zipf-like: low ranks (frequent words) far more often than the tail.
    const word = words[Math.floor(words.length * rand() ** 2.5)]!;
    const end = ++sentence % between(rand, 8, 16) === 0;
    const piece = word + (end ? (unspaced ? ' ' : '. ') : unspaced ? (rand() < 0.12 ? ' ' : '') : ' ');
    parts.push(piece);
    size += Buffer.byteLength(piece);
  }
  return parts.join('').trim();
}

export interface LibraryCounts {
  documents: number;
  files: number;
  versions: number;
  /** Documents whose current file holds LIBRARY_SEARCH_WORD. */
  planted: number;
  textMegabytes: number;
  seconds: number;
}

/** Adds `count` published and unpublished documents with files to the database in `dataDir`. */
export async function addLibrary(dataDir: string, count: number, seed = 7): Promise<LibraryCounts> {
  const started = performance.now();
  const platform = openPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const { db, files } = platform.deps;
    const pdf = fixture('multilingual.pdf');
    const { hash } = await files.put(pdf);
    const vocabulary = loadVocabulary(1);
    const wordsOf = (lang: Lang) =>
      vocabulary.byLang[lang].words.filter(
        (w) => !w.includes(LIBRARY_SEARCH_WORD) && !LIBRARY_SEARCH_WORD.includes(w),
      );
    const vocab = new Map(COUNTRIES.map((c) => [c.lang, wordsOf(c.lang)]));
    const issuers = (
      await db.selectFrom('organisations').select('id').where('status', '=', 'published').limit(200).execute()
    ).map((o) => o.id);
    const counts = await insertLibrary(db, { count, seed, hash, size: pdf.byteLength, vocab, issuers });
    await indexLibrary(db);
    return { ...counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await platform.close();
  }
}

async function insertLibrary(
  db: Kysely<Database>,
  options: {
    count: number;
    seed: number;
    hash: string;
    size: number;
    vocab: Map<Lang, string[]>;
    issuers: number[];
  },
): Promise<Omit<LibraryCounts, 'seconds'>> {
  const rand = prng(options.seed);
  const now = new Date();
  let files = 0;
  let versions = 0;
  let planted = 0;
  let textBytes = 0;
  await db.transaction().execute(async (trx) => {
    const idsByLang = new Map<string, number[]>();
    for (let start = 0; start < options.count; start += CHUNK) {
      const size = Math.min(CHUNK, options.count - start);
      const rows: Insertable<DocumentsTable>[] = [];
      const countries: (typeof COUNTRIES)[number][] = [];
      for (let i = 0; i < size; i++) {
        const k = start + i + 1;
        const country = pickCountry(rand);
        countries.push(country);
        const issuedOn =
          rand() < 0.9
            ? `${between(rand, 1990, 2026)}-${String(between(rand, 1, 12)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}`
            : null;
        const issuer = options.issuers.length && rand() < 0.3 ? pick(rand, options.issuers) : null;
        const at = isoIn(-(k % 2000) * DAY, now);
        const title = `${pick(rand, country.words[0]!)} ${pick(rand, country.words[1]!)} ${k}`;
        rows.push({
          slug: `bench-doc-${k}`,
          kind: pick(rand, DOCUMENT_KINDS),
          title,
          summary: `${title}. ${fileText(options.vocab.get(country.lang)!, country.lang, rand, 300)}`,
          lang: country.tag,
          official_number: rand() < 0.6 ? `${k}/${country.code}-${between(rand, 1, 99)}` : null,
          issuer_organisation_id: issuer,
          issuer_name: issuer ? null : `${country.code} Ministry of Culture`,
          issued_on: issuedOn,
          in_force_from: issuedOn,
          in_force_to: null,
          status: pick(rand, STATUSES),
          licence: null,
          source_url: null,
          published_at: k === 1 || rand() < 0.97 ? at : null,
          created_by: null,
          created_at: at,
          updated_at: at,
        });
      }
      const inserted = await trx.insertInto('documents').values(rows).returning(['id', 'lang']).execute();
      const facets: {
        document_id: number;
        facet: 'place' | 'language' | 'domain' | 'theme';
        value: string;
      }[] = [];
      const translations: { document_id: number; lang: string; title: string; summary: string }[] = [];
      const links: { document_id: number; original_id: number }[] = [];
      const fileRows: {
        document_id: number;
        lang: string;
        label: string | null;
        created_by: null;
        created_at: string;
        updated_at: string;
      }[] = [];
      const texts: { versions: number; texts: string[] }[] = [];
      inserted.forEach(({ id, lang }, i) => {
        const country = countries[i]!;
        const k = start + i + 1;
        facets.push({ document_id: id, facet: 'place', value: country.code });
        if (rand() < 0.4) facets.push({ document_id: id, facet: 'place', value: pick(rand, REGIONS) });
        facets.push({ document_id: id, facet: 'language', value: lang });
        if (lang !== 'en' && rand() < 0.3) facets.push({ document_id: id, facet: 'language', value: 'en' });
        for (const d of new Set([pick(rand, DOMAINS), pick(rand, DOMAINS)]))
          facets.push({ document_id: id, facet: 'domain', value: d });
        if (rand() < 0.5) facets.push({ document_id: id, facet: 'theme', value: pick(rand, THEMES) });
        if (lang !== 'en' && rand() < 0.3)
          translations.push({
            document_id: id,
            lang: 'en',
            title: `Translated title of document ${k}`,
            summary: '',
          });
        // One in twenty is the same document as an earlier one in another language.
        const earlier = [...idsByLang].filter(([l]) => l !== lang).flatMap(([, ids]) => ids.slice(-5));
        if ((k === 1 || rand() < 0.05) && earlier.length)
          links.push({ document_id: id, original_id: pick(rand, earlier) });
        idsByLang.set(lang, [...(idsByLang.get(lang) ?? []).slice(-20), id]);
        // Most documents have one file, some two, one in ten none (a record without its text).
        const fileCount = k === 1 ? 2 : rand() < 0.1 ? 0 : rand() < 0.2 ? 2 : 1;
        for (let f = 0; f < fileCount; f++) {
          const at = isoIn(-(k % 2000) * DAY, now);
          fileRows.push({
            document_id: id,
            lang,
            label: f === 0 ? null : 'Annex',
            created_by: null,
            created_at: at,
            updated_at: at,
          });
          const versionCount = k === 1 || rand() < 0.1 ? 2 : 1;
          const own: string[] = [];
          for (let v = 0; v < versionCount; v++) {
            let text = fileText(
              options.vocab.get(country.lang)!,
              country.lang,
              rand,
              between(rand, 2000, 5000),
            );
            if (v === versionCount - 1 && f === 0 && rand() < PLANTED_SHARE) {
              // In the middle of the text, where only the file has it.
              const middle = Math.floor(text.length / 2);
              text = `${text.slice(0, middle)} ${LIBRARY_SEARCH_WORD} ${text.slice(middle)}`;
              planted++;
            }
            textBytes += Buffer.byteLength(text);
            own.push(text);
          }
          texts.push({ versions: versionCount, texts: own });
        }
      });
      for (let f = 0; f < facets.length; f += CHUNK)
        await trx
          .insertInto('document_facets')
          .values(facets.slice(f, f + CHUNK))
          .execute();
      if (translations.length) await trx.insertInto('document_translations').values(translations).execute();
      if (links.length) await trx.insertInto('document_language_versions').values(links).execute();
      if (fileRows.length) {
        const fileIds = await trx.insertInto('document_files').values(fileRows).returning('id').execute();
        const versionRows = fileIds.flatMap(({ id }, i) =>
          texts[i]!.texts.map((text, v) => ({
            file_id: id,
            hash: options.hash,
            mime: 'application/pdf',
            size: options.size,
            name: `document-${id}-v${v + 1}.pdf`,
            pages: between(rand, 1, 80),
            text,
            uploaded_by: null,
            created_at: fileRows[i]!.created_at,
          })),
        );
        for (let f = 0; f < versionRows.length; f += 50)
          await trx
            .insertInto('document_file_versions')
            .values(versionRows.slice(f, f + 50))
            .execute();
        files += fileIds.length;
        versions += versionRows.length;
      }
    }
  });
  return { documents: options.count, files, versions, planted, textMegabytes: textBytes / 2 ** 20 };
}

/** Indexes every document with its files' texts through the library's provider, 500 at a time. */
async function indexLibrary(db: Kysely<Database>): Promise<void> {
  const provider = libraryModule.searchProviders?.[0];
  if (!provider) throw new Error('the library has no search provider');
  let batch: SearchableRecord[] = [];
  const flush = async () => {
    const records = batch;
    batch = [];
    await db.transaction().execute((trx) => indexRecords(trx, records));
  };
  for await (const record of provider.records(db)) {
    batch.push(record);
    if (batch.length >= 500) await flush();
  }
  if (batch.length) await flush();
}
