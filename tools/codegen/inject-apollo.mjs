#!/usr/bin/env node
// Codegen hook (codegen.yml, before Prettier), for the files of Apollo-Angular services:
//
// - The services take Apollo with `inject()` instead of a constructor parameter. A constructor
//   parameter is found by its type, which a compiler that sees one file at a time cannot
//   resolve (the web tests transpile each file alone, tools/test/tsconfig.web-typecheck.json);
//   `inject()` needs no type. The services behave the same.
// - A service's document is the one generated beside it. The services' files take their types
//   from the shared types file (`importOperationTypesFrom: Operations`), and the plugin then
//   names the documents `Operations.XDocument` as well, though they are written here.
import { readFileSync, writeFileSync } from 'node:fs';

const CONSTRUCTOR = /constructor\(apollo: Apollo\.Apollo\) \{\s*super\(apollo\);\s*\}/g;
const ANGULAR_IMPORT = "import { Injectable } from '@angular/core';";
const NAMESPACED_DOCUMENT = /\bOperations\.(\w+(?:Document|FragmentDoc))\b/g;

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
    .replace(CONSTRUCTOR, 'constructor() {\n      super(inject(Apollo.Apollo));\n    }')
    .replace(NAMESPACED_DOCUMENT, (reference, name) => {
      if (!source.includes(`export const ${name} =`))
        throw new Error(`${file}: ${reference} is not generated in this file`);
      return name;
    });
  writeFileSync(file, rewritten);
  console.log(`${file}: ${services} services take Apollo with inject()`);
}
