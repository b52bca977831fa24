#!/usr/bin/env node
// Precompresses the built web app: a Brotli (.br) and a gzip (.gz) file beside every text
// file worth compressing, made once at build time at the highest levels, so the API sends
// them as they are (express-static-gzip) instead of compressing on every request.
// Usage: node tools/build/compress-static.mjs <dir>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|webmanifest)$/;
/** Below this a compressed copy saves less than the request's own headers weigh. */
const MIN_BYTES = 1024;

const dir = process.argv[2];
if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`usage: compress-static.mjs <dir> (${dir ?? 'no directory'} is not a directory)`);
  process.exit(2);
}

let files = 0;
let before = 0;
let afterBrotli = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  const bytes = readFileSync(file);
  if (bytes.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  files++;
  before += bytes.length;
  afterBrotli += brotli.length;
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`precompressed ${files} files in ${dir}: ${kib(before)} → ${kib(afterBrotli)} with Brotli`);
