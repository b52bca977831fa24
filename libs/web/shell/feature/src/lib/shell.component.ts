import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { Location } from '@angular/common';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { MeStore, can } from '@kraftsamling/web/collaborations/data-access';
import { AuthSession } from '@kraftsamling/web/shared/auth';
import { drawnInNextTask } from '@kraftsamling/web/shared/ui';
import { filter, map } from 'rxjs';
import { CollaborationSwitcherComponent } from './collaboration-switcher.component';
import { LanguageSwitchComponent } from './language-switch.component';
import { UserMenuComponent } from './user-menu.component';

/** The collaboration slug in a URL such as /s/familjen-helsingborg/medlemmar. */
export function slugFromUrl(router: Router, url: string): string | null {
  const segments = router.parseUrl(url).root.children['primary']?.segments ?? [];
  return segments[0]?.path === 's' && segments[1] ? segments[1].path : null;
}

/** The page frame: skip link, top bar (product, collaboration switcher, language, user), main, footer. */
@Component({
  selector: 'ks-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoPipe,
    CollaborationSwitcherComponent,
    LanguageSwitchComponent,
    UserMenuComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.ks-shell--starting]': '!shown()' },
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly auth = inject(AuthSession);
  private readonly meStore = inject(MeStore);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  readonly currentSlug = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => slugFromUrl(this.router, this.router.url)),
    ),
    // The address the browser shows: before the first navigation ends, router.url is still "/",
    // and the collaboration's links would appear (pushing the page down) only when it ends.
    { initialValue: slugFromUrl(this.router, this.location.path()) },
  );
  /**
   * True until the first answer to `me` (or its failure): the frame is drawn but not shown
   * before, because the navigation it holds depends on the person's collaborations and
   * permissions, and showing it earlier would push the page down when they arrive. The
   * pages below are created meanwhile and already ask for their data.
   */
  readonly starting = signal(true);
  readonly collaborations = this.meStore.access;
  readonly currentAccess = computed(() =>
    this.collaborations().find((access) => access.slug === this.currentSlug()),
  );
  /** The member management link shows only with `member:manage`; the route guard and the API check again. */
  readonly canManageMembers = computed(() => can(this.currentAccess()?.permissions, Permission.MemberManage));
  /**
   * Indicators are for every member (official figures are public anyway); importing needs
   * `indicator:import` there (local figures) or the platform grant `official:import` (stewards).
   */
  readonly canImport = computed(
    () =>
      can(this.currentAccess()?.permissions, Permission.IndicatorImport) ||
      this.meStore.canOnPlatform(PlatformPermission.OfficialImport),
  );
  readonly canReadAudit = computed(() => can(this.currentAccess()?.permissions, Permission.AuditRead));
  /** Goals are for every member (goal:read); changing them is checked on the pages and by the API. */
  readonly canReadGoals = computed(() => can(this.currentAccess()?.permissions, Permission.GoalRead));
  protected readonly actionsDrawn = drawnInNextTask();
  /**
   * The frame is shown once it knows who is logged in and its top bar is complete: on a busy
   * phone `me` can answer before the top bar's buttons are drawn, and the bar then grew by a
   * row under the reader's eyes, pushing the page down (a layout shift of 0.04 in Lighthouse).
   */
  protected readonly shown = computed(() => !this.starting() && this.actionsDrawn());
  readonly userName = computed(
    () => this.meStore.me()?.name || this.auth.user.name || this.auth.user.username || '',
  );

  constructor() {
    void this.meStore.load().then(() => this.starting.set(false));
    // After an in-app navigation, move focus to the new page so screen readers start there
    // (not on the first load: the browser puts focus at the document start, before the skip link).
    let first = true;
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        if (first) {
          first = false;
          return;
        }
        this.focusMain();
      });
  }

  skipToMain(event: Event): void {
    // The base href would turn "#main" into a navigation to "/"; move focus instead.
    event.preventDefault();
    this.focusMain();
  }

  logout(): Promise<void> {
    return this.auth.logout();
  }

  private focusMain(): void {
    const main = this.main().nativeElement;
    main.focus({ preventScroll: true });
    main.scrollIntoView?.({ block: 'start' });
  }
}
