import { ChangeDetectionStrategy, Component, ElementRef, viewChild } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageSwitchComponent } from './language-switch.component';

/**
 * The page frame of the pages anyone may read without signing in (the accessibility
 * statement): skip link, product name, a way to sign in, language, main, footer. No
 * collaboration, no user, no API call.
 */
@Component({
  // The same host element as ShellComponent: index.html has one, and either app starts in it.
  selector: 'ks-shell',
  imports: [RouterOutlet, TranslocoPipe, LanguageSwitchComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="ks-skip-link" href="#main" (click)="skipToMain($event)">{{ 'shell.skipToMain' | transloco }}</a>
    <header class="ks-topbar">
      <div class="ks-topbar__inner">
        <!-- A full page load: the signed-in app starts with the login. -->
        <a class="ks-brand" href="/">{{ 'app.name' | transloco }}</a>
        <div class="ks-topbar__actions">
          <ks-language-switch />
          <a class="ks-topbar__link" href="/" data-testid="public-sign-in">{{ 'shell.signIn' | transloco }}</a>
        </div>
      </div>
    </header>
    <main id="main" class="ks-main" tabindex="-1" #main>
      <router-outlet />
    </main>
    <footer class="ks-footer">
      <div class="ks-footer__inner">
        <span>{{ 'app.name' | transloco }}</span>
      </div>
    </footer>
  `,
  styleUrl: './shell.component.scss',
})
export class PublicShellComponent {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  skipToMain(event: Event): void {
    // The base href would turn "#main" into a navigation to "/"; move focus instead.
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
