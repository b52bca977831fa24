// Writes a national-size synthetic Arbetsförmedlingen workbook (pivot-cache layout, like
// the published files) for the import benchmark: every municipality × the given months ×
// 10 count/denominator pairs. Synthetic values, labelled so in the file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeAfWorkbook, type AfWorkbookRow } from '@kraftsamling/api/statistics-formats';
import { addPeriods } from '@kraftsamling/shared/periods';

const [out, firstMonth, monthCount, only] = process.argv.slice(2);
if (!out || !firstMonth || !monthCount) {
  console.error(
    'usage: af-workbook-for-benchmark <out.xlsx> <first YYYY-MM> <months> [municipality codes,…]',
  );
  process.exit(2);
}
const referenceDir = path.resolve('libs/api/core/database/src/reference-data');
const counties = new Map(
  (
    parse(readFileSync(path.join(referenceDir, 'counties.csv')), { columns: true }) as Record<
      string,
      string
    >[]
  ).map((c) => [c['county_code']!, c['county_name']!]),
);
const municipalities = (
  parse(readFileSync(path.join(referenceDir, 'municipalities.csv')), { columns: true }) as Record<
    string,
    string
  >[]
).filter((m) => !only || only.split(',').includes(m['municipality_code']!));
const PAIRS = ['TOT', 'KVI', 'MAN', 'UNG', 'GAM', 'INR', 'UTR', 'UTRK', 'UTRM', 'FG'];

// A small deterministic generator: the same arguments give the same file.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const rows: AfWorkbookRow[] = [];
for (const m of municipalities) {
  const size = 2000 + Math.floor(random() * 60000);
  for (let i = 0; i < Number(monthCount); i++) {
    const values: Record<string, number | '<5'> = {};
    for (const pair of PAIRS) {
      const labourForce = Math.round(size * (0.05 + random() * 0.5) * 12) / 12;
      const unemployed = Math.floor(labourForce * (0.02 + random() * 0.1));
      values[`${pair}SOK`] = unemployed < 5 ? '<5' : unemployed;
      values[`${pair}AK`] = labourForce;
    }
    rows.push({
      period: addPeriods(firstMonth, i),
      county: counties.get(m['county_code']!)!,
      municipality: m['municipality_name']!,
      values,
    });
  }
}
writeFileSync(
  out,
  await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 'Syntetiska testdata för prestandamätning' }),
);
console.log(`${out}: ${rows.length} rows, ${rows.length * PAIRS.length * 2} values`);
