import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, LanguageService } from '@kraftsamling/web/shared/i18n';

/**
 * Switches between Swedish and English. The button names the other language in that
 * language ("English" / "Svenska", with its own lang attribute), as people look for it.
 */
@Component({
  selector: 'ks-language-switch',
  imports: [MatButton, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      class="ks-topbar__button"
      [attr.lang]="other()"
      (click)="switch()"
      data-testid="language-switch"
    >
      {{ 'language.name.' + other() | transloco }}
    </button>
  `,
})
export class LanguageSwitchComponent {
  private readonly languages = inject(LanguageService);
  readonly other = computed<Language>(() => (this.languages.current() === 'sv' ? 'en' : 'sv'));

  switch(): Promise<void> {
    return this.languages.use(this.other());
  }
}
