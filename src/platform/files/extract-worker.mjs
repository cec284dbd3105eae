// The extraction worker's entry point: plain JavaScript because a worker thread does not inherit
// the tsx loader of `node --import tsx` on Node 20 (nor vitest's transform), so it loads tsx's API
// itself and imports the TypeScript extractor through it. Works the same under `hub serve`, under
// vitest and from plain node.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { extractDocumentText } = await tsImport('./extract.ts', import.meta.url);
try {
  const result = await extractDocumentText(workerData.kind, workerData.bytes, workerData.maxChars);
  parentPort.postMessage(result);
} catch {
  // Whatever made the parser throw, the file is one we cannot read; the details stay here, as they
  // would only echo the attacker's bytes.
  parentPort.postMessage({ ok: false, reason: 'corrupt' });
}
