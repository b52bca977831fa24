import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createMunicipalityMatcher, type NameMatch } from './municipality-matcher';
import { parseReferenceCsv } from './reference-csv';

const referenceDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../core/database/src/reference-data',
);
const { municipalities, counties } = parseReferenceCsv(
  readFileSync(path.join(referenceDir, 'municipalities.csv'), 'utf8'),
  readFileSync(path.join(referenceDir, 'counties.csv'), 'utf8'),
);
const matcher = createMunicipalityMatcher(municipalities, counties);
const countyName = new Map(counties.map((c) => [c.code, c.name]));

function codeOf(result: NameMatch): string {
  if ('problem' in result) throw new Error(result.problem);
  return result.code;
}

function withoutDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Swedish genitive: "Lund" → "Lunds", but "Borås" stays "Borås". */
function genitive(s: string): string {
  return /[sxz]$/i.test(s) ? s : `${s}s`;
}

describe('createMunicipalityMatcher', () => {
  it('loads the full reference list', () => {
    expect(municipalities).toHaveLength(290);
    expect(counties).toHaveLength(21);
  });

  it('maps every official name to its code, with and without its county', () => {
    for (const m of municipalities) {
      expect([m.name, codeOf(matcher.match(m.name))]).toEqual([m.name, m.code]);
      expect([m.name, codeOf(matcher.match(m.name, countyName.get(m.countyCode)))]).toEqual([m.name, m.code]);
    }
  });

  it('maps the typical variants of every name to the right code', () => {
    for (const m of municipalities) {
      const county = countyName.get(m.countyCode)!;
      const shortCounty = counties.find((c) => c.code === m.countyCode)!.shortName!;
      const variants = [
        m.name.toUpperCase(),
        m.name.toLowerCase(),
        ` ${m.name}  `,
        m.name.replace(/-/g, ' '),
        m.name.replace(/ /g, '-'),
        `${genitive(m.name)} kommun`,
        `${genitive(m.name)} Kommun`,
        `${m.name} kommun`,
        `${genitive(m.name)} stad`,
        `${m.code} ${m.name}`,
      ];
      for (const variant of variants) {
        expect([variant, codeOf(matcher.match(variant, county))]).toEqual([variant, m.code]);
        expect([variant, codeOf(matcher.match(variant, shortCounty))]).toEqual([variant, m.code]);
        expect([variant, codeOf(matcher.match(variant, county.replace(/ län$/, '')))]).toEqual([
          variant,
          m.code,
        ]);
      }
      // Without å/ä/ö the county is what tells Håbo from Habo; with it, every name is found.
      const plain = withoutDiacritics(m.name);
      expect([plain, codeOf(matcher.match(plain, withoutDiacritics(county)))]).toEqual([plain, m.code]);
      expect([plain, codeOf(matcher.match(`${genitive(plain)} kommun`, county.toUpperCase()))]).toEqual([
        plain,
        m.code,
      ]);
      if (plain !== 'Habo') expect([plain, codeOf(matcher.match(plain))]).toEqual([plain, m.code]);
    }
  });

  it.each([
    ['Stockholms stad', '0180'],
    ['Göteborgs Stad', '1480'],
    ['Goteborgs stad', '1480'],
    ['Malmö stad', '1280'],
    ['Malmo', '1280'],
    ['Helsingborgs stad', '1283'],
    ['Borås Stad', '1490'],
    ['Mölndals stad', '1481'],
    ['Lidingö stad', '0186'],
    ['Solna stad', '0184'],
    ['Sundbybergs stad', '0183'],
    ['Vaxholms stad', '0187'],
    ['Västerås stad', '1980'],
    ['Haparanda stad', '2583'],
    ['Landskrona stad', '1282'],
    ['Trollhättans stad', '1488'],
    ['Region Gotland', '0980'],
    ['Gotlands kommun', '0980'],
    ['Gotland', '0980'],
    ['Upplands Väsby', '0114'],
    ['Upplands-Väsby', '0114'],
    ['Upplands Väsby kommun', '0114'],
    ['Dals-Ed', '1438'],
    ['Dals Ed', '1438'],
    ['Dals-Eds kommun', '1438'],
    ['Habo', '0643'],
    ['HABO', '0643'],
    ['Habo kommun', '0643'],
    ['Håbo', '0305'],
    ['Håbo kommun', '0305'],
    ['Vännäs kommun', '2460'],
    ['Borås kommun', '1490'],
    ['Karlstad', '1780'],
    ['Karlstads kommun', '1780'],
    ['Marks kommun', '1463'],
    ['Ale kommun', '1440'],
    ['Malung', '2023'],
    ['Malung-Sälens kommun', '2023'],
    ['0180', '0180'],
  ])('maps the special name %s to %s', (name, code) => {
    expect(matcher.match(name)).toEqual({ code });
  });

  it('uses the county to tell Håbo from Habo when diacritics are missing', () => {
    expect(matcher.match('Habo', 'Uppsala län')).toEqual({ code: '0305' });
    expect(matcher.match('Habo', 'Jönköpings län')).toEqual({ code: '0643' });
    expect(matcher.match('Habo', 'Jonkopings lan')).toEqual({ code: '0643' });
  });

  it('reports an ambiguous name instead of guessing', () => {
    const result = matcher.match('Hábo');
    expect(result).toEqual({
      problem: expect.stringContaining('ambiguous municipality name "Hábo"'),
      suggestions: expect.arrayContaining(['Håbo', 'Habo']),
    });
    const twins = createMunicipalityMatcher(
      [
        { code: '9901', name: 'Åby', countyCode: '99' },
        { code: '9902', name: 'Aby', countyCode: '99' },
      ],
      [{ code: '99', name: 'Provlän' }],
    );
    expect(twins.match('Äby', 'Provlän')).toHaveProperty('problem', expect.stringContaining('ambiguous'));
    expect(twins.match('Aby', 'Provlän')).toEqual({ code: '9902' });
  });

  it('lists the three closest names for an unknown name', () => {
    const result = matcher.match('Stokholm');
    expect(result).toEqual({
      problem: 'unknown municipality "Stokholm"; closest known names: Stockholm, Boxholm, Bjurholm',
      suggestions: ['Stockholm', 'Boxholm', 'Bjurholm'],
    });
    const inCounty = matcher.match('Malmoe stad', 'Skåne län');
    expect(inCounty).toHaveProperty('suggestions', expect.arrayContaining(['Malmö']));
    expect((inCounty as { suggestions: string[] }).suggestions).toHaveLength(3);
    expect((inCounty as { suggestions: string[] }).suggestions[0]).toBe('Malmö');
  });

  it('reports a municipality that is not in the given county', () => {
    expect(matcher.match('Lund', 'Stockholms län')).toEqual({
      problem: '"Lund" is Lund (1281) in Skåne län, not a municipality in Stockholms län',
      suggestions: expect.any(Array),
    });
    expect(matcher.match('1281', 'Stockholms län')).toHaveProperty(
      'problem',
      expect.stringContaining('Skåne län'),
    );
  });

  it('reports a code that contradicts the name, and unknown codes', () => {
    expect(matcher.match('0180 Malmö')).toHaveProperty(
      'problem',
      expect.stringContaining('0180 is Stockholm'),
    );
    expect(matcher.match('0999')).toHaveProperty('problem', 'unknown municipality code "0999"');
  });

  it('reports an unknown county with the closest county names', () => {
    expect(matcher.match('Falun', 'Dalarnes län')).toEqual({
      problem: 'unknown county "Dalarnes län"',
      suggestions: expect.arrayContaining(['Dalarnas län']),
    });
    expect(matcher.match('', 'Dalarnas län')).toHaveProperty('problem', 'no municipality name');
  });

  it.each([
    ['Dalarnas län', '20'],
    ['Dalarna', '20'],
    ['DALARNAS LAN', '20'],
    ['Region Dalarna', '20'],
    ['20', '20'],
    ['0020', '20'],
    ['Västra Götalandsregionen', '14'],
    ['Västra Götalands län', '14'],
    ['Skåne län', '12'],
    ['Skane', '12'],
    ['Gotlands län', '09'],
    ['Region Gotland', '09'],
  ])('maps the county %s to %s', (name, code) => {
    expect(matcher.matchCounty(name)).toEqual({ code });
  });
});
