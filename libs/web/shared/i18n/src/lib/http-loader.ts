import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { catchError, from, Observable } from 'rxjs';
import { takePrefetchedTranslation, translationUrl } from './translation-prefetch';

/**
 * Loads `/i18n/{lang}.json` from the application's public folder: the first time from the
 * fetch main.ts started during the login, when there is one.
 */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<Translation> {
    const request = () => this.http.get<Translation>(translationUrl(lang));
    const prefetched = takePrefetchedTranslation(lang);
    return prefetched ? from(prefetched).pipe(catchError(() => request())) : request();
  }
}
