/**
 * Values the schema's CHECK constraints allow, for the code that writes them. The tables
 * themselves are defined once, by the migrations (docs/adr/0007-sql-services-no-entities.md).
 */
export const OrganizationKind = {
  Municipality: 'MUNICIPALITY',
  EmploymentAgency: 'EMPLOYMENT_AGENCY',
  University: 'UNIVERSITY',
  FolkHighSchool: 'FOLK_HIGH_SCHOOL',
  BusinessNetwork: 'BUSINESS_NETWORK',
  Other: 'OTHER',
} as const;
export type OrganizationKind = (typeof OrganizationKind)[keyof typeof OrganizationKind];

export const GroupKind = { Steering: 'STEERING', Operational: 'OPERATIONAL' } as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];
