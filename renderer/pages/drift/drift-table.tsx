import { useMemo, useState } from 'react';
import type { ColumnDriftRow } from '../../../shared/contract/drift-schemas';
import { P_VALUE_TESTS } from '../../../shared/drift/types';
import { Badge } from '../../components/badge';
import { formatStat } from './format-drift';

type SortKey = 'name' | 'test' | 'statistic' | 'threshold' | 'p_value' | 'drifted' | 'psi';
const HEADERS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Column' },
  { key: 'test', label: 'Test' },
  { key: 'statistic', label: 'Statistic', numeric: true },
  { key: 'threshold', label: 'Threshold', numeric: true },
  { key: 'p_value', label: 'p-value', numeric: true },
  { key: 'drifted', label: 'Drifted' },
  { key: 'psi', label: 'PSI', numeric: true },
];

const isPValue = (row: ColumnDriftRow): boolean => row.test !== null && P_VALUE_TESTS.has(row.test);

function sortValue(row: ColumnDriftRow, key: SortKey): string | number {
  switch (key) {
    case 'name': return row.name;
    case 'test': return row.test ?? '';
    case 'drifted': return row.drifted ? 1 : 0;
    case 'p_value': return row.p_value_adjusted ?? row.p_value ?? Number.NEGATIVE_INFINITY;
    default: return row[key] ?? Number.NEGATIVE_INFINITY;
  }
}

/**
 * Per-column results, sortable by any figure; a row click selects the column whose distribution is charted.
 * `testIdPrefix` keeps test ids unique when two tables (dataset drift, skew) can share the page.
 */
export function DriftTable({ columns, selected, onSelect, overridden, testIdPrefix = 'drift' }: {
  columns: ColumnDriftRow[]; selected: string | undefined; onSelect: (name: string) => void; overridden?: ReadonlySet<string>; testIdPrefix?: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'drifted', descending: true });
  const rows = useMemo(() => {
    const sign = sort.descending ? -1 : 1;
    return [...columns].sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
    });
  }, [columns, sort]);
  const toggle = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' && key !== 'test' }));

  return (
    <div className="table-scroll">
      <table className="data-table drift-table" data-testid={`${testIdPrefix}-table`}>
        <thead>
          <tr>
            {HEADERS.map((h) => (
              <th key={h.key} className={h.numeric ? 'num' : undefined}
                aria-sort={sort.key === h.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => toggle(h.key)} data-testid={`${testIdPrefix}-sort-${h.key}`}>
                  {h.label}{sort.key === h.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.name} className={`clickable${c.name === selected ? ' row-selected' : ''}`} data-testid={`${testIdPrefix}-row`} data-column={c.name}
              data-drifted={c.drifted} onClick={() => onSelect(c.name)}>
              <td className="drift-name">
                <strong>{c.name}</strong><div className="drift-type">{c.type ?? 'absent'}</div>
                {c.note ? <div className="drift-note" data-testid={`${testIdPrefix}-note`}>{c.note}</div> : null}
              </td>
              <td className="drift-test">{c.test ?? '—'}{overridden?.has(c.name) ? <span className="drift-override" title="set by you"> (set)</span> : null}</td>
              <td className="num">{formatStat(c.statistic)}</td>
              <td className="num drift-threshold" title={isPValue(c) ? 'drifted when the p-value is below this' : 'drifted when the distance is at or above this'}>
                {c.threshold === null ? '—' : `${isPValue(c) ? 'p <' : '≥'} ${formatStat(c.threshold, 2)}`}
              </td>
              <td className="num" title={c.p_value_adjusted !== undefined && c.p_value_adjusted !== null ? `adjusted for multiple tests; raw ${formatStat(c.p_value)}` : undefined}>
                {formatStat(c.p_value_adjusted ?? c.p_value)}
              </td>
              <td>{c.statistic === null ? <Badge>not tested</Badge> : c.drifted ? <Badge tone="danger">drifted</Badge> : <Badge tone="success">stable</Badge>}</td>
              <td className="num">{formatStat(c.psi)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
