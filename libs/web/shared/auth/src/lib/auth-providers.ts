import { EnvironmentProviders, Provider, makeEnvironmentProviders } from '@angular/core';
import { AuthSession } from './auth-session';

export function provideAuthSession(session: AuthSession): EnvironmentProviders {
  const providers: Provider[] = [{ provide: AuthSession, useValue: session }];
  return makeEnvironmentProviders(providers);
}
