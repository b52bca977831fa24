import { distance } from 'fastest-levenshtein';
import { exactKey, foldedKey, nameVariants, tidy } from './name-keys';

/** A municipality as the reference data has it (SCB code, official short name, county code). */
export interface MunicipalityRef {
  code: string;
  name: string;
  countyCode: string;
}

/** A county as the reference data has it; `shortName` ("Stockholm") is derived when absent. */
export interface CountyRef {
  code: string;
  name: string;
  shortName?: string;
}

export type NameMatch = { code: string } | { problem: string; suggestions: string[] };

export interface MunicipalityMatcher {
  /** Maps a municipality name as a source writes it to its 4-digit code. */
  match(name: string, countyName?: string | null): NameMatch;
  /** Maps a county name ("Dalarnas län", "Dalarna", "20") to its 2-digit code. */
  matchCounty(name: string): NameMatch;
  readonly municipalities: readonly MunicipalityRef[];
  readonly counties: readonly CountyRef[];
}

export interface MunicipalityMatcherOptions {
  /**
   * Other names a source may use for a municipality (former names, exonyms), name → code.
   * Defaults to {@link DEFAULT_MUNICIPALITY_ALIASES}.
   */
  aliases?: Record<string, string>;
  /** How many closest names an unknown name lists; default 3. */
  suggestions?: number;
}

/**
 * Names still found in older files for municipalities that have since changed name
 * (Malung became Malung-Sälen in 2009) or that are commonly written another way.
 */
export const DEFAULT_MUNICIPALITY_ALIASES: Readonly<Record<string, string>> = {
  Malung: '2023',
  Gothenburg: '1480',
};

// "Malmö stad", "Lunds kommun", "Region Gotland": what sources put around the name. A
// separator is required so that names which end in those letters ("Karlstad") survive.
const MUNICIPALITY_SUFFIXES = [/\s+kommun$/i, /\s+kommunen$/i, /\s+stad$/i, /\s+municipality$/i];
const MUNICIPALITY_PREFIXES = [/^region\s+/i, /^kommunen\s+/i];
const COUNTY_SUFFIXES = [/\s+län$/i, /\s+lan$/i, /\s*-?regionen$/i, /\s+county$/i];
const COUNTY_PREFIXES = [/^region\s+/i, /^landstinget\s+i\s+/i];

interface Index<T> {
  exact: Map<string, T[]>;
  folded: Map<string, T[]>;
}

function addTo<T>(index: Index<T>, name: string, item: T): void {
  for (const [map, key] of [
    [index.exact, exactKey(name)],
    [index.folded, foldedKey(name)],
  ] as const) {
    const list = map.get(key);
    if (!list) map.set(key, [item]);
    else if (!list.includes(item)) list.push(item);
  }
}

/** All items the first variant with any hit finds, at one strength of comparison. */
function lookUp<T>(map: Map<string, T[]>, variants: string[], key: (s: string) => string): T[] {
  for (const variant of variants) {
    const hits = map.get(key(variant));
    if (hits?.length) return hits;
  }
  return [];
}

function quoted(s: string): string {
  return `"${s}"`;
}

function deriveShortCountyName(name: string): string {
  const withoutLan = tidy(name).replace(/\s+län$/i, '');
  // "Stockholms" → "Stockholm", but "Skåne" and "Västra Götalands" → "Västra Götaland" alike.
  return withoutLan.replace(/s$/i, '');
}

/**
 * Builds a matcher over the reference list of municipalities and counties.
 *
 * Tolerant of case, spaces/hyphens, missing diacritics, "kommun"/"stad" suffixes with a
 * genitive s, "Region Gotland", and a municipality code in front of the name. Intolerant of
 * anything it cannot decide: an ambiguous name, a name outside the given county and an
 * unknown name are problems, the latter with the closest known names, so an import never
 * guesses an area.
 */
