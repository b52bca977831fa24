import type { Provider } from '@angular/core';
import { MeStore, type CollaborationDetail } from '@kraftsamling/web/collaborations/data-access';
import type { Indicator, IndicatorSeries, RegionSeries } from '@kraftsamling/web/indicators/data-access';

// Fictional test data. The municipality names and codes are the public SCB ones.
const MUNICIPALITIES: [string, string][] = [
  ['1283', 'Helsingborg'],
  ['1282', 'Landskrona'],
  ['1275', 'Perstorp'],
];

export const COORDINATOR_PERMISSIONS = [
  'collaboration:read',
  'member:read',
  'member:manage',
  'indicator:read',
  'indicator:import',
  'values:enter',
  'indicator:manage',
];
export const VIEWER_PERMISSIONS = ['collaboration:read', 'member:read', 'indicator:read'];
export const EDITOR_PERMISSIONS = [...VIEWER_PERMISSIONS, 'values:enter'];

export function collaboration(
  permissions: string[] = VIEWER_PERMISSIONS,
  roles: CollaborationDetail['myRoles'] = ['VIEWER'],
): CollaborationDetail {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    description: null,
    version: 1,
    myRoles: roles,
    myPermissions: permissions,
    organizations: [
      ...MUNICIPALITIES.map(([code, name]) => ({
        id: `m-${code}`,
        collaborationId: 'c1',
        kind: 'MUNICIPALITY' as const,
        name,
        properName: `${name} kommun`,
        municipalityCode: code,
        version: 1,
      })),
      {
        id: 'af',
        collaborationId: 'c1',
        kind: 'EMPLOYMENT_AGENCY' as const,
        name: 'Arbetsförmedlingen',
        properName: 'Arbetsförmedlingen',
        municipalityCode: null,
        version: 1,
      },
    ],
    groups: [],
  };
}

/**
 * A MeStore stand-in: the signed-in user with the platform permissions their realm roles
 * grant (e.g. official:import for a statistics steward).
 */
export function meStore(
  platformPermissions: string[] = [],
  user: { id?: string; isPlatformAdmin?: boolean } = {},
): Provider {
  const me = {
    id: user.id ?? 'u-1',
    name: 'Testperson',
    isPlatformAdmin: user.isPlatformAdmin ?? false,
    platformPermissions,
    access: [],
  };
  return {
    provide: MeStore,
    useValue: {
      load: async () => me,
      me: () => me,
      canOnPlatform: (permission: string) => platformPermissions.includes(permission),
    },
  };
}

export function indicator(code: string, overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: `i-${code}`,
    code,
    theme: 'unemployment-bas',
    nameSv: code,
    nameEn: code,
    descriptionSv: null,
    descriptionEn: null,
    unit: 'COUNT',
    periodicity: 'MONTH',
    direction: 'LOWER_IS_BETTER',
    source: 'AF',
    kind: 'MEASURED',
    collaborationId: null,
    numeratorCode: null,
    denominatorCode: null,
    factor: null,
    version: 1,
    supersededByCode: null,
    supersedesCode: null,
    coverage: 0,
    lastPeriod: null,
    lastImportedAt: null,
    lastFetchedAt: null,
    sourceSubject: null,
    sourceUrl: null,
    ...overrides,
  };
}

export const CATALOGUE: Indicator[] = [
  indicator('af.bas.utrk.unemployed', {
    nameSv: 'Inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)',
    nameEn: 'Registered unemployed, foreign-born women (BAS labour force, from 2023)',
  }),
  indicator('af.bas.utrk.unemployment_share', {
    nameSv: 'Andel inskrivna arbetslösa, utrikes födda kvinnor (BAS-arbetskraft, fr.o.m. 2023)',
    nameEn: 'Share registered unemployed, foreign-born women (BAS labour force, from 2023)',
    unit: 'PERCENT',
    kind: 'RATIO',
    numeratorCode: 'af.bas.utrk.unemployed',
    denominatorCode: 'af.bas.utrk.labour_force',
    factor: 100,
  }),
  indicator('scb.population', {
    theme: 'population',
    nameSv: 'Folkmängd',
    nameEn: 'Population',
    source: 'SCB',
    periodicity: 'YEAR',
    direction: 'HIGHER_IS_BETTER',
  }),
  indicator('local.jobbspar', {
    theme: 'Insatser',
    nameSv: 'Deltagare i jobbspår',
    nameEn: 'Participants in job tracks',
    source: 'LOCAL',
    collaborationId: 'c1',
    direction: 'HIGHER_IS_BETTER',
  }),
];

/** Foreign-born women registered unemployed (BAS), three months, two municipalities. */
export function unemployedSeries(): IndicatorSeries {
  return {
    indicator: CATALOGUE[0],
    periods: ['2024-07', '2024-08', '2024-09'],
    areas: [
      {
        areaCode: '1283',
        areaName: 'Helsingborg',
        values: [1234, 1250, 1198],
        lowerBounds: [null, null, null],
        upperBounds: [null, null, null],
        preliminary: [false, false, true],
        status: [null, null, null],
        batchId: ['4f2a9c1e-aaaa', '4f2a9c1e-aaaa', 'b7d3e5f0-bbbb'],
        publishedAt: ['2024-08-14', '2024-09-13', '2024-10-15'],
        versions: [1, 1, 1],
        denominatorBatchId: [null, null, null],
      },
      {
        areaCode: '1275',
        areaName: 'Perstorp',
        values: [null, null, 7],
        lowerBounds: [1, null, null],
        upperBounds: [4, null, null],
        preliminary: [false, false, false],
        status: [null, null, null],
        batchId: ['4f2a9c1e-aaaa', null, 'b7d3e5f0-bbbb'],
        publishedAt: ['2024-08-14', null, '2024-10-15'],
        versions: [1, null, 1],
        denominatorBatchId: [null, null, null],
      },
    ],
    batches: [
      {
        id: '4f2a9c1e-aaaa',
        source: 'AF',
        format: 'AF_WORKBOOK',
        fileName: 'arbetslosa-2024-08.xlsx',
        publishedAt: '2024-08-14',
        importedAt: '2024-08-15T08:30:00Z',
        enteredBy: null,
        official: true,
      },
      {
        id: 'b7d3e5f0-bbbb',
        source: 'AF',
        format: 'AF_WORKBOOK',
        fileName: 'arbetslosa-2024-10.xlsx',
        publishedAt: '2024-10-15',
        importedAt: '2024-10-16T08:02:00Z',
        enteredBy: null,
        official: true,
      },
    ],
  };
}

/**
 * The two municipalities of unemployedSeries() taken together, by hand: July 1234 + "<5" is
 * 1235 to 1238; August only Helsingborg (1 of 2); September 1198 + 7 = 1205.
 */
export function unemployedRegion(): RegionSeries {
  return {
    areaCodes: ['1283', '1275'],
    periods: ['2024-07', '2024-08', '2024-09'],
    values: [null, 1250, 1205],
    lowerBounds: [1235, null, null],
    upperBounds: [1238, null, null],
    included: [2, 1, 2],
    incomplete: [false, true, false],
  };
}
