// A heatmap of competences (rows) × the values of a breakdown (columns: countries, domains or
// genders), drawn on the server as SVG: the darker a cell, the larger the mean gap between the
// level needed and the level held. A suppressed cell (fewer than MIN_CELL respondents) is left
// empty and marked "–". The same figures follow as a table.
import { usePage } from '../../../ui/page-context.ts';
import type { BreakdownTable, Cell } from '../analysis.ts';
import type { Competence } from '../frameworks/access.ts';

const CELL_W = 44;
const CELL_H = 22;
const LABEL_W = 44;
const HEAD_H = 30;

/** 0.1 for no gap, up to 0.9 for a gap of 4 levels or more. */
const shade = (gap: number) => 0.1 + 0.8 * Math.min(1, Math.max(0, gap) / 4);

export function Heatmap(props: {
  id: string;
  title: string;
  table: BreakdownTable;
  competences: Competence[];
  valueLabel: (value: string) => string;
}) {
  const { t, fmt } = usePage();
  const { table, competences } = props;
  const width = LABEL_W + table.values.length * CELL_W;
  const height = HEAD_H + competences.length * CELL_H;
  const titleId = `${props.id}-title`;
  const figure = (cell: Cell | undefined) =>
    !cell || cell.suppressed || cell.meanGap === null ? '–' : fmt.number(cell.meanGap);
  return (
    <div class="chart" id={props.id}>
      {table.values.length > 0 && (
        <svg
          role="img"
          aria-labelledby={titleId}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          fill="currentColor"
          font-size="11"
        >
          <title id={titleId}>{props.title}</title>
          {table.values.map((v, j) => (
            <text x={LABEL_W + j * CELL_W + 4} y={HEAD_H - 10}>
              {v.value.slice(0, 6)}
            </text>
          ))}
          {competences.map((c, i) => (
            <g>
              <text x="0" y={HEAD_H + i * CELL_H + 15}>
                {c.code}
              </text>
              {table.values.map((v, j) => {
                const cell = table.cells.get(v.value)?.get(c.id);
                const x = LABEL_W + j * CELL_W;
                const y = HEAD_H + i * CELL_H;
                return cell && !cell.suppressed && cell.meanGap !== null ? (
                  <g>
                    <rect
                      x={x}
                      y={y}
                      width={CELL_W - 2}
                      height={CELL_H - 2}
                      fill-opacity={shade(cell.meanGap).toFixed(2)}
                    />
                    <text x={x + 4} y={y + 15} fill={shade(cell.meanGap) > 0.5 ? 'Canvas' : 'currentColor'}>
                      {fmt.number(cell.meanGap)}
                    </text>
                  </g>
                ) : (
                  <text x={x + 4} y={y + 15}>
                    –
                  </text>
                );
              })}
            </g>
          ))}
        </svg>
      )}
      <div class="table-scroll">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skills.competence')}</th>
              {table.values.map((v) => (
                <th scope="col">
                  {props.valueLabel(v.value)} ({fmt.number(v.respondents)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {competences.map((c) => (
              <tr>
                <th scope="row">{c.code}</th>
                {table.values.map((v) => (
                  <td>{figure(table.cells.get(v.value)?.get(c.id))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
