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
import { Observable, forkJoin, from, map, switchMap } from 'rxjs';
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

  /** The collaboration's home data. `cached` is for guards; pages always ask the server. */
  collaboration(slug: string, cached = false): Observable<CollaborationDetail> {
    return this.collaborationQuery
      .fetch({ variables: { slug }, fetchPolicy: cached ? 'cache-first' : 'network-only' })
      .pipe(map((result) => required(result.data?.collaboration)));
  }

  /**
   * The collaboration (cached, as for guards) and what a page reads by its id. For a member
   * the id is in `me`, loaded when the application starts, so both are asked for at once
   * instead of one after the other; anyone else (a platform administrator) waits for the
   * collaboration's id first.
   */
  collaborationAnd<T>(
    slug: string,
    read: (collaborationId: string) => Observable<T>,
  ): Observable<{ collaboration: CollaborationDetail; data: T }> {
    return from(this.meStore.load()).pipe(
      switchMap(() => {
        const collaborationId = this.meStore.accessTo(slug)?.collaborationId;
        const collaboration = this.collaboration(slug, true);
        return collaborationId
          ? forkJoin({ collaboration, data: read(collaborationId) })
          : collaboration.pipe(
              switchMap((found) => read(found.id).pipe(map((data) => ({ collaboration: found, data })))),
            );
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
    return this.addMemberMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.addMember)));
  }

  changeMemberRole(input: ChangeMemberRoleInput): Observable<MemberRow> {
    return this.changeMemberRoleMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.changeMemberRole)));
  }

  removeMember(input: RemoveMemberInput): Observable<string> {
    return this.removeMemberMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.removeMember)));
  }

  createGroup(input: CreateGroupInput): Observable<GroupSummary> {
    return this.createGroupMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.createGroup)));
  }

  renameGroup(input: RenameGroupInput): Observable<GroupSummary> {
    return this.renameGroupMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.renameGroup)));
  }

  addPartnerOrganization(input: AddPartnerOrganizationInput): Observable<OrganizationSummary> {
    return this.addPartnerOrganizationMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.addPartnerOrganization)));
  }
}
