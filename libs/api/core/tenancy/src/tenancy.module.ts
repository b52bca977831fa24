import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { CachedReads, CachedReadsMiddleware, CachedReadsPlugin } from './cached-reads.plugin';
import { TenantContextInterceptor } from './tenant-context.interceptor';

@Module({
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
    CachedReads,
    CachedReadsMiddleware,
    CachedReadsPlugin,
  ],
  exports: [CachedReads, CachedReadsMiddleware],
})
export class TenancyModule {}
