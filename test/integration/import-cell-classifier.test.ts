import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { isMissing, inferType } from '../../main/importers/dataset/column-types';
import { loadCsvTables } from '../../main/tabular/load-tables';
import { CellKind, classifyText } from '../../shared/drift/cell-text';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session } from './import-helpers';

const tmp = useTempDir('assay-cells-');

describe('one CSV cell classifier for import and drift', () => {
  it('agrees cell by cell on missing values and dates', () => {
    const out = new Float64Array(1);
    for (const cell of ['?', 'nan', 'NaN', 'NA', 'n/a', 'null', '', 'None', '#N/A', 'x', '?x', '2024/01/05', '2024-01-06 10:00', '2024/13/40', 'Q3']) {
      const kind = classifyText(cell, out);
      expect(isMissing(cell), cell).toBe(kind === CellKind.Missing || kind === CellKind.NaN);
      expect(inferType([cell, cell]) === 'datetime', cell).toBe(kind === CellKind.Date);
    }
  });

  it('types the same CSV the same way in assay import and assay drift ("?" was text to drift, "2024/01/05" a string)', async () => {
    const s = session(tmp);
    const csv = path.join(s.dir, 'uci.csv');
    writeFileSync(csv, 'age,seen,workclass\n39,2024/01/05,State-gov\n?,2024/01/06,?\n50,nan,Private\n38,2024-01-08 10:00,Private\n');
    const sum = await importFiles(s, [csv]);
    const schema = await callApi(s.handlers, 'datasets.schema', { assetId: sum.assetId! });
    expect(schema.columns.map((c) => [c.name, c.type])).toEqual([['age', 'integer'], ['seen', 'datetime'], ['workclass', 'categorical']]);
    expect(sum.quarantined).toBe(0);
    const [table] = await loadCsvTables([csv], { parallel: false });
    expect(table!.column('age')!.profile).toMatchObject({ numbers: 3, missing: 1, strings: 0 });
    expect(table!.column('seen')!.profile).toMatchObject({ dates: 3, strings: 0 });
    expect(table!.column('seen')!.profile.missing + table!.column('seen')!.profile.nan).toBe(1);
    expect(table!.column('workclass')!.profile).toMatchObject({ strings: 3, missing: 1 });
  });
});
