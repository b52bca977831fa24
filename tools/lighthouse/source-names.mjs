// Names a CPU profile's frames by their source: through the web build's source maps
// (`npx nx run web:build-app --sourceMap=true --skip-nx-cache`) when it has them, else by
// bundle and position. Shared by profile.mjs and tasks.mjs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { workspaceRoot } from '../dev-stack/stack.mjs';

const dist = path.join(workspaceRoot, 'dist/apps/web/browser');

/** Names a profile node by its source position, through the bundle's source map when there is one. */
export function namer() {
  const maps = new Map();
  const mapOf = (url) => {
    const file = path.join(dist, new URL(url).pathname + '.map');
    if (!maps.has(file))
      maps.set(file, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : null);
    return maps.get(file);
  };
  return ({ functionName, url, lineNumber, columnNumber }) => {
    const name = functionName || '(anonymous)';
    if (!url?.startsWith('http') || lineNumber < 0)
      return { name, file: url ? path.basename(url) : '(browser)' };
    const original = mapOf(url)?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (!original?.source)
      return { name: `${name} :${lineNumber + 1}:${columnNumber}`, file: path.basename(url) };
    const file = original.source.replace(/^.*node_modules\//, '~');
    return { name: `${name} ${file}:${original.line}`, file };
  };
}
