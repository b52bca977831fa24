import { Observable, map, switchMap } from 'rxjs';
import type { CollaborationService } from './lib/collaboration.service';
import type { CollaborationDetail } from './lib/models';

/**
 * A stand-in for CollaborationService in a page's unit test: the page's reads of the
 * collaboration (`collaboration`, and `collaborationAnd` with its data, read by the
 * collaboration's id as for a member whose `me` has answered) come from `collaboration`.
 */
export function collaborationServiceStub(
  collaboration: (slug: string) => Observable<CollaborationDetail>,
): Pick<CollaborationService, 'collaboration' | 'collaborationAnd'> {
  return {
    collaboration,
    collaborationAnd: <T>(slug: string, read: (collaboration: string) => Observable<T>) =>
      collaboration(slug).pipe(
        switchMap((detail) => read(detail.id).pipe(map((data) => ({ collaboration: detail, data })))),
      ),
  };
}
