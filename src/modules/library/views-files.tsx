// The seam for files. Files (several per document, versions, language versions, downloads,
// extracted text) come with src/platform/files and are added to the library afterwards: this
// section of the document page is where their list goes, and store.ts's searchRecordOf() takes
// their extracted texts (`fileTexts`). Until then the page has no files to list.
import type { DocumentDetails } from './store.ts';

export function DocumentFilesSection(_props: { doc: DocumentDetails }) {
  return null;
}
