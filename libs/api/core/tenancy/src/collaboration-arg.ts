import { ID } from '@nestjs/graphql';
import type { TenantSource } from './access';

/**
 * The collaboration of a read of its data (the catalogue, series, goals, decisions, actions,
 * peer sets, import batches): its id, or its slug. The web app knows only the slug in the
 * address until `me` answers, and a page that asked for the collaboration's id first put a
 * round trip before its data (pages behind a guard find the collaboration already read; the
 * others ask beside it, `CollaborationService.collaborationAnd`). Changes keep taking the id.
 */
export const byCollaborationIdOrSlug = {
  arg: 'collaborationId',
  by: 'idOrSlug',
} as const satisfies TenantSource;

export const COLLABORATION_ID_OR_SLUG_ARG = {
  type: () => ID,
  description: 'The collaboration’s id, or its slug (as in the web app’s addresses).',
};
