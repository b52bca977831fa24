/**
 * Demo data: fictional people only. The user ids are the `id`s of the users in
 * docker/keycloak/realm-kraftsamling.json (the dev realm), which the identity provider
 * puts in the token's `sub`; seeding them lets the demo memberships exist before the
 * first login. Fixed ids keep the seed idempotent.
 */
export const DEMO_USERS = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'admin',
    name: 'Ada Plattformsson',
    email: 'admin@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    username: 'samordnare',
    name: 'Sam Samordnarsson',
    email: 'samordnare@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    username: 'styrgrupp',
    name: 'Stina Styrsson',
    email: 'styrgrupp@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    username: 'arbetsmarknad',
    name: 'Arne Arbetsson',
    email: 'arbetsmarknad@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000005',
    username: 'helsingborg',
    name: 'Hedda Exempelsdotter',
    email: 'helsingborg@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000006',
    username: 'bjuv',
    name: 'Bo Exempelsson',
    email: 'bjuv@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000007',
    username: 'analytiker',
    name: 'Alma Analysson',
    email: 'analytiker@kraftsamling.example',
  },
  {
    id: '00000000-0000-4000-8000-000000000008',
    username: 'sandviken',
    name: 'Sune Testsson',
    email: 'sandviken@kraftsamling.example',
  },
] as const;

export const DEMO_COLLABORATION_IDS = {
  familjenHelsingborg: '10000000-0000-4000-8000-000000000001',
  sandviken: '10000000-0000-4000-8000-000000000002',
} as const;

/** Familjen Helsingborg's 11 member municipalities (domain brief). */
export const FAMILJEN_HELSINGBORG_MUNICIPALITIES = [
  '1214',
  '1257',
  '1260',
  '1275',
  '1276',
  '1277',
  '1278',
  '1282',
  '1283',
  '1284',
  '1292',
] as const;

export const SANDVIKEN_MUNICIPALITY = '2181';

const municipalityOrgId = (prefix: string, code: string) => `${prefix}-0000-4000-8000-00000000${code}`;
export const fhMunicipalityOrgId = (code: string) => municipalityOrgId('20010000', code);
export const sandvikenMunicipalityOrgId = (code: string) => municipalityOrgId('20020000', code);

export const DEMO_ORGANIZATION_IDS = {
  fhEmploymentAgency: '21010000-0000-4000-8000-000000000001',
  sandvikenEmploymentAgency: '21020000-0000-4000-8000-000000000001',
} as const;

export const DEMO_GROUP_IDS = {
  fhSteering: '30010000-0000-4000-8000-000000000001',
  fhLabourMarket: '30010000-0000-4000-8000-000000000002',
  fhAdultEducation: '30010000-0000-4000-8000-000000000003',
  fhMigration: '30010000-0000-4000-8000-000000000004',
  sandvikenSteering: '30020000-0000-4000-8000-000000000001',
  sandvikenNextStep: '30020000-0000-4000-8000-000000000002',
} as const;
