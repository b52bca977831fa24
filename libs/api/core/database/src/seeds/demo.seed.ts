import type { EntityManager } from 'typeorm';
import {
  DEMO_COLLABORATION_IDS as C,
  DEMO_GROUP_IDS as G,
  DEMO_ORGANIZATION_IDS as O,
  DEMO_USERS,
  FAMILJEN_HELSINGBORG_MUNICIPALITIES,
  SANDVIKEN_MUNICIPALITY,
  fhMunicipalityOrgId,
  sandvikenMunicipalityOrgId,
} from './demo-data';

const userId = (username: (typeof DEMO_USERS)[number]['username']) =>
  DEMO_USERS.find((user) => user.username === username)!.id;

/**
 * Inserts the demo collaborations, organisations, groups, users and memberships.
 * Idempotent: every row has a fixed id and existing rows are left as they are, so a
 * second start neither duplicates nor undoes what someone changed in the demo.
 */
export async function seedDemoData(manager: EntityManager): Promise<void> {
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (const row of rows) {
      const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
      await manager.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders}) ON CONFLICT (id) DO NOTHING`,
        row,
      );
    }
  };

  await insert(
    'collaboration',
    ['id', 'slug', 'name', 'description'],
    [
      [
        C.familjenHelsingborg,
        'familjen-helsingborg',
        'Familjen Helsingborg',
        'Elva kommuner i nordvästra Skåne och Arbetsförmedlingen som tillsammans arbetar för att fler ska komma i arbete, med fokus på utrikes födda kvinnor.',
      ],
      [
        C.sandviken,
        'sandviken',
        'Sandviken – Nästa steg',
        'Sandvikens kommun och Arbetsförmedlingen i samverkan för att fler utrikes födda kvinnor ska komma i arbete.',
      ],
    ],
  );

  const names = new Map<string, string>(
    (
      (await manager.query(`SELECT code, proper_name AS name FROM municipality WHERE code = ANY($1)`, [
        [...FAMILJEN_HELSINGBORG_MUNICIPALITIES, SANDVIKEN_MUNICIPALITY],
      ])) as { code: string; name: string }[]
    ).map((row) => [row.code, row.name]),
  );
  await insert(
    'organization',
    ['id', 'collaboration_id', 'kind', 'name', 'municipality_code'],
    [
      ...FAMILJEN_HELSINGBORG_MUNICIPALITIES.map((code) => [
        fhMunicipalityOrgId(code),
        C.familjenHelsingborg,
        'MUNICIPALITY',
        names.get(code),
        code,
      ]),
      [O.fhEmploymentAgency, C.familjenHelsingborg, 'EMPLOYMENT_AGENCY', 'Arbetsförmedlingen', null],
      [
        sandvikenMunicipalityOrgId(SANDVIKEN_MUNICIPALITY),
        C.sandviken,
        'MUNICIPALITY',
        names.get(SANDVIKEN_MUNICIPALITY),
        SANDVIKEN_MUNICIPALITY,
      ],
      [O.sandvikenEmploymentAgency, C.sandviken, 'EMPLOYMENT_AGENCY', 'Arbetsförmedlingen', null],
    ],
  );

  await insert(
    '"group"',
    ['id', 'collaboration_id', 'kind', 'name', 'focus_area'],
    [
      [
        G.fhSteering,
        C.familjenHelsingborg,
        'STEERING',
        'Styrgrupp',
        'Samordning, riktning och gemensamma mål',
      ],
      [G.fhLabourMarket, C.familjenHelsingborg, 'OPERATIONAL', 'Arbetsmarknad', 'Arbetsmarknad'],
      [G.fhAdultEducation, C.familjenHelsingborg, 'OPERATIONAL', 'Vuxenutbildning', 'Vuxenutbildning'],
      [
        G.fhMigration,
        C.familjenHelsingborg,
        'OPERATIONAL',
        'Migration och etablering',
        'Migration och etablering',
      ],
      [G.sandvikenSteering, C.sandviken, 'STEERING', 'Styrgrupp', 'Nästa steg: styrning och uppföljning'],
      [G.sandvikenNextStep, C.sandviken, 'OPERATIONAL', 'Jobbspår', 'Jobbspår och arbetsträning'],
    ],
  );

  await insert(
    'app_user',
    ['id', 'subject', 'username', 'name', 'email'],
    DEMO_USERS.map((user) => [user.id, user.id, user.username, user.name, user.email]),
  );

  await insert(
    'membership',
    ['id', 'collaboration_id', 'user_id', 'role', 'organization_id', 'group_id'],
    [
      [
        '40010000-0000-4000-8000-000000000001',
        C.familjenHelsingborg,
        userId('samordnare'),
        'COORDINATOR',
        null,
        null,
      ],
      [
        '40010000-0000-4000-8000-000000000002',
        C.familjenHelsingborg,
        userId('styrgrupp'),
        'STEERING_MEMBER',
        null,
        G.fhSteering,
      ],
      [
        '40010000-0000-4000-8000-000000000003',
        C.familjenHelsingborg,
        userId('arbetsmarknad'),
        'GROUP_MEMBER',
        null,
        G.fhLabourMarket,
      ],
      [
        '40010000-0000-4000-8000-000000000004',
        C.familjenHelsingborg,
        userId('helsingborg'),
        'MUNICIPAL_EDITOR',
        fhMunicipalityOrgId('1283'),
        null,
      ],
      [
        '40010000-0000-4000-8000-000000000005',
        C.familjenHelsingborg,
        userId('bjuv'),
        'MUNICIPAL_EDITOR',
        fhMunicipalityOrgId('1260'),
        null,
      ],
      [
        '40010000-0000-4000-8000-000000000006',
        C.familjenHelsingborg,
        userId('analytiker'),
        'AGENCY_ANALYST',
        O.fhEmploymentAgency,
        null,
      ],
      ['40020000-0000-4000-8000-000000000001', C.sandviken, userId('sandviken'), 'COORDINATOR', null, null],
    ],
  );
}
