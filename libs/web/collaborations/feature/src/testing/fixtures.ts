import type { CollaborationAdmin, CollaborationDetail } from '@kraftsamling/web/collaborations/data-access';
import type { OrganizationKind } from '@kraftsamling/web/shared/graphql';

// Fictional test data. The municipality names and codes are the public SCB ones.
export const FAMILJEN_HELSINGBORG_MUNICIPALITIES: [string, string][] = [
  ['1214', 'Svalöv'],
  ['1257', 'Örkelljunga'],
  ['1260', 'Bjuv'],
  ['1275', 'Perstorp'],
  ['1276', 'Klippan'],
  ['1277', 'Åstorp'],
  ['1278', 'Båstad'],
  ['1282', 'Landskrona'],
  ['1283', 'Helsingborg'],
  ['1284', 'Höganäs'],
  ['1292', 'Ängelholm'],
];

/** The proper names of the municipalities above, as the reference data holds them. */
export const PROPER_NAMES: Record<string, string> = {
  Svalöv: 'Svalövs kommun',
  Örkelljunga: 'Örkelljunga kommun',
  Bjuv: 'Bjuvs kommun',
  Perstorp: 'Perstorps kommun',
  Klippan: 'Klippans kommun',
  Åstorp: 'Åstorps kommun',
  Båstad: 'Båstads kommun',
  Landskrona: 'Landskrona stad',
  Helsingborg: 'Helsingborgs stad',
  Höganäs: 'Höganäs kommun',
  Ängelholm: 'Ängelholms kommun',
};

const organization = (
  id: string,
  name: string,
  kind: OrganizationKind,
  municipalityCode: string | null = null,
) => ({
  id,
  collaborationId: 'c1',
  name,
  properName: PROPER_NAMES[name] ?? name,
  kind,
  municipalityCode,
  version: 1,
});

export const ORGANIZATIONS = [
  ...FAMILJEN_HELSINGBORG_MUNICIPALITIES.map(([code, name]) =>
    organization(`m-${code}`, name, 'MUNICIPALITY', code),
  ),
  organization('af', 'Arbetsförmedlingen', 'EMPLOYMENT_AGENCY'),
  organization('fhs', 'Exempelfolkhögskolan', 'FOLK_HIGH_SCHOOL'),
];

export const GROUPS = [
  {
    id: 'g-steering',
    collaborationId: 'c1',
    kind: 'STEERING' as const,
    name: 'Styrgrupp',
    focusArea: null,
    version: 1,
  },
  {
    id: 'g-labour',
    collaborationId: 'c1',
    kind: 'OPERATIONAL' as const,
    name: 'Arbetsmarknad',
    focusArea: 'Arbetsmarknad',
    version: 3,
  },
];

export function collaborationDetail(
  permissions: string[],
  roles: CollaborationDetail['myRoles'] = ['VIEWER'],
): CollaborationDetail {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    description: 'Elva kommuner i nordvästra Skåne.',
    version: 1,
    myRoles: roles,
    myPermissions: permissions,
    organizations: ORGANIZATIONS,
    groups: GROUPS.map((group) => ({
      ...group,
      viewerCanRecordDecisions: false,
      members: [
        {
          id: 'ms-1',
          role: 'GROUP_MEMBER' as const,
          pending: false,
          user: { id: 'u2', name: 'Exempel Person' },
          invitation: null,
          organization: null,
        },
      ],
    })),
  };
}

export function collaborationAdmin(permissions: string[]): CollaborationAdmin {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    version: 1,
    myPermissions: permissions,
    organizations: ORGANIZATIONS,
    groups: GROUPS,
    members: [
      {
        id: 'ms-1',
        collaborationId: 'c1',
        role: 'MUNICIPAL_EDITOR',
        version: 2,
        createdAt: '2026-01-01T00:00:00Z',
        groupId: null,
        organizationId: 'm-1283',
        pending: false,
        user: { id: 'u2', name: 'Exempel Person', email: 'exempel.person@example.org', username: null },
        invitation: null,
        organization: { id: 'm-1283', kind: 'MUNICIPALITY', name: 'Helsingborg', municipalityCode: '1283' },
        group: null,
      },
      {
        id: 'ms-2',
        collaborationId: 'c1',
        role: 'VIEWER',
        version: 1,
        createdAt: '2026-01-02T00:00:00Z',
        groupId: null,
        organizationId: null,
        pending: true,
        user: null,
        invitation: { email: 'ny.person@example.org', name: 'Ny Person' },
        organization: null,
        group: null,
      },
    ],
  };
}
