// The extraction process's entry point (started by extraction-child.ts with child_process.fork):
// reads the files it is sent, one at a time, and answers with their text. Plain JavaScript that
// loads tsx's API itself and imports the TypeScript extractor through it, so it starts the same
// under `hub serve`, under vitest and from plain node, whatever flags the server was started with.
// Compiled (dist/, scripts/build.mjs), the extractor beside it is JavaScript and is imported as is.
//
// Its argument is its memory limit in bytes. The server watches this process's resident memory and
// kills it past the limit (Linux); the check here is the second line, for systems without /proc,
// and only runs when a parser gives the event loop a turn.
import fs from 'node:fs';
import process from 'node:process';

const compiled = fs.existsSync(new URL('./extract.js', import.meta.url));
/** A module beside this file, named without its extension: the compiled one, or the source through tsx. */
async function importBeside(name) {
  if (compiled) return import(new URL(`${name}.js`, import.meta.url).href);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(`${name}.ts`, import.meta.url);
}

const limit = Number(process.argv[2]);
if (limit > 0)
  setInterval(() => {
    if (process.memoryUsage.rss() > limit) process.exit(137);
  }, 50).unref();

// The server went away (or retired this process between files): nothing is left to do.
process.on('disconnect', () => process.exit(0));

const { extractDocumentText } = await importBeside('./extract');
// pdf.js is what most files need: loaded now, while no upload is waiting.
await import('unpdf');

// Besides documents' text, the rows of a workbook to import (platform/import/xlsx-rows.ts), loaded
// the first time one comes: exceljs builds a whole sheet in memory, which is this process's to risk.
let xlsxRows;
process.on('message', async ({ id, task, kind, bytes, limits, maxColumns }) => {
  let result;
  try {
    if (task === 'table') {
      xlsxRows ??= (await importBeside('../import/xlsx-rows')).readXlsxRows;
      result = await xlsxRows(bytes, maxColumns);
    } else {
      result = await extractDocumentText(kind, bytes, limits);
    }
  } catch {
    // Whatever made the parser throw, the file is one we cannot read; the details stay here, as
    // they would only echo the attacker's bytes.
    result = { ok: false, reason: 'corrupt' };
  }
  process.send?.({ id, result });
});
process.send?.({ ready: true });
