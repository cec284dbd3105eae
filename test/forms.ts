// Forms as a browser sends them, for the unit tests of schemas and the integration tests of pages.

/**
 * The translation rows of a form (a record's translations, a question's): each field of the rows
 * sent once per row with the `tr_` prefix, one value per row, '' where a row leaves it out. An empty
 * row `{}` stands for the form's blank row, which browsers send too.
 */
export function translationRows(...rows: Record<string, string>[]): Record<string, string[]> {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return Object.fromEntries(fields.map((field) => [`tr_${field}`, rows.map((row) => row[field] ?? '')]));
}
