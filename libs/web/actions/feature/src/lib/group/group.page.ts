import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Permission } from '@kraftsamling/shared/permissions';
import type { ExportFormat } from '@kraftsamling/shared/exports';
import {
  ACTION_STATUSES,
  ActionFilter,
  ActionService,
  ActionSummary,
  GroupActivity,
  actionsTable,
  boardColumns,
  filterActions,
  filterFromParams,
  filterToParams,
  formatCount,
  formatDay,
  formatMoment,
  timeline,
} from '@kraftsamling/web/actions/data-access';
import { CollaborationService, MeStore, can } from '@kraftsamling/web/collaborations/data-access';
import { isoDay } from '@kraftsamling/web/decisions/data-access';
import { GoalStatusComponent } from '@kraftsamling/web/goals/ui';
import { injectLanguage } from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent, downloadTable, fileNameOf } from '@kraftsamling/web/shared/ui';
import { Subscription, forkJoin, map } from 'rxjs';
import { ActionStatusComponent } from '../shared/action-status.component';
import { UpdateOutcomeComponent } from '../shared/update-outcome.component';

/**
 * An operational group's page: who is in it, the goals it serves, its actions as a board by
 * status, as a filterable table and on a timeline, and its recent updates. What others record
 * while the page is open arrives live (a subscription) and is announced. Everyone in the
 * collaboration reads; members of the group and the coordinator change (the API enforces it).
 */
@Component({
  selector: 'ks-group-page',
  imports: [
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatInput,
    TranslocoPipe,
    PageStateComponent,
    GoalStatusComponent,
    ActionStatusComponent,
    UpdateOutcomeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './group.page.html',
  styleUrl: './group.page.scss',
})
export class GroupPage {
  readonly slug = input.required<string>();
  readonly groupId = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly actions = inject(ActionService);
  private readonly meStore = inject(MeStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });

  protected readonly statuses = ACTION_STATUSES;
  protected readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), groupId: this.groupId() }),
    ({ slug, groupId }) =>
      this.collaborations
        .collaborationAnd(slug, (collaboration) =>
          forkJoin({
            group: this.actions.group(collaboration, groupId),
            goals: this.actions.goals(collaboration),
          }),
        )
        .pipe(map(({ collaboration, data: { group, goals } }) => ({ collaboration, goals, ...group }))),
    (data) => {
      const group = data.collaboration.groups.find((g) => g.id === this.groupId());
      this.titles?.setDetail(group ? `${group.name} – ${data.collaboration.name}` : data.collaboration.name);
    },
  );
  readonly state = this.page.state;
  private readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });

  readonly group = computed(
    () => this.data()?.collaboration.groups.find((g) => g.id === this.groupId()) ?? null,
  );

  /**
   * Only a hint, so the page offers what the API will allow: action:manage, and either the
   * coordinator's role or a place in this group.
   */
  readonly canManage = computed(() => {
    const data = this.data();
    const me = this.meStore.me();
    if (!data || !can(data.collaboration.myPermissions, Permission.ActionManage)) return false;
    if (data.collaboration.myRoles.includes('COORDINATOR')) return true;
    return !!this.group()?.members.some((member) => member.user?.id === me?.id);
  });

  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  /** The table's filter, from the address: Back and a shared link keep it. */
  readonly filter = computed<ActionFilter>(() => {
    const params = this.query();
    return filterFromParams(
      Object.fromEntries(params.keys.map((key) => [key, params.get(key) ?? undefined])),
    );
  });
  readonly view = computed(() => (this.query().get('vy') === 'tabell' ? 'table' : 'board'));

  readonly filtered = computed(() => filterActions(this.data()?.actions ?? [], this.filter()));
  readonly board = computed(() => boardColumns(this.filtered()));
  readonly timeline = computed(() => timeline(this.filtered(), isoDay(new Date())));
  readonly municipalities = computed(() => {
    const seen = new Map<string, string>();
    for (const action of this.data()?.actions ?? [])
      for (const m of action.municipalities) seen.set(m.code, m.name);
    return [...seen]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });
  /** The goals this group serves: those naming the group, and those its actions serve. */
  readonly groupGoals = computed(() => {
    const data = this.data();
    if (!data) return [];
    const served = new Set(data.actions.flatMap((action) => action.goals.map((goal) => goal.id)));
    return data.goals.filter((goal) => goal.groupIds.includes(this.groupId()) || served.has(goal.id));
  });
  readonly filtersActive = computed(() =>
    Object.values(filterToParams(this.filter())).some((v) => v !== null),
  );

  /** What arrived live or what a change did, for screen readers and everyone else. */
  readonly status = signal('');
  /** Updates that arrived while the page was open, marked as new in the feed. */
  readonly fresh = signal<ReadonlySet<string>>(new Set());

  constructor() {
    // Follows the group live while the page shows it; a new group (address) resubscribes.
    let subscription: Subscription | null = null;
    effect(() => {
      const collaborationId = this.data()?.collaboration.id;
      const groupId = this.groupId();
      untracked(() => {
        subscription?.unsubscribe();
        subscription = collaborationId
          ? this.actions.activity(collaborationId, groupId).subscribe({
              next: (event) => this.arrived(event),
              // The page still works without live updates; it says so once.
              error: () => this.status.set(this.t('actions.live.lost')),
            })
          : null;
      });
    });
    inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());
  }

  private arrived(event: GroupActivity): void {
    if (event.update) this.fresh.update((ids) => new Set([...ids, event.update!.id]));
    this.status.set(
      this.t(`actions.live.${event.kind}`, { actor: event.actorName, title: event.actionTitle }),
    );
    this.page.reload();
  }

  setFilter(change: Partial<ActionFilter>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filterToParams({ ...this.filter(), ...change }),
      queryParamsHandling: 'merge',
      replaceUrl: false,
    });
  }

  clearFilter(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { vy: this.query().get('vy') },
    });
  }

  setView(view: 'board' | 'table'): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { vy: view === 'table' ? 'tabell' : null },
      queryParamsHandling: 'merge',
    });
  }

  monthValue(event: Event): string | null {
    const value = (event.target as HTMLInputElement).value;
    return /^\d{4}-\d{2}$/.test(value) ? value : null;
  }

  day(value: string | null | undefined): string {
    return formatDay(value, this.language());
  }

  moment(value: string): string {
    return formatMoment(value, this.language());
  }

  count(value: number | null | undefined): string {
    return formatCount(value, this.language());
  }

  municipalityNames(action: ActionSummary): string {
    return action.municipalities.map((m) => m.name).join(', ');
  }

  async export(format: ExportFormat): Promise<void> {
    const group = this.group();
    const table = actionsTable(this.filtered(), {
      sheet: this.t('actions.export.sheet'),
      column: (key) => this.t(`actions.columns.${key}`),
      status: (status) => this.t(`actions.statuses.${status}`),
      measure: (measure) => this.t(`actions.measures.${measure}`),
    });
    await downloadTable(
      table,
      format,
      fileNameOf(`${this.t('actions.export.filePrefix')} ${group?.name ?? ''}`, format, 'insatser'),
    );
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(key, params);
  }
}
