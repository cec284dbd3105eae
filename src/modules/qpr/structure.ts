// The official structure of the Quadrennial Periodic Report, kept as data and versioned: a cycle
// names the structure it is drafted in, so the next cycle's changes are a new entry here, and a
// report keeps the structure it was started in. The goals and areas of monitoring are the policies
// module's (MONITORING_FRAMEWORKS): one part per goal, one section per area.
import { areasOfGoal, MONITORING_FRAMEWORKS } from '../policies/index.ts';

export type SectionKind = 'technical' | 'text' | 'area' | 'civil_society' | 'annexes';

export interface SectionSpec {
  /** Stable within a structure: `technical`, `area.gender_equality`… */
  code: string;
  kind: SectionKind;
  /** The goal of an area's section (its part of the report). */
  goal?: string;
  area?: string;
  /** The questions answered yes/no with evidence (their labels: `qpr.question.<code>`). */
  questions: string[];
}

export interface ReportStructure {
  /** The version of the monitoring framework its goals and areas come from. */
  framework: keyof typeof MONITORING_FRAMEWORKS;
  sections: SectionSpec[];
}

function structureOf(framework: keyof typeof MONITORING_FRAMEWORKS): ReportStructure {
  const text = (code: string, kind: SectionKind = 'text'): SectionSpec => ({ code, kind, questions: [] });
  const areas = MONITORING_FRAMEWORKS[framework].goals.flatMap((goal) =>
    areasOfGoal(goal, framework).map(
      (area): SectionSpec => ({ code: `area.${area}`, kind: 'area', goal, area, questions: [area] }),
    ),
  );
  return {
    framework,
    sections: [
      text('technical', 'technical'),
      text('consultation'),
      text('summary'),
      ...areas,
      text('civil_society', 'civil_society'),
      text('transversal'),
      text('challenges'),
      text('annexes', 'annexes'),
    ],
  };
}

/** The structures, by the year they were adopted. */
export const REPORT_STRUCTURES: Record<string, ReportStructure> = {
  '2024': structureOf('2015'),
};

/** The reporting cycles: the structure each is drafted in, and UNESCO's deadline. */
export const CYCLES: Record<string, { structure: string; deadline: string }> = {
  '2024-2027': { structure: '2024', deadline: '2027-06-30' },
};
export const CYCLE_CODES = Object.keys(CYCLES) as [string, ...string[]];
export const CURRENT_CYCLE = '2024-2027';

export function structureOfCycle(cycle: string): ReportStructure {
  const entry = CYCLES[cycle];
  const structure = entry && REPORT_STRUCTURES[entry.structure];
  if (!structure) throw new Error(`No structure for the cycle ${cycle}`);
  return structure;
}

export function sectionSpec(structure: ReportStructure, code: string): SectionSpec | undefined {
  return structure.sections.find((s) => s.code === code);
}

/** Every area of every structure (what an input may be about). */
export const AREA_CODES = [
  ...new Set(
    Object.values(REPORT_STRUCTURES).flatMap((s) => s.sections.flatMap((x) => (x.area ? [x.area] : []))),
  ),
] as [string, ...string[]];
