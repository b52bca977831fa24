/**
 * Hostile inputs for property-based tests of the readers (tests only): random and
 * mutated files that a careless or malicious upload could hold.
 *
 * A failing run prints its seed and path. To repeat it exactly:
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx nx test api-statistics-formats --testPathPatterns=hostile
 * FUZZ_RUNS (default 40) and FUZZ_TIME_MS (default 4 000, per property) make a run longer.
 */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import type { ParsedFile } from '../model';
import { craftZip, zeros, type CraftedEntry } from '../zip/spec-support';

/** fast-check settings: a moderate run for `npm test`, repeatable with FUZZ_SEED. */
export function fuzzParameters<T>(): fc.Parameters<T> {
  const env = process.env;
  return {
    ...(env['FUZZ_SEED'] ? { seed: Number(env['FUZZ_SEED']) } : {}),
    ...(env['FUZZ_PATH'] ? { path: env['FUZZ_PATH'] } : {}),
    numRuns: Number(env['FUZZ_RUNS'] ?? 40),
    // A property stops drawing new cases after this long, so `npm test` stays fast...
    interruptAfterTimeLimit: Number(env['FUZZ_TIME_MS'] ?? 4000),
    // ...and a single case that takes over 5 s fails (for the readers that are asynchronous).
    timeout: 5000,
  };
}

/** Runs one case; a case that took over 5 s is a hang, even if it finished. */
export async function withinFiveSeconds<T>(run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const took = performance.now() - started;
  if (took > 5000) throw new Error(`the reader took ${Math.round(took)} ms on this input`);
  return result;
}

/**
 * What every reader promises, whatever the input: a result (not an exception), problems
 * that say something in a bounded message, and observations that are well-formed.
 */
export function expectWellFormed(parsed: ParsedFile): void {
  if (typeof parsed.format !== 'string') throw new Error('no format');
  if (!Array.isArray(parsed.observations) || !Array.isArray(parsed.problems)) throw new Error('no lists');
  for (const problem of parsed.problems) {
    if (typeof problem.message !== 'string' || problem.message.trim() === '')
      throw new Error(`a problem without a message: ${JSON.stringify(problem)}`);
    if (problem.message.length > 4000)
      throw new Error(`a problem message of ${problem.message.length} characters`);
    if (typeof problem.location !== 'object' || problem.location === null)
      throw new Error('a problem without a location');
  }
  for (const o of parsed.observations) {
    if (!/^\d{4}$/.test(o.area)) throw new Error(`an observation with area ${JSON.stringify(o.area)}`);
    if (typeof o.period !== 'string' || o.period === '') throw new Error('an observation without a period');
    if (o.value !== null && !(typeof o.value === 'number' && Number.isFinite(o.value)))
      throw new Error(`an observation with value ${String(o.value)}`);
  }
}

/** Text that trips readers up: control characters, lone surrogates, BOMs, look-alikes, huge numbers. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '\uDC00x',
    'A\u030A',
    '\u202Eabc',
    'İstanbul',
    'Malmö',
    'MALMÖ STAD',
    '..',
    '<5',
    '<1',
    '-0',
    'NaN',
    'Infinity',
    '1e308',
    '-1e-308',
    '9'.repeat(400),
    '2024-13',
    '2021-W53',
    '0000',
    '00',
    '__proto__',
    'constructor',
    'toString',
  ),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  oddText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);

/** Every (container, key) of a JSON document, up to `limit` of them. */
function slots(doc: unknown, limit = 5000): [Record<string, unknown> | unknown[], string | number][] {
  const found: [Record<string, unknown> | unknown[], string | number][] = [];
  const stack: unknown[] = [doc];
  while (stack.length && found.length < limit) {
    const node = stack.pop();
    if (Array.isArray(node)) node.forEach((child, i) => (found.push([node, i]), stack.push(child)));
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        found.push([node as Record<string, unknown>, key]);
        stack.push(child);
      }
    }
  }
  return found;
}

/** A deeply nested array, as text: `[[[[…]]]]`. */
export const deepJsonText: fc.Arbitrary<string> = fc
  .integer({ min: 1000, max: 100_000 })
  .map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);

/** A JSON document changed in one to four places: a value replaced, removed, wrapped, or nested deeply. */
export function mutatedJson(doc: unknown): fc.Arbitrary<unknown> {
  const mutation = fc.record({
    pick: fc.nat(),
    kind: fc.constantFrom('replace', 'delete', 'wrap', 'leaf', 'deep'),
    value: fc.jsonValue({ maxDepth: 2 }),
    leaf,
  });
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => {
    const copy = structuredClone(doc);
    // One deep nest per document: a second one can land inside the first (slots() walks into
    // it), and four of them nested 6 000 levels deep, which JSON.stringify cannot write; the
    // text variant of these inputs then failed in the generator, not in a reader.
    let nestedDeeply = false;
    for (const m of mutations) {
      const all = slots(copy);
      if (!all.length) break;
      const [container, key] = all[m.pick % all.length];
      const target = container as Record<string | number, unknown>;
      if (m.kind === 'delete') {
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete target[key];
      } else if (m.kind === 'replace') target[key] = m.value;
      else if (m.kind === 'wrap' || (m.kind === 'deep' && nestedDeeply)) target[key] = [target[key]];
      else if (m.kind === 'leaf') target[key] = m.leaf;
      else {
        let nested: unknown = target[key];
        for (let i = 0; i < 1500; i++) nested = [nested];
        target[key] = nested;
        nestedDeeply = true;
      }
    }
    return copy;
  });
}

