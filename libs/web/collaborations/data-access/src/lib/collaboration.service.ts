import { Injectable, inject } from '@angular/core';
import {
  AddMemberInput,
  AddPartnerOrganizationInput,
  ChangeMemberRoleInput,
  CreateGroupInput,
  RemoveMemberInput,
  RenameGroupInput,
} from '@kraftsamling/web/shared/graphql';
import {
  AddMemberGQL,
  AddPartnerOrganizationGQL,
  ChangeMemberRoleGQL,
  CollaborationGQL,
  CollaborationMembersGQL,
  CreateGroupGQL,
  RemoveMemberGQL,
  RenameGroupGQL,
} from '@kraftsamling/web/shared/graphql/collaborations';
import { Observable, defer, forkJoin, map, shareReplay, tap } from 'rxjs';
import { MeStore } from './me.store';
import {
  CollaborationAdmin,
  CollaborationDetail,
  GroupSummary,
  MemberRow,
  OrganizationSummary,
} from './models';

function required<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('The API answered without data');
  return value;
}

/** Reads and changes one collaboration. Errors are Apollo errors: map them with toAppError(). */
@Injectable({ providedIn: 'root' })
export class CollaborationService {
  private readonly collaborationQuery = inject(CollaborationGQL);
  private readonly meStore = inject(MeStore);
  private readonly membersQuery = inject(CollaborationMembersGQL);
  private readonly addMemberMutation = inject(AddMemberGQL);
  private readonly changeMemberRoleMutation = inject(ChangeMemberRoleGQL);
  private readonly removeMemberMutation = inject(RemoveMemberGQL);
  private readonly createGroupMutation = inject(CreateGroupGQL);
  private readonly renameGroupMutation = inject(RenameGroupGQL);
  private readonly addPartnerOrganizationMutation = inject(AddPartnerOrganizationGQL);

  /**
   * The last answer per slug, for `cached` reads (guards, and pages that need only its id and
   * permissions), kept here as it came rather than in Apollo's normalised cache: writing its
   * groups, members and organisations into that cache and reading them back was the largest
   * part of Apollo's work on a page load (a CPU profile of the indicator page). A read that
   * is still under way is shared.
   */
  private readonly known = new Map<string, Observable<CollaborationDetail>>();

  /** The collaboration's home data. `cached` is for guards; pages always ask the server. */
  collaboration(slug: string, cached = false): Observable<CollaborationDetail> {
    const known = cached ? this.known.get(slug) : undefined;
    if (known) return known;
    const read = this.collaborationQuery.fetch({ variables: { slug }, fetchPolicy: 'no-cache' }).pipe(
      map((result) => required(result.data?.collaboration)),
      tap({ error: () => this.known.get(slug) === read && this.known.delete(slug) }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    this.known.set(slug, read);
    return read;
  }

  /** A change to members, groups or organisations: the next cached read asks the server. */
  private changed<T>(): (source: Observable<T>) => Observable<T> {
    return tap(() => this.known.clear());
  }

  /**
   * The collaboration (cached, as for guards) and what a page reads of it, both asked for at
   * once. `read` gets the collaboration's id when `me` already names it, else its slug (the
   * reads a page makes as it opens take either): on a page load `me` is still under way, and
   * waiting for it to learn the id put a whole round trip before the page's data. `fresh`
   * asks the server for the collaboration too (pages that show more of it than its id and
   * permissions), else the cached answer is taken.
   */
  collaborationAnd<T>(
    slug: string,
    read: (collaboration: string) => Observable<T>,
    { fresh = false }: { fresh?: boolean } = {},
  ): Observable<{ collaboration: CollaborationDetail; data: T }> {
    return defer(() =>
      forkJoin({
        collaboration: this.collaboration(slug, !fresh),
        data: read(this.meStore.accessTo(slug)?.collaborationId ?? slug),
      }),
    );
  }

  /** Members, groups and organisations for member management. */
  members(slug: string): Observable<CollaborationAdmin> {
    return this.membersQuery
      .fetch({ variables: { slug }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.collaboration)));
  }

  addMember(input: AddMemberInput): Observable<MemberRow> {
    return this.addMemberMutation.mutate({ variables: { input } }).pipe(
      map((result) => required(result.data?.addMember)),
      this.changed(),
    );
  }

  changeMemberRole(input: ChangeMemberRoleInput): Observable<MemberRow> {
    return this.changeMemberRoleMutation.mutate({ variables: { input } }).pipe(
      map((result) => required(result.data?.changeMemberRole)),
      this.changed(),
    );
  }

  removeMember(input: RemoveMemberInput): Observable<string> {
    return this.removeMemberMutation.mutate({ variables: { input } }).pipe(
      map((result) => required(result.data?.removeMember)),
      this.changed(),
    );
  }

  createGroup(input: CreateGroupInput): Observable<GroupSummary> {
    return this.createGroupMutation.mutate({ variables: { input } }).pipe(
      map((result) => required(result.data?.createGroup)),
      this.changed(),
    );
  }

  renameGroup(input: RenameGroupInput): Observable<GroupSummary> {
    return this.renameGroupMutation.mutate({ variables: { input } }).pipe(
      map((result) => required(result.data?.renameGroup)),
      this.changed(),
    );
  }

  addPartnerOrganization(input: AddPartnerOrganizationInput): Observable<OrganizationSummary> {
    return this.addPartnerOrganizationMutation.mutate({ variables: { input } }).pipe(
      map((result) => required(result.data?.addPartnerOrganization)),
      this.changed(),
    );
  }
}
