import { ID } from '@nestjs/graphql';
import type { TenantSource } from './access';

/**
 * The collaboration of a read that a page makes as it opens (the catalogue, an indicator,
 * goals, decisions, actions, peer sets, the import history): its id, or its slug. The web app
 * knows only the slug in the address until `me` answers, and asking for the collaboration's
 * id first put a round trip before the page's data. Changes keep taking the id.
 */
export const byCollaborationIdOrSlug = {
  arg: 'collaborationId',
  by: 'idOrSlug',
} as const satisfies TenantSource;

export const COLLABORATION_ID_OR_SLUG_ARG = {
  type: () => ID,
  description: 'The collaboration’s id, or its slug (as in the web app’s addresses).',
};