/** A text cut short, or with a few characters changed, inserted or removed. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: oddText });
  return fc.oneof(
    fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
    fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
      let out = text;
      for (const e of edits) {
        const at = e.at % (out.length + 1);
        out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
      }
      return out;
    }),
  );
}

/** Bytes cut short, or with a few bytes overwritten. */
export function mutatedBytes(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.nat({ max: bytes.length }).map((end) => bytes.slice(0, end)),
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 })
      .map((flips) => {
        const out = bytes.slice();
        for (const [at, value] of flips) out[at % out.length] = value;
        return out;
      }),
  );
}

/** Parts of a spreadsheet XML, shuffled into something a parser must survive. */
const xmlToken = fc.oneof(
  fc.constantFrom(
    '<row r="1">',
    '<row r="99999999">',
    '</row>',
    '<c r="A1" t="s">',
    '<c r="ZZZZ1" t="n">',
    '<c t="inlineStr"><is><t>',
    '</t></is>',
    '<c r="B2" t="d">',
    '<c r="C3" t="e">',
    '<c r="A1">',
    '</c>',
    '<v>',
    '</v>',
    '<v>999999999</v>',
    '<v>-1</v>',
    '<v>1e400</v>',
    '<f>SUM(A1:A9)</f>',
    '<x v="99999"/>',
    '<x v="-1"/>',
    '<n v="NaN"/>',
    '<s v="<5"/>',
    '<s v="&lt;5"/>',
    '<m/>',
    '<d v="not a date"/>',
    '<r>',
    '</r>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>',
    '&a;',
    '&amp;',
    '<![CDATA[',
    ']]>',
    '<?xml version="1.0"?>',
  ),
  oddText,
);

/** Random XML-like content for a part. */
export const randomXml: fc.Arbitrary<string> = fc.array(xmlToken, { maxLength: 60 }).map((t) => t.join(''));

/** A shared-strings part with many strings and a count that may lie. */
export const hugeSharedStrings: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1000, max: 60_000 }), fc.nat({ max: 10_000_000 }), oddText)
  .map(
    ([n, claimed, text]) =>
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${claimed}" uniqueCount="${claimed}">` +
      Array.from(
        { length: n },
        (_, i) => `<si><t>${i % 7 === 0 ? text.replace(/[<&]/g, '') : `s${i}`}</t></si>`,
      ).join('') +
      '</sst>',
  );

/**
 * A package rebuilt from `base` with the tricks of hostile archives: entries hidden from
 * the local headers, written after the directory, decoys only the local headers list,
 * declared sizes that lie, a bomb entry, parts replaced by random or huge content.
 */
export function hostileZip(base: Uint8Array, replaceable: readonly string[]): fc.Arbitrary<Uint8Array> {
  const parts = Object.entries(unzipSync(base));
  const enc = new TextEncoder();
  const perEntry = fc.record({
    level: fc.constantFrom(0, 6, 9),
    coversNext: fc.boolean(),
    afterDirectory: fc.boolean(),
    decoy: fc.boolean(),
    lie: fc.option(fc.nat({ max: 4096 }), { freq: 4 }),
  });
  return fc
    .record({
      entries: fc.array(perEntry, { minLength: parts.length, maxLength: parts.length }),
      hide: fc.nat({ max: 3 }),
      replace: fc.option(fc.tuple(fc.constantFrom(...replaceable), fc.oneof(randomXml, hugeSharedStrings))),
      bomb: fc.option(fc.integer({ min: 1, max: 16 }).map((mb) => mb * 1024 * 1024)),
    })
    .map(({ entries, hide, replace, bomb }) => {
      const crafted: CraftedEntry[] = [];
      parts.forEach(([name, original], i) => {
        const data = replace && replace[0] === name ? enc.encode(replace[1]) : original;
        const e = entries[i];
        // Only a few entries get a trick each time, so that the rest still makes a package.
        const tricked = (i + hide) % 4 === 0;
        if (tricked && e.decoy) crafted.push({ name, data: enc.encode('<decoy/>'), localOnly: true });
        crafted.push({
          name,
          data,
          level: e.level,
          coversNext: tricked && e.coversNext,
          afterDirectory: tricked && e.afterDirectory,
          ...(tricked && e.lie !== null ? { declaredSize: e.lie } : {}),
        });
      });
      if (bomb) crafted.push({ name: 'xl/media/image1.png', data: zeros(bomb), level: 9 });
      return craftZip(crafted);
    });
}
