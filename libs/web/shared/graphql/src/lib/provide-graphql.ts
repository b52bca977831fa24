import { DOCUMENT } from '@angular/common';
import { DestroyRef, EnvironmentProviders, Provider, inject } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client/core';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { APP_CONFIG, AuthSession } from '@kraftsamling/web/shared/auth';
import { LanguageService } from '@kraftsamling/web/shared/i18n';

/** The websocket address of the GraphQL endpoint: same host, ws or wss as the page is http or https. */
export function graphqlWebSocketUrl(graphqlPath: string, page: Pick<Location, 'href'>): string {
  const url = new URL(graphqlPath, page.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** Reconnection back-off: 1, 2, 4 … up to 30 s, each with up to a second of jitter. */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5)) + Math.floor(random() * 1_000);
}

/**
 * The websocket client for subscriptions (live events): connects only while a subscription
 * is open (lazy), sends a fresh access token each time it (re)connects (the API closes a
 * connection when its token expires, and the client then reconnects and subscribes again),
 * and retries a lost connection with back-off for as long as the page is open.
 */
export function createLiveClient(options: {
  url: string;
  accessToken: () => Promise<string>;
  language: () => string;
  webSocketImpl?: unknown;
}): Client {
  return createClient({
    url: options.url,
    lazy: true,
    connectionParams: async () => ({
      authorization: `Bearer ${await options.accessToken()}`,
      'accept-language': options.language(),
    }),
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    // Proxies drop websockets that stay silent; a ping every 20 s keeps an idle page connected.
    keepAlive: 20_000,
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
  });
}

/**
 * Apollo with the bearer token on every request. The token is refreshed first when it
 * expires within 30 seconds (AuthSession.accessToken), so a long-open page keeps working.
 * Subscriptions go over graphql-ws on the same path (createLiveClient); everything else
 * over HTTP.
 */
export function provideGraphql(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const config = inject(APP_CONFIG);
      const auth = inject(AuthSession);
      const language = inject(LanguageService);
      const http = inject(HttpLink).create({ uri: config.graphqlPath });
      const page = inject(DOCUMENT).location;
      const live = createLiveClient({
        url: graphqlWebSocketUrl(config.graphqlPath, page),
        accessToken: () => auth.accessToken(),
        language: () => language.current(),
      });
      inject(DestroyRef).onDestroy(() => void live.dispose());
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
        link: ApolloLink.split(
          ({ query }) => isSubscriptionOperation(query),
          new GraphQLWsLink(live),
          ApolloLink.from([authLink, http]),
        ),
        cache: new InMemoryCache(),
        // errorPolicy stays Apollo's default ('none'): a GraphQL error fails the operation and
        // reaches toAppError(); queries pick their fetch policy themselves. Pages read once and
        // watch nothing, so most ask with 'no-cache': normalising a 190 KiB catalogue into the
        // cache and reading it back was a second of a phone's main thread (Lighthouse).
      };
    }),
  ];
}
