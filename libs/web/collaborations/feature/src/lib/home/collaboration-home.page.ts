import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import {
  CollaborationService,
  MeStore,
  can,
  municipalitiesOf,
  partnersOf,
  sortGroups,
} from '@kraftsamling/web/collaborations/data-access';
import {
  GroupListComponent,
  MunicipalityListComponent,
  OrganizationListComponent,
  RoleListComponent,
} from '@kraftsamling/web/collaborations/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy, swedishContentLang } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';

/** A collaboration's home: who takes part (municipalities, partners, groups) and the user's roles. */
@Component({
  selector: 'ks-collaboration-home-page',
  imports: [
    RouterLink,
    MatAnchor,
    TranslocoPipe,
    PageStateComponent,
    MunicipalityListComponent,
    OrganizationListComponent,
    GroupListComponent,
    RoleListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="titles.collaboration"
      loadingKey="collaboration.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        @let collaboration = current.data;
        <div class="ks-page-header">
          <h1>{{ collaboration.name }}</h1>
          @if (collaboration.description) {
            <!-- A collaboration writes its description in Swedish only: marked so in the English interface. -->
            <p class="ks-lead" [attr.lang]="descriptionLang()" data-testid="collaboration-description">
              {{ collaboration.description }}
            </p>
          }
          @if (canManageMembers()) {
            <p>
              <a
                mat-flat-button
                [routerLink]="['/s', collaboration.slug, 'medlemmar']"
                data-testid="manage-members-link"
              >
                {{ 'collaboration.manageMembers' | transloco }}
              </a>
            </p>
          }
          <p>
            <a [routerLink]="['/s', collaboration.slug, 'beslut']" data-testid="decisions-link">
              {{ 'collaboration.decisions' | transloco }}
            </a>
          </p>
          @if (canReadAudit()) {
            <p>
              <a [routerLink]="['/s', collaboration.slug, 'logg']" data-testid="audit-log-link">
                {{ 'collaboration.auditLog' | transloco }}
              </a>
            </p>
          }
        </div>
        <section class="ks-section" aria-labelledby="home-indicators-heading">
          <h2 id="home-indicators-heading">{{ 'collaboration.indicators.heading' | transloco }}</h2>
          <p>{{ 'collaboration.indicators.text' | transloco }}</p>
          <ul role="list" class="ks-home-links">
            <li>
              <a [routerLink]="['/s', collaboration.slug, 'nyckeltal']">
                {{ 'collaboration.indicators.link' | transloco }}
              </a>
            </li>
            <li>
              <a [routerLink]="['/s', collaboration.slug, 'jamfor']" data-testid="home-compare-link">
                {{ 'comparisons.link' | transloco }}
              </a>
            </li>
            @if (canEnterValues()) {
              <li>
                <a [routerLink]="['/s', collaboration.slug, 'nyckeltal', 'registrera']">
                  {{ 'collaboration.indicators.enter' | transloco }}
                </a>
              </li>
            }
            @if (canImport()) {
              <li>
                <a [routerLink]="['/s', collaboration.slug, 'import']">
                  {{ 'collaboration.indicators.import' | transloco }}
                </a>
              </li>
            }
          </ul>
        </section>
        @if (canReadGoals()) {
          <section class="ks-section" aria-labelledby="home-goals-heading">
            <h2 id="home-goals-heading">{{ 'goals.home.heading' | transloco }}</h2>
            <p>{{ 'goals.home.text' | transloco }}</p>
            <ul role="list" class="ks-home-links">
              <li>
                <a [routerLink]="['/s', collaboration.slug, 'mal']" data-testid="home-goals-link">
                  {{ 'goals.home.link' | transloco }}
                </a>
              </li>
              @if (canManageGoals()) {
                <li>
                  <a
                    [routerLink]="['/s', collaboration.slug, 'mal', 'nytt']"
                    data-testid="home-new-goal-link"
                  >
                    {{ 'goals.home.new' | transloco }}
                  </a>
                </li>
              }
            </ul>
          </section>
        }
        <ks-role-list [roles]="collaboration.myRoles" />
        <ks-municipality-list [municipalities]="municipalities()" />
        <ks-organization-list [organizations]="partners()" />
        <ks-group-list [groups]="groups()" [slug]="collaboration.slug" />
      }
    </ks-page-state>
  `,
  styles: `
    .ks-home-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      list-style: none;
      padding: 0;
      margin: 0;
    }
  `,
})
export class CollaborationHomePage {
  readonly slug = input.required<string>();

  private readonly service = inject(CollaborationService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  protected readonly descriptionLang = swedishContentLang();
  protected readonly page = loadOnChange(
    this.slug,
    (slug) => this.service.collaboration(slug),
    (collaboration) => this.titles?.setDetail(collaboration.name),
  );
  readonly state = this.page.state;
  private readonly collaboration = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  readonly municipalities = computed(() => municipalitiesOf(this.collaboration()?.organizations ?? []));
  readonly partners = computed(() => partnersOf(this.collaboration()?.organizations ?? []));
  readonly groups = computed(() => sortGroups(this.collaboration()?.groups ?? []));
  /** Only a hint: the API refuses member management to anyone without the permission. */
  readonly canManageMembers = computed(() =>
    can(this.collaboration()?.myPermissions, Permission.MemberManage),
  );

  private readonly meStore = inject(MeStore);
  /** Local figures with `indicator:import` here; official statistics with the platform grant (stewards). */
  readonly canImport = computed(
    () =>
      can(this.collaboration()?.myPermissions, Permission.IndicatorImport) ||
      this.meStore.canOnPlatform(PlatformPermission.OfficialImport),
  );
  readonly canReadAudit = computed(() => can(this.collaboration()?.myPermissions, Permission.AuditRead));
  readonly canEnterValues = computed(() => can(this.collaboration()?.myPermissions, Permission.ValuesEnter));
  readonly canReadGoals = computed(() => can(this.collaboration()?.myPermissions, Permission.GoalRead));
  readonly canManageGoals = computed(() => can(this.collaboration()?.myPermissions, Permission.GoalManage));
}
