import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComparisonContext, ComparisonService, PeerSet } from '@kraftsamling/web/comparisons/data-access';
import { AppError, toAppError } from '@kraftsamling/web/shared/graphql';
import { openConfirmDialog } from '@kraftsamling/web/shared/ui/confirm-dialog';
import { filter, switchMap } from 'rxjs';

/** Message for a failed change of a peer set: a conflict says someone else changed it first. */
export function peerSetErrorKey(error: AppError): string {
  switch (error.code) {
    case 'CONFLICT':
      return 'comparisons.peerSets.conflict';
    case 'NOT_FOUND':
      return 'comparisons.peerSets.gone';
    default:
      return error.messageKey;
  }
}

/**
 * The peer sets the user can compare with: their own (rename, delete), those shared in the
 * collaboration and the published groups. A change made meanwhile by someone else is never
 * overwritten: the API answers CONFLICT, and the list says so and is loaded again.
 */
@Component({
  selector: 'ks-peer-sets',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ks-section" aria-labelledby="peer-sets-heading">
      <h2 id="peer-sets-heading">{{ 'comparisons.peerSets.heading' | transloco }}</h2>
      @if (message(); as note) {
        @if (note.error) {
          <p class="ks-error" role="alert" data-testid="peer-set-error">{{ note.key | transloco }}</p>
        } @else {
          <p role="status" data-testid="peer-set-status">{{ note.key | transloco }}</p>
        }
      }
      @if (!context().peerSets.length) {
        <p>{{ 'comparisons.peerSets.none' | transloco }}</p>
      } @else {
        <ul class="ks-peer-sets" role="list">
          @for (set of context().peerSets; track set.id) {
            <li>
              @if (editing() === set.id) {
                <form
                  (ngSubmit)="rename(set)"
                  [attr.aria-label]="'comparisons.peerSets.renameLabel' | transloco: { title: set.title }"
                >
                  <mat-form-field>
                    <mat-label>{{ 'comparisons.peerSets.title' | transloco }}</mat-label>
                    <input matInput [formControl]="title" maxlength="200" />
                    <mat-error>{{ 'comparisons.peerSets.titleRequired' | transloco }}</mat-error>
                  </mat-form-field>
                  <button mat-flat-button type="submit" [disabled]="busy()">
                    {{ 'comparisons.peerSets.save' | transloco }}
                  </button>
                  <button mat-button type="button" (click)="editing.set(null)">
                    {{ 'comparisons.peerSets.cancel' | transloco }}
                  </button>
                </form>
              } @else {
                <span class="ks-set-title">{{ set.title }}</span>
                <span class="ks-set-facts">
                  {{ 'comparisons.peerSets.count' | transloco: { count: set.areaCodes.length } }} ·
                  {{ 'comparisons.peerSets.kind.' + kindOf(set) | transloco }}
                </span>
                <span class="ks-set-actions">
                  <button mat-button type="button" (click)="chosen.emit(set.id)">
                    {{ 'comparisons.peerSets.use' | transloco
                    }}<span class="ks-visually-hidden">: {{ set.title }}</span>
                  </button>
                  @if (set.mine) {
                    <button mat-button type="button" (click)="startRename(set)">
                      {{ 'comparisons.peerSets.rename' | transloco
                      }}<span class="ks-visually-hidden">: {{ set.title }}</span>
                    </button>
                    <button mat-button type="button" (click)="remove(set)">
                      {{ 'comparisons.peerSets.delete' | transloco
                      }}<span class="ks-visually-hidden">: {{ set.title }}</span>
                    </button>
                  }
                </span>
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .ks-peer-sets {
      list-style: none;
      padding: 0;
      margin: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 1rem;
        padding-block: 0.5rem;
        border-bottom: 1px solid var(--mat-sys-outline-variant, #c4c6d0);
      }
    }
    .ks-set-title {
      font-weight: 600;
    }
    .ks-set-actions {
      margin-inline-start: auto;
    }
  `,
})
export class PeerSetsComponent {
  readonly context = input.required<ComparisonContext>();
  /** The list changed (a rename or delete, or a conflict): load it again. */
  readonly changed = output<void>();
  /** Compare with this set. */
  readonly chosen = output<string>();

  private readonly comparisons = inject(ComparisonService);
  private readonly dialog = inject(MatDialog);

  readonly editing = signal<string | null>(null);
  readonly busy = signal(false);
  readonly message = signal<{ key: string; error: boolean } | null>(null);
  readonly title = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });

  kindOf(set: PeerSet): string {
    if (set.source !== 'CUSTOM') return 'published';
    if (set.mine) return set.shared ? 'mineShared' : 'minePrivate';
    return 'shared';
  }

  startRename(set: PeerSet): void {
    this.message.set(null);
    this.title.setValue(set.title);
    this.editing.set(set.id);
  }

  rename(set: PeerSet): void {
    this.title.markAsTouched();
    if (this.title.invalid || this.busy()) return;
    this.busy.set(true);
    this.comparisons
      .savePeerSet({
        collaborationId: this.context().collaborationId,
        peerSetId: set.id,
        expectedVersion: set.version,
        title: this.title.value.trim(),
        areaCodes: [...set.areaCodes],
        shared: set.shared,
      })
      .subscribe({
        next: () => this.done('comparisons.peerSets.renamed'),
        error: (error: unknown) => this.failed(error),
      });
  }

  remove(set: PeerSet): void {
    openConfirmDialog(this.dialog, {
      titleKey: 'comparisons.peerSets.deleteTitle',
      messageKey: 'comparisons.peerSets.deleteMessage',
      params: { title: set.title },
      confirmKey: 'comparisons.peerSets.delete',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.comparisons.deletePeerSet({
            collaborationId: this.context().collaborationId,
            peerSetId: set.id,
            expectedVersion: set.version,
          });
        }),
      )
      .subscribe({
        next: () => this.done('comparisons.peerSets.deleted'),
        error: (error: unknown) => this.failed(error),
      });
  }

  private done(key: string): void {
    this.busy.set(false);
    this.editing.set(null);
    this.message.set({ key, error: false });
    this.changed.emit();
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.message.set({ key: peerSetErrorKey(toAppError(error)), error: true });
    // The list is out of date: show the current one, so the user can try again on it.
    this.changed.emit();
  }
}
