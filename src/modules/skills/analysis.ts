// What the answers say, as pure arithmetic (no database): per person and competence the gap
// between the level their role needs and the level they have; per group of respondents (everyone,
// or one country, domain or gender) the mean importance, mean level, mean gap, the share below the
// level needed, and the Borich need index. A cell answered by fewer than MIN_CELL respondents has
// no figures at all: it is suppressed here, so no page, export or API can show it.
import { abilityOnImportanceScale, type Breakdown, MIN_CELL } from './vocab.ts';

export interface RespondentAnswers {
  id: number;
  /** The role profile chosen (its code); null when not answered. */
  role: string | null;
  profile: Partial<Record<Breakdown, string>>;
  /** Importance 1–5 by competence id. */
  importance: ReadonlyMap<number, number>;
  /** Level 0–8 by competence id. */
  ability: ReadonlyMap<number, number>;
}

/** The level each role needs, by role code then competence id. */
export type Required = ReadonlyMap<string, ReadonlyMap<number, number>>;

export interface Cell {
  /** Respondents who rated both importance and level of the competence. */
  n: number;
  suppressed: boolean;
  meanImportance: number | null;
  meanLevel: number | null;
  /** Mean of (level needed − level), over respondents whose role names a level. */
  meanGap: number | null;
  /** Share (0–1) of those respondents below the level needed. */
  shareBelow: number | null;
  /** Borich: mean of (importance − level on the 1–5 scale) × mean importance. */
  borich: number | null;
}

/** Figures are rounded to 3 decimals: what pages, exports and the API show. */
const round = (v: number) => Math.round(v * 1000) / 1000;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function cellOf(
  respondents: readonly RespondentAnswers[],
  competenceId: number,
  required: Required,
  minCell = MIN_CELL,
): Cell {
  const rated = respondents.filter((r) => r.importance.has(competenceId) && r.ability.has(competenceId));
  const n = rated.length;
  if (n < minCell)
    return {
      n,
      suppressed: true,
      meanImportance: null,
      meanLevel: null,
      meanGap: null,
      shareBelow: null,
      borich: null,
    };
  const importance = rated.map((r) => r.importance.get(competenceId) as number);
  const levels = rated.map((r) => r.ability.get(competenceId) as number);
  const meanImportance = mean(importance);
  const gaps: number[] = [];
  for (const r of rated) {
    const needed = r.role ? required.get(r.role)?.get(competenceId) : undefined;
    if (needed !== undefined) gaps.push(needed - (r.ability.get(competenceId) as number));
  }
  const discrepancy = mean(
    rated.map((_, i) => (importance[i] as number) - abilityOnImportanceScale(levels[i] as number)),
  );
  return {
    n,
    suppressed: false,
    meanImportance: round(meanImportance),
    meanLevel: round(mean(levels)),
    meanGap: gaps.length ? round(mean(gaps)) : null,
    shareBelow: gaps.length ? round(gaps.filter((g) => g > 0).length / gaps.length) : null,
    borich: round(discrepancy * meanImportance),
  };
}

/** Every competence's cell for these respondents, by competence id. */
export function cellsOf(
  respondents: readonly RespondentAnswers[],
  competenceIds: readonly number[],
  required: Required,
  minCell = MIN_CELL,
): Map<number, Cell> {
  return new Map(competenceIds.map((id) => [id, cellOf(respondents, id, required, minCell)]));
}

export interface BreakdownTable {
  by: Breakdown;
  /** The values answered, most respondents first. */
  values: { value: string; respondents: number }[];
  /** The cells by value, then competence id. */
  cells: Map<string, Map<number, Cell>>;
}

export function breakdownOf(
  respondents: readonly RespondentAnswers[],
  competenceIds: readonly number[],
  required: Required,
  by: Breakdown,
  minCell = MIN_CELL,
): BreakdownTable {
  const groups = new Map<string, RespondentAnswers[]>();
  for (const r of respondents) {
    const value = r.profile[by];
    if (value) groups.set(value, [...(groups.get(value) ?? []), r]);
  }
  const values = [...groups.entries()]
    .map(([value, rs]) => ({ value, respondents: rs.length }))
    .sort((a, b) => b.respondents - a.respondents || a.value.localeCompare(b.value));
  return {
    by,
    values,
    cells: new Map(
      values.map(({ value }) => [value, cellsOf(groups.get(value) ?? [], competenceIds, required, minCell)]),
    ),
  };
}

/** The competences in order of training need (highest Borich first); suppressed cells are left out. */
export function rankedNeeds(cells: ReadonlyMap<number, Cell>): { competenceId: number; cell: Cell }[] {
  return [...cells.entries()]
    .filter(([, cell]) => !cell.suppressed && cell.borich !== null)
    .map(([competenceId, cell]) => ({ competenceId, cell }))
    .sort((a, b) => (b.cell.borich as number) - (a.cell.borich as number) || a.competenceId - b.competenceId);
}

export interface PersonalGap {
  competenceId: number;
  needed: number | null;
  level: number | null;
  gap: number | null;
}

/** One respondent's levels against their role's. */
export function personalGaps(
  respondent: RespondentAnswers,
  competenceIds: readonly number[],
  required: Required,
): PersonalGap[] {
  const needs = respondent.role ? required.get(respondent.role) : undefined;
  return competenceIds.map((competenceId) => {
    const needed = needs?.get(competenceId) ?? null;
    const level = respondent.ability.get(competenceId) ?? null;
    return { competenceId, needed, level, gap: needed !== null && level !== null ? needed - level : null };
  });
}
