// The measures and statistics of a report as spreadsheets, ready to be typed or pasted into
// UNESCO's online form: one row per measure linked to an area (and per civil-society input taken
// in), one row per statistic.
import type { Translator } from '../../platform/i18n.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import type { LinkedMeasure, StatisticRow } from './listing.ts';

export const measureColumns = (t: Translator, baseUrl: string): Column<LinkedMeasure>[] => [
  { header: t('qpr.col.area'), value: (m) => t(`qpr.area.${m.area}` as never), width: 30 },
  { header: t('qpr.col.title'), value: (m) => m.title, width: 50 },
  { header: t('qpr.col.lang'), value: (m) => m.lang },
  { header: t('qpr.col.year'), value: (m) => m.report_year },
  {
    header: t('qpr.col.source'),
    value: (m) => t(m.source === 'civil_society' ? 'qpr.fromCivilSociety' : 'qpr.fromGovernment'),
  },
  { header: t('qpr.col.description'), value: (m) => m.description, width: 60 },
  { header: t('qpr.col.page'), value: (m) => `${baseUrl}/measures/${m.id}` },
];

export const statisticColumns = (t: Translator): Column<StatisticRow>[] => [
  {
    header: t('qpr.col.area'),
    value: (s) => (s.area ? t(`qpr.area.${s.area}` as never) : s.section),
    width: 30,
  },
  { header: t('qpr.statLabel'), value: (s) => s.label, width: 40 },
  { header: t('qpr.statValue'), value: (s) => s.value },
  { header: t('qpr.statYear'), value: (s) => s.year },
  { header: t('qpr.statSource'), value: (s) => s.source, width: 40 },
];
