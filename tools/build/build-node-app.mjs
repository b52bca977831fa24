#!/usr/bin/env node
// Bundles one Node application (its own sources and the workspace libs it imports
// through tsconfig paths) into a single ES module under dist/. npm packages stay
// external and load from node_modules at run time.
//
// esbuild does not emit decorator metadata (`design:type`, `design:paramtypes`),
// which NestJS dependency injection, TypeORM and class-validator depend on, so every
// TypeScript file that contains a decorator is compiled by SWC first.
//
// usage: node tools/build/build-node-app.mjs <entry.ts> <outfile.js>
import { build } from 'esbuild';
import { transform } from '@swc/core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node tools/build/build-node-app.mjs <entry.ts> <outfile.js>');
  process.exit(2);
}

const decoratorMetadata = {
  name: 'decorator-metadata',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/^\s*@\w/m.test(source)) return undefined; // no decorators: esbuild compiles it
      const { code } = await transform(source, {
        filename: args.path,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

await build({
  absWorkingDir: workspaceRoot,
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  keepNames: true,
  tsconfig: path.join(workspaceRoot, 'tsconfig.base.json'),
  plugins: [decoratorMetadata],
  logLevel: 'info',
});
