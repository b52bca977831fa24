import { DestroyRef, Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';

/** Key of the product name, last part of every page title. */
export const PRODUCT_NAME_KEY = 'app.name';

/**
 * Route `title`s are translation keys. The page title is "<page> – <detail> – Kraftsamling",
 * where a page may add a detail once its data has loaded (e.g. the collaboration's
 * name), and the whole title is translated again when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private pageKey: string | undefined;
  private detail: string | null = null;

  constructor() {
    super();
    const subscription = this.transloco.langChanges$.subscribe(() => this.render());
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey = this.buildTitle(snapshot);
    this.detail = null;
    this.render();
  }

  /** Adds what the page is about (not translated: it is data, e.g. a name). */
  setDetail(detail: string | null): void {
    this.detail = detail;
    this.render();
  }

  private render(): void {
    const parts = [
      this.pageKey ? this.transloco.translate(this.pageKey) : null,
      this.detail,
      this.transloco.translate(PRODUCT_NAME_KEY),
    ];
    this.title.setTitle(parts.filter((part): part is string => !!part).join(' – '));
  }
}
