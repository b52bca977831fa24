import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { CachedReadsPlugin } from './cached-reads.plugin';

@Module({ providers: [{ provide: APP_GUARD, useClass: AccessGuard }, CachedReadsPlugin] })
export class TenancyModule {}
