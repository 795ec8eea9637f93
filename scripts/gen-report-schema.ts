// Writes shared/report/report-v1.schema.json from the zod schema; test/unit/shared/report/json-schema.test.ts
// fails when the committed file and the schema disagree. Run: npx tsx scripts/gen-report-schema.ts
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../shared/report/json-schema';

const out = new URL('../shared/report/report-v1.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
