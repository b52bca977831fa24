#!/usr/bin/env node
// Codegen hook (codegen.yml, before Prettier): the generated Apollo-Angular services take
// Apollo with `inject()` instead of a constructor parameter. A constructor parameter is
// found by its type, which a compiler that sees one file at a time cannot resolve (the web
// tests transpile each file alone, tools/test/tsconfig.web-typecheck.json); `inject()`
// needs no type. The services behave the same.
import { readFileSync, writeFileSync } from 'node:fs';

const CONSTRUCTOR = /constructor\(apollo: Apollo\.Apollo\) \{\s*super\(apollo\);\s*\}/g;
const ANGULAR_IMPORT = "import { Injectable } from '@angular/core';";

for (const file of process.argv.slice(2)) {
  if (!file.endsWith('.ts')) continue;
  const source = readFileSync(file, 'utf8');
  const services = source.match(CONSTRUCTOR)?.length ?? 0;
  if (services === 0) continue;
  if (!source.includes(ANGULAR_IMPORT)) {
    throw new Error(`${file}: expected "${ANGULAR_IMPORT}" beside the generated services`);
  }
  const rewritten = source
    .replace(ANGULAR_IMPORT, "import { Injectable, inject } from '@angular/core';")
    .replace(CONSTRUCTOR, 'constructor() {\n      super(inject(Apollo.Apollo));\n    }');
  writeFileSync(file, rewritten);
  console.log(`${file}: ${services} services take Apollo with inject()`);
}
