import { Injector } from '@angular/core';
import { matchPage } from './page-code';

/**
 * Asks for what the page at this address reads first, as the application starts, when its
 * part names a read ahead (`readAhead` in a feature's page-code.ts): on a phone the round trip
 * then runs beside Angular's start and the page's making instead of after them (the indicator
 * page's series arrived last, and its heading with it). The page's own first read takes the
 * answer (ReadAhead in the data-access libraries). The part's code comes with a dynamic import
 * that main.ts started with the page's code (prefetchPageCode). Resolves once the reads are
 * asked for; never rejects: a failure is the page's to report when it reads the same thing.
 */
export function readPageDataAhead(injector: Injector, pathname: string): Promise<void> {
  const page = matchPage(pathname);
  return (
    page
      ?.readAhead?.()
      .then((read) => read(injector, page.params))
      .catch(() => undefined) ?? Promise.resolve()
  );
}
