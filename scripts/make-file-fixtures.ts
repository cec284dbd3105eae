// Regenerates the committed test files under test/fixtures/files/ with real tools, so the upload
// checks and text extraction are tested on what real software produces, not on hand-made bytes:
//
//   multilingual.pdf  an HTML page with Thai, Lao, Vietnamese, Khmer and English sentences printed
//                     to PDF by Chromium (playwright-core driving Debian's /usr/bin/chromium; the
//                     fonts come from Debian's fonts-noto-core, without which the glyphs are boxes)
//   encrypted.pdf     the same PDF protected with a password by qpdf (AES-256)
//
// Needs: apt-get install -y chromium fonts-noto-core qpdf
// Run:   node --import tsx scripts/make-file-fixtures.ts
//
// The files are committed, so `npm test` needs neither Chromium nor qpdf; the other test files
// (DOCX, XLSX, bombs, fakes) are made by the tests themselves.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/files');

// The words the tests look for are in these sentences: ວັດທະນະທຳ (Lao: culture), วัฒนธรรม (Thai:
// culture), Quyết định (Vietnamese: decision), វប្បធម៌ (Khmer: culture).
const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Creative Hub test document</title>
<style>body { font-family: 'Noto Sans', 'Noto Sans Lao', 'Noto Sans Thai', 'Noto Sans Khmer', sans-serif; font-size: 12pt; }</style>
</head><body>
<h1>Cultural and creative industries</h1>
<p lang="en">Policy dialogue on the 2005 Convention in the Mekong region.</p>
<p lang="th">นโยบายวัฒนธรรมและอุตสาหกรรมสร้างสรรค์ของประเทศไทย</p>
<p lang="lo">ນະໂຍບາຍວັດທະນະທຳ ແລະ ອຸດສາຫະກຳສ້າງສັນ ຂອງ ສປປ ລາວ</p>
<p lang="vi">Quyết định phê duyệt Chiến lược phát triển các ngành công nghiệp văn hóa Việt Nam</p>
<p lang="km">គោលនយោបាយវប្បធម៌ជាតិ និងឧស្សាហកម្មច្នៃប្រឌិត</p>
</body></html>`;

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = path.join(outDir, 'multilingual.pdf');
    await page.pdf({
      path: pdf,
      format: 'A4',
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
    });
    // qpdf: user password "user" (needed to open), owner password "owner", AES-256.
    const encrypted = path.join(outDir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', pdf, encrypted]);
    for (const file of [pdf, encrypted]) {
      const size = fs.statSync(file).size;
      console.log(`${path.relative(root, file)}: ${size} bytes`);
      if (size > 100 * 1024) throw new Error(`${file} is larger than 100 KB: keep the fixtures small`);
    }
  } finally {
    await browser.close();
  }
}

await main();
