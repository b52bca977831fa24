import { generateDemoData, type DemoDataResult } from './generate';

export const USAGE = `usage: node dist/tools/demo-data/cli.js [--out DIR] [--today YYYY-MM-DD] [--from YYYY-MM] [--reference-data DIR]

Writes synthetic statistics files (not official statistics) in the sources' real formats
for all 290 municipalities, from 2019-01 to the month before today.

  --out DIR              where to write (default .data/demo-data)
  --today YYYY-MM-DD     pretend today is this date (default: the real date)
  --from YYYY-MM         first month (default 2019-01)
  --reference-data DIR   folder with municipalities.csv and counties.csv`;

export interface CliOptions {
  outDir: string;
  today?: string;
  from?: string;
  referenceDataDir?: string;
  help: boolean;
}

export class UsageError extends Error {}

export function parseCliArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = { outDir: '.data/demo-data', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--out':
        options.outDir = value();
        break;
      case '--today':
        options.today = value();
        break;
      case '--from':
        options.from = value();
        break;
      case '--reference-data':
        options.referenceDataDir = value();
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  return options;
}

export function summary(result: DemoDataResult): string {
  const { story } = result;
  const lines = [
    `${result.label}: ${result.files.length} files in ${result.outDir}, ${result.firstMonth}–${result.lastMonth}`,
    `${story.collaboration}, unemployed foreign-born women (${story.field}): baseline ${story.baselinePeriod}, target half by ${story.targetPeriod}, latest ${story.latestPeriod}`,
    ...story.members.map(
      (m) =>
        `  ${m.code} ${m.name.padEnd(12)} ${String(m.baseline).padStart(5)} → ${String(m.latest).padStart(5)}  (target ${m.target}, on-track line ${m.onTrackLine}: ${m.onTrack ? 'on track' : 'behind'})`,
    ),
  ];
  return lines.join('\n');
}

export async function runCli(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const result = await generateDemoData({
      outDir: options.outDir,
      ...(options.today ? { today: options.today } : {}),
      ...(options.from ? { from: options.from } : {}),
      ...(options.referenceDataDir ? { referenceDataDir: options.referenceDataDir } : {}),
      log: (line) => console.log(line),
    });
    console.log(summary(result));
    return 0;
  } catch (error) {
    console.error(`demo data: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
