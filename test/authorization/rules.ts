// Who may do what: one line per route of the app (pages, files and API), the GET routes in
// reading.ts and the POST, PUT, PATCH and DELETE routes in writing.ts, read by
// test/authorization-matrix.test.ts, which asks each route as every role its rule leaves out and
// expects a refusal. A new route without a line fails that test. This file: the rules.
//
// The rules, by who is refused (REFUSED_ROLES):
// - anyone: nobody (public pages and files; signing in, registering, the language, a mailed
//   link's token);
// - member: visitors; any signed-in member may (their own account, a new record of their own,
//   joining, following, replying);
// - owner: visitors and a member who owns nothing; the record's owner may (its author, an event's
//   organisers, a group's coordinators, an organisation's managers), and whoever the module gives
//   powers over it (editors, moderators, admins), which the module's own tests check;
// - moderator: visitors, members and editors (the moderation queue, hiding and restoring posts,
//   suspensions);
// - editor: visitors, members and moderators; editors and admins may, and a record's owners where
//   the module has them (an organisation's managers, an event's organisers, a measure's author);
// - admin: everyone but admins (accounts, the site's settings and pages, focal points).
//
// A probe is the body sent when an empty one would be refused as invalid before the rule is
// reached (the API's schema is checked first): with it, a refusal is the rule's.

export type Role = 'visitor' | 'member' | 'moderator' | 'editor';
export type Rule = 'anyone' | 'member' | 'owner' | 'moderator' | 'editor' | 'admin';

export const REFUSED_ROLES = {
  anyone: [],
  member: ['visitor'],
  owner: ['visitor', 'member'],
  moderator: ['visitor', 'member', 'editor'],
  editor: ['visitor', 'member', 'moderator'],
  admin: ['visitor', 'member', 'moderator', 'editor'],
} as const satisfies Record<Rule, readonly Role[]>;

export interface Probe {
  form?: Record<string, string>;
  json?: unknown;
  multipart?: {
    fields: Record<string, string>;
    files: { field: string; name: string; bytes: Buffer; type: string }[];
  };
}
/** What a probe may use: another account's id, a forum category's slug. */
export interface ProbeContext {
  other: number;
  category: string;
}
export type Entry = Rule | { rule: Rule; probe: (context: ProbeContext) => Probe };

/** A one-page PDF, for the routes that take a file. */
export const PDF = {
  fields: { lang: 'en' },
  files: [
    {
      field: 'file',
      name: 'taken-over.pdf',
      type: 'application/pdf',
      bytes: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
    },
  ],
};