export function createMunicipalityMatcher(
  municipalities: readonly MunicipalityRef[],
  counties: readonly CountyRef[],
  options: MunicipalityMatcherOptions = {},
): MunicipalityMatcher {
  const suggestionCount = options.suggestions ?? 3;
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const countyByCode = new Map(counties.map((c) => [c.code, c]));
  const countyLabel = (code: string) => countyByCode.get(code)?.name ?? `county ${code}`;

  const index: Index<MunicipalityRef> = { exact: new Map(), folded: new Map() };
  for (const m of municipalities) addTo(index, m.name, m);
  for (const [alias, code] of Object.entries(options.aliases ?? DEFAULT_MUNICIPALITY_ALIASES)) {
    const m = byCode.get(code);
    if (m) addTo(index, alias, m);
  }

  const countyIndex: Index<CountyRef> = { exact: new Map(), folded: new Map() };
  for (const c of counties) {
    addTo(countyIndex, c.name, c);
    addTo(countyIndex, c.shortName ?? deriveShortCountyName(c.name), c);
  }
  const foldedNames = municipalities.map((m) => ({ m, key: foldedKey(m.name) }));

  function closest(variants: string[], countyCode: string | undefined): string[] {
    const keys = variants.map(foldedKey);
    return foldedNames
      .map(({ m, key }) => ({ m, d: Math.min(...keys.map((k) => distance(k, key))) }))
      .sort(
        (a, b) =>
          a.d - b.d ||
          Number(b.m.countyCode === countyCode) - Number(a.m.countyCode === countyCode) ||
          a.m.name.localeCompare(b.m.name, 'sv'),
      )
      .slice(0, suggestionCount)
      .map(({ m }) => m.name);
  }

  function matchCounty(raw: string): NameMatch {
    const name = tidy(String(raw ?? ''));
    if (!name) return { problem: 'no county name', suggestions: [] };
    const code = /^(?:00)?(\d{2})$/.exec(name)?.[1];
    if (code) {
      return countyByCode.has(code)
        ? { code }
        : { problem: `unknown county code ${quoted(name)}`, suggestions: [] };
    }
    const variants = nameVariants(name, COUNTY_SUFFIXES, COUNTY_PREFIXES);
    for (const [map, key] of [
      [countyIndex.exact, exactKey],
      [countyIndex.folded, foldedKey],
    ] as const) {
      const hits = lookUp(map, variants, key);
      if (hits.length === 1) return { code: hits[0].code };
      if (hits.length > 1) {
        return { problem: `ambiguous county name ${quoted(name)}`, suggestions: hits.map((c) => c.name) };
      }
    }
    const keys = variants.map(foldedKey);
    const suggestions = counties
      .map((c) => ({
        c,
        d: Math.min(
          ...keys.flatMap((k) => [
            distance(k, foldedKey(c.name)),
            distance(k, foldedKey(c.shortName ?? deriveShortCountyName(c.name))),
          ]),
        ),
      }))
      .sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name, 'sv'))
      .slice(0, suggestionCount)
      .map(({ c }) => c.name);
    return { problem: `unknown county ${quoted(name)}`, suggestions };
  }

  function match(raw: string, countyName?: string | null): NameMatch {
    const name = tidy(String(raw ?? ''));
    if (!name) return { problem: 'no municipality name', suggestions: [] };

    let countyCode: string | undefined;
    if (countyName != null && tidy(String(countyName)) !== '') {
      const county = matchCounty(countyName);
      if ('problem' in county) return county;
      countyCode = county.code;
    }
    const inCounty = (m: MunicipalityRef) => countyCode === undefined || m.countyCode === countyCode;

    // "0180", "0180 Stockholm": a code is better than a name, but only if the two agree.
    const coded = /^(\d{4})(?:\s*[-–:]?\s*(.*))?$/.exec(name);
    if (coded) {
      const m = byCode.get(coded[1]);
      if (!m) return { problem: `unknown municipality code ${quoted(coded[1])}`, suggestions: [] };
      const rest = coded[2]?.trim();
      if (rest) {
        const byName = match(rest, countyName);
        if ('problem' in byName || byName.code !== m.code) {
          return {
            problem: `municipality code ${m.code} is ${m.name}, which does not match the name ${quoted(rest)}`,
            suggestions: [m.name],
          };
        }
      }
      if (!inCounty(m)) {
        return {
          problem: `${m.name} (${m.code}) is in ${countyLabel(m.countyCode)}, not in ${countyLabel(countyCode!)}`,
          suggestions: [],
        };
      }
      return { code: m.code };
    }

    const variants = nameVariants(name, MUNICIPALITY_SUFFIXES, MUNICIPALITY_PREFIXES);
    let elsewhere: MunicipalityRef[] = [];
    // Exact (with å/ä/ö) before folded: "Habo" is Habo, unless the county says it is Håbo.
    for (const [map, key] of [
      [index.exact, exactKey],
      [index.folded, foldedKey],
    ] as const) {
      const hits = lookUp(map, variants, key);
      if (!hits.length) continue;
      const candidates = hits.filter(inCounty);
      if (candidates.length === 1) return { code: candidates[0].code };
      if (candidates.length > 1) {
        return {
          problem: `ambiguous municipality name ${quoted(name)}: it could be ${candidates
            .map((m) => `${m.name} (${m.code}, ${countyLabel(m.countyCode)})`)
            .join(' or ')}; give the county to tell them apart`,
          suggestions: candidates.map((m) => m.name),
        };
      }
      if (!elsewhere.length) elsewhere = hits;
    }
    if (elsewhere.length) {
      return {
        problem: `${quoted(name)} is ${elsewhere
          .map((m) => `${m.name} (${m.code}) in ${countyLabel(m.countyCode)}`)
          .join(' or ')}, not a municipality in ${countyLabel(countyCode!)}`,
        suggestions: closest(variants, countyCode),
      };
    }
    const suggestions = closest(variants, countyCode);
    return {
      problem: `unknown municipality ${quoted(name)}${
        suggestions.length ? `; closest known names: ${suggestions.join(', ')}` : ''
      }`,
      suggestions,
    };
  }

  return { match, matchCounty, municipalities, counties };
}
