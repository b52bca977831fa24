import { EnvironmentProviders, Provider, inject } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client/core';
import { SetContextLink } from '@apollo/client/link/context';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { APP_CONFIG, AuthSession } from '@kraftsamling/web/shared/auth';
import { LanguageService } from '@kraftsamling/web/shared/i18n';

/**
 * Apollo with the bearer token on every request. The token is refreshed first when it
 * expires within 30 seconds (AuthSession.accessToken), so a long-open page keeps working.
 */
export function provideGraphql(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const config = inject(APP_CONFIG);
      const auth = inject(AuthSession);
      const language = inject(LanguageService);
      const http = inject(HttpLink).create({ uri: config.graphqlPath });
      const authLink = new SetContextLink(async (previous) => {
        const token = await auth.accessToken();
        return {
          headers: {
            ...(previous['headers'] as Record<string, string> | undefined),
            Authorization: `Bearer ${token}`,
            'Accept-Language': language.current(),
          },
        };
      });
      return {
        link: ApolloLink.from([authLink, http]),
        cache: new InMemoryCache(),
        // errorPolicy stays Apollo's default ('none'): a GraphQL error fails the operation and
        // reaches toAppError(); queries pick their fetch policy themselves.
      };
    }),
  ];
}
