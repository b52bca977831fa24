import type { AppError } from '@kraftsamling/web/shared/errors';
import type { ScbTable } from './models';
import {
  classErrorsByDimension,
  choosableDimensions,
  contentsCodes,
  defineScbIndicatorInput,
  fetchOutcome,
  fetchSourceInput,
} from './source-fetch';

const TABLE: ScbTable = {
  id: 'TAB9990',
  label: 'Förvärvsarbetande',
  url: 'https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/TAB9990',
  updated: null,
  preliminary: false,
  definedCodes: [],
  dimensions: [
    { code: 'Region', label: 'region', role: 'REGION', elimination: false, classes: [] },
    {
      code: 'Kon',
      label: 'kön',
      role: 'OTHER',
      elimination: true,
      classes: [
        { code: '1', label: 'män', unit: null },
        { code: '2', label: 'kvinnor', unit: null },
      ],
    },
    {
      code: 'Alder',
      label: 'ålder',
      role: 'OTHER',
      elimination: true,
      classes: [{ code: '20-64', label: '20–64 år', unit: null }],
    },
    {
      code: 'ContentsCode',
      label: 'tabellinnehåll',
      role: 'CONTENTS',
      elimination: false,
      classes: [{ code: '000009TE', label: 'Förvärvsarbetande', unit: 'antal' }],
    },
    { code: 'Tid', label: 'år', role: 'TIME', elimination: false, classes: [] },
  ],
};

describe('fetchSourceInput', () => {
  it('makes the input of a Kolada key figure with its first year, the id in capitals', () => {
    expect(fetchSourceInput({ source: 'KOLADA', subject: ' n00955 ', from: '2015' }, 2026)).toEqual({
      input: { source: 'KOLADA', subject: 'N00955', from: 2015 },
    });
  });

  it('leaves the first year to the API when none is given, and sends an AF address as typed', () => {
    expect(fetchSourceInput({ source: 'SCB', subject: 'TAB6471', from: '' })).toEqual({
      input: { source: 'SCB', subject: 'TAB6471' },
    });
    expect(
      fetchSourceInput({ source: 'AF', subject: 'https://arbetsformedlingen.se/a.xlsx', from: '2015' }),
    ).toEqual({
      input: { source: 'AF', subject: 'https://arbetsformedlingen.se/a.xlsx' },
    });
  });

  it('names the field and what is wrong with it', () => {
    expect(fetchSourceInput({ source: 'KOLADA', subject: ' ', from: '' })).toEqual({
      field: 'subject',
      problem: 'subjectRequired',
    });
    expect(fetchSourceInput({ source: 'KOLADA', subject: 'inte-ett-id', from: '' })).toEqual({
      field: 'subject',
      problem: 'koladaId',
    });
    expect(fetchSourceInput({ source: 'SCB', subject: 'BE0101', from: '' })).toEqual({
      field: 'subject',
      problem: 'scbTable',
    });
    expect(fetchSourceInput({ source: 'AF', subject: 'arbetssokande.xlsx', from: '' })).toEqual({
      field: 'subject',
      problem: 'afUrl',
    });
    expect(fetchSourceInput({ source: 'KOLADA', subject: 'N00955', from: '2030' }, 2026)).toEqual({
      field: 'from',
      problem: 'fromYear',
    });
    expect(fetchSourceInput({ source: 'KOLADA', subject: 'N00955', from: '15' }, 2026)).toEqual({
      field: 'from',
      problem: 'fromYear',
    });
  });
});

describe('fetchOutcome', () => {
  it('tells counts of an import, the reason of nothing new and the error of a failure', () => {
    expect(fetchOutcome({ status: 'IMPORTED', inserted: 3, changed: 1, message: null })).toEqual({
      key: 'fetchForm.outcome.imported',
      params: { inserted: 3, changed: 1 },
    });
    expect(
      fetchOutcome({ status: 'NOTHING_NEW', inserted: 0, changed: 0, message: 'same as before' }),
    ).toEqual({
      key: 'fetchForm.outcome.nothingNew',
      params: { message: 'same as before' },
    });
    expect(fetchOutcome({ status: 'FAILED', inserted: 0, changed: 0, message: 'define one first' })).toEqual({
      key: 'fetchForm.outcome.failed',
      params: { message: 'define one first' },
    });
  });
});

describe('an SCB definition', () => {
  it('offers the dimensions besides region, time and contents, and the contents codes', () => {
    expect(choosableDimensions(TABLE).map((d) => d.code)).toEqual(['Kon', 'Alder']);
    expect(contentsCodes(TABLE).map((c) => c.code)).toEqual(['000009TE']);
  });

  it('sends the chosen classes of each dimension, leaving out a dimension without any', () => {
    const { input, classDimensions } = defineScbIndicatorInput(TABLE, {
      contentsCode: '000009TE',
      classes: { Kon: [], Alder: ['20-64'] },
      nameSv: ' Förvärvsarbetande 20–64 ',
      nameEn: 'Employed 20–64',
      unit: 'COUNT',
      periodicity: 'YEAR',
      direction: 'HIGHER_IS_BETTER',
    });
    expect(input).toEqual({
      table: 'TAB9990',
      contentsCode: '000009TE',
      classes: [{ dimension: 'Alder', codes: ['20-64'] }],
      nameSv: 'Förvärvsarbetande 20–64',
      nameEn: 'Employed 20–64',
      unit: 'COUNT',
      periodicity: 'YEAR',
      direction: 'HIGHER_IS_BETTER',
    });
    expect(classDimensions).toEqual(['Alder']);
  });

  it("puts the API's error of a class choice at its dimension", () => {
    const error: AppError = {
      code: 'BAD_USER_INPUT',
      messageKey: 'errors.badUserInput',
      fields: [
        { field: 'classes.0', message: 'Alder has no class 99' },
        { field: 'nameSv', message: 'give a name' },
      ],
    };
    expect(classErrorsByDimension(error, ['Alder']).fields).toEqual([
      { field: 'classes.Alder', message: 'Alder has no class 99' },
      { field: 'nameSv', message: 'give a name' },
    ]);
  });
});
