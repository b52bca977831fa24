import { Module, type DynamicModule } from '@nestjs/common';
import { AUTH_SETTINGS, type AuthSettings } from './auth-config';
import { RequestAuthenticator } from './request-principal';
import { TokenVerifier } from './token-verifier';
import { UserProvisioning } from './user-provisioning';

@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        TokenVerifier,
        UserProvisioning,
        RequestAuthenticator,
      ],
      exports: [TokenVerifier, RequestAuthenticator, UserProvisioning],
    };
  }
}
