import { Injector } from '@angular/core';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';

/**
 * What the indicator page reads first, asked for as the application starts on a load of its
 * address (page-code.ts names this for the app's start): the collaboration, as the page and its
 * guard read it, and the series and region by the slug in the address, as the page asks while
 * `me` is still under way. The page's own first reads take these answers.
 */
export function readIndicatorPageAhead(injector: Injector, slug: string, code: string): void {
  injector
    .get(CollaborationService)
    .collaboration(slug, true)
    // An error is the page's to show when it reads the same.
    .subscribe({ error: () => undefined });
  injector.get(IndicatorService).readIndicatorPageAhead(slug, code);
}
