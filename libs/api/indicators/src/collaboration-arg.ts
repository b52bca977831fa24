import { ID } from '@nestjs/graphql';
import type { TenantSource } from '@kraftsamling/api/core/tenancy';

/**
 * The collaboration of the reads the catalogue and the indicator page make as they open:
 * its id, or its slug. The web app knows only the slug in the address until `me` answers,
 * and asking for the id first put a round trip before the page's data.
 */
export const byCollaborationIdOrSlug = {
  arg: 'collaborationId',
  by: 'idOrSlug',
} as const satisfies TenantSource;

export const COLLABORATION_ID_OR_SLUG_ARG = {
  type: () => ID,
  description: 'The collaboration’s id, or its slug (as in the web app’s addresses).',
};
