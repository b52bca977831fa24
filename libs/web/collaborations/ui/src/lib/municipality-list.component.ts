import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

export interface MunicipalityItem {
  id: string;
  name: string;
  /** "Helsingborgs stad", "Bjuvs kommun": the whole name, which this list has room for */
  properName: string;
  municipalityCode: string | null;
}

/** The member municipalities by their proper names, with their 4-digit SCB codes, one list item each. */
@Component({
  selector: 'ks-municipality-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ks-section" aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading">{{ 'collaboration.municipalities.heading' | transloco }}</h2>
      @if (municipalities().length) {
        <ul
          role="list"
          class="ks-municipalities"
          data-testid="municipality-list"
          aria-labelledby="municipalities-heading"
        >
          @for (municipality of municipalities(); track municipality.id) {
            <li class="ks-municipality">
              <span class="ks-municipality__name">{{ municipality.properName }}</span>
              @if (municipality.municipalityCode) {
                <span class="ks-municipality__code">
                  <span class="ks-visually-hidden">{{
                    'collaboration.municipalities.code' | transloco
                  }}</span>
                  {{ municipality.municipalityCode }}
                </span>
              }
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'collaboration.municipalities.none' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .ks-municipalities {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
      gap: 0.5rem;
    }
    .ks-municipality {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .ks-municipality__code {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MunicipalityListComponent {
  /** Already sorted by name. */
  readonly municipalities = input.required<readonly MunicipalityItem[]>();
}
