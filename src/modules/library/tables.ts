// The library's tables, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { DocumentKind, DocumentStatus } from './vocab.ts';

export interface DocumentsTable {
  id: Generated<number>;
  slug: string;
  kind: DocumentKind;
  title: string;
  /** Markdown. */
  summary: string;
  /** Language the title and summary are written in (BCP 47). */
  lang: string;
  official_number: string | null;
  /** The issuing body when it is in the directory. */
  issuer_organisation_id: number | null;
  /** The issuing body's name when it is not (or not yet) in the directory. */
  issuer_name: string | null;
  /** Dates are calendar dates, YYYY-MM-DD: they sort as text on both databases. */
  issued_on: string | null;
  in_force_from: string | null;
  in_force_to: string | null;
  status: DocumentStatus | null;
  licence: string | null;
  source_url: string | null;
  /** When the record became public; null: seen only by editors, admins and its creator. */
  published_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentTranslationsTable {
  document_id: number;
  lang: string;
  title: string;
  summary: string;
}

/** Multi-valued attributes: `place` (ISO country or region code), `language`, `domain`, `theme`, `tag`. */
export interface DocumentFacetsTable {
  document_id: number;
  facet: 'place' | 'language' | 'domain' | 'theme' | 'tag';
  value: string;
}

/** `document_id` supersedes `superseded_id`. */
export interface DocumentSupersedesTable {
  document_id: number;
  superseded_id: number;
}

export interface DocumentCollectionsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Markdown. */
  description: string;
  lang: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentCollectionItemsTable {
  collection_id: number;
  document_id: number;
  position: number;
}

/**
 * A file of a document (the text of a law, an annex, a translation): a place that holds versions.
 * What readers download is its newest version; earlier versions stay downloadable.
 */
export interface DocumentFilesTable {
  id: Generated<number>;
  document_id: number;
  /** The language of the file's text (BCP 47). */
  lang: string;
  /** What the file is when its name says too little ("Official text", "Annex 2"). */
  label: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One uploaded version of a file. The newest (highest id) is the current one. */
export interface DocumentFileVersionsTable {
  id: Generated<number>;
  file_id: number;
  /** SHA-256 of the bytes: the address in the file store (deps.files) and the ETag. */
  hash: string;
  mime: string;
  size: number;
  /** The display and download name (platform/files safeFileName). */
  name: string;
  /** Pages of a PDF, slides of a presentation. */
  pages: number | null;
  /** The text extracted at upload: the search index is rebuilt from it (`hub search reindex`). */
  text: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

/**
 * `document_id` is the same document as `original_id` in another language (the English text of a
 * Vietnamese decision). An original is never itself a language version, so the versions of one
 * document are its original and the records pointing to it.
 */
export interface DocumentLanguageVersionsTable {
  document_id: number;
  original_id: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    documents: DocumentsTable;
    document_translations: DocumentTranslationsTable;
    document_facets: DocumentFacetsTable;
    document_supersedes: DocumentSupersedesTable;
    document_collections: DocumentCollectionsTable;
    document_collection_items: DocumentCollectionItemsTable;
    document_files: DocumentFilesTable;
    document_file_versions: DocumentFileVersionsTable;
    document_language_versions: DocumentLanguageVersionsTable;
  }
}
