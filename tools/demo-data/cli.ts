// Command-line entry of the demo-data generator; see README.md.
import { runCli } from './src/cli';

process.exitCode = await runCli(process.argv.slice(2));
