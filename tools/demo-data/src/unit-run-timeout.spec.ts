import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { readConfig } from 'jest-config';

/*
 * `npm test` runs these specs in one Jest run of every project (tools/jest/unit.config.cjs),
 * where Jest ignores a project's own test timeout. The demo files' import into a real database
 * takes longer than Jest's 5 s default on a busy machine (it timed out in CI).
 */
describe('the one Jest run of every project', () => {
  it('gives each test the 30 s the projects’ presets give, not Jest’s 5 s default', async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const workspaceRoot = path.resolve(here, '../../..');
    const unitRun = await readConfig(
      { _: [], $0: 'jest' },
      path.join(workspaceRoot, 'tools/jest/unit.config.cjs'),
    );
    const nodePreset = createRequire(import.meta.url)(path.join(workspaceRoot, 'tools/jest/node-preset.cjs'));
    const preset = nodePreset(path.join(workspaceRoot, 'tools/demo-data'));
    expect(preset.testTimeout).toBe(30_000);
    expect(unitRun.globalConfig.testTimeout).toBe(preset.testTimeout);
  });
});
