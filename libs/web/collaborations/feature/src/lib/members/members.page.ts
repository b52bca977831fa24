import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Permission } from '@kraftsamling/shared/permissions';
import {
  CollaborationService,
  GroupSummary,
  MemberRow,
  can,
  memberEmail,
  memberName,
  partnersOf,
  sortGroups,
} from '@kraftsamling/web/collaborations/data-access';
import { AppError, loadOnChange, toAppError } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy, compareSwedish } from '@kraftsamling/web/shared/i18n';
import { ErrorStateComponent, PageStateComponent } from '@kraftsamling/web/shared/ui';
import { openConfirmDialog } from '@kraftsamling/web/shared/ui/confirm-dialog';
import { AddMemberFormComponent } from './add-member-form.component';
import { AddOrganizationFormComponent } from './add-organization-form.component';
import { ChangeRoleDialogComponent, ChangeRoleDialogData } from './change-role-dialog.component';
import { CreateGroupFormComponent } from './create-group-form.component';
import { RenameGroupDialogComponent, RenameGroupDialogData } from './rename-group-dialog.component';
import { map } from 'rxjs';

/** Below this width (a phone) the members are cards, not a table that hides its last columns. */
export const MEMBER_CARDS_QUERY = '(max-width: 40rem)';

/** Member management for coordinators: members, groups and partner organisations. */
@Component({
  selector: 'ks-members-page',
  imports: [
    RouterLink,
    NgTemplateOutlet,
    MatButton,
    TranslocoPipe,
    ErrorStateComponent,
    PageStateComponent,
    AddMemberFormComponent,
    CreateGroupFormComponent,
    AddOrganizationFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './members.page.html',
  styles: `
    .ks-member-cards {
      list-style: none;
      margin: 0 0 1.5rem;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .ks-member-cards__name {
      margin: 0 0 0.5rem;
      font-size: 1.0625rem;
      overflow-wrap: anywhere;
    }
    .ks-member-cards__facts {
      margin: 0 0 0.75rem;
      display: grid;
      gap: 0.25rem;
      > div {
        display: grid;
        grid-template-columns: minmax(6rem, auto) minmax(0, 1fr);
        gap: 0.5rem;
      }
      dt {
        font-weight: 600;
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .ks-member-cards__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class MembersPage {
  readonly slug = input.required<string>();

  private readonly service = inject(CollaborationService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly membersHeading = viewChild<ElementRef<HTMLElement>>('membersHeading');

  protected readonly page = loadOnChange(
    this.slug,
    (slug) => this.service.members(slug),
    (collaboration) => this.titles?.setDetail(collaboration.name),
  );
  readonly state = this.page.state;
  /** A phone: the members as cards. */
  readonly cards = toSignal(
    inject(BreakpointObserver)
      .observe(MEMBER_CARDS_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** An action (remove) that failed: shown above the table until the next action. */
  readonly actionError = signal<AppError | null>(null);
  readonly collaboration = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  readonly members = computed(() =>
    [...(this.collaboration()?.members ?? [])].sort((a, b) =>
      compareSwedish(memberName(a), memberName(b)),
    ),
  );
  readonly organizations = computed(() => this.collaboration()?.organizations ?? []);
  readonly partners = computed(() => partnersOf(this.organizations()));
  readonly groups = computed(() => sortGroups(this.collaboration()?.groups ?? []));
  readonly canManageGroups = computed(() => can(this.collaboration()?.myPermissions, Permission.GroupManage));
  readonly canManageOrganizations = computed(() =>
    can(this.collaboration()?.myPermissions, Permission.OrganizationManage),
  );

  protected readonly memberName = memberName;
  protected readonly memberEmail = memberEmail;

  bindingName(member: MemberRow): string | null {
    return member.organization?.name ?? member.group?.name ?? null;
  }

  onMemberAdded(member: MemberRow): void {
    this.announce('members.add.success', { name: memberName(member), email: memberEmail(member) });
    this.page.reload();
  }

  changeRole(member: MemberRow): void {
    const collaboration = this.collaboration();
    if (!collaboration) return;
    this.actionError.set(null);
    const data: ChangeRoleDialogData = {
      collaborationId: collaboration.id,
      member,
      organizations: collaboration.organizations,
      groups: collaboration.groups,
    };
    this.dialog
      .open<ChangeRoleDialogComponent, ChangeRoleDialogData, boolean>(ChangeRoleDialogComponent, {
        data,
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.announce('members.changeRole.success', { name: memberName(member) });
        // Reload also after a cancel: a conflict in the dialog means the data on screen is stale.
        this.page.reload();
      });
  }

  remove(member: MemberRow): void {
    const collaboration = this.collaboration();
    if (!collaboration) return;
    this.actionError.set(null);
    openConfirmDialog(this.dialog, {
      titleKey: 'members.remove.title',
      messageKey: 'members.remove.message',
      confirmKey: 'members.remove.confirm',
      params: { name: memberName(member), collaboration: collaboration.name },
      destructive: true,
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.service
        .removeMember({
          collaborationId: collaboration.id,
          membershipId: member.id,
          expectedVersion: member.version,
        })
        .subscribe({
          next: () => {
            this.announce('members.remove.success', { name: memberName(member) });
            this.membersHeading()?.nativeElement.focus();
            this.page.reload();
          },
          error: (error: unknown) => {
            this.actionError.set(toAppError(error));
            this.page.reload();
          },
        });
    });
  }

  renameGroup(group: GroupSummary): void {
    const collaboration = this.collaboration();
    if (!collaboration) return;
    this.actionError.set(null);
    this.dialog
      .open<RenameGroupDialogComponent, RenameGroupDialogData, boolean>(RenameGroupDialogComponent, {
        data: { collaborationId: collaboration.id, group },
        width: '28rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((renamed) => {
        if (renamed) this.announce('groups.rename.success', { name: group.name });
        this.page.reload();
      });
  }

  onGroupCreated(group: GroupSummary): void {
    this.announce('groups.create.success', { name: group.name });
    this.page.reload();
  }

  onOrganizationAdded(organization: { name: string }): void {
    this.announce('organizations.add.success', { name: organization.name });
    this.page.reload();
  }

  /** Success messages go to a snack bar, which Material announces in a polite live region. */
  private announce(key: string, params: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.close'), {
      duration: 6000,
      politeness: 'polite',
    });
  }
}
