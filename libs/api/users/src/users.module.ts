import { Module } from '@nestjs/common';
import { CollaborationsModule } from '@kraftsamling/api/collaborations';
import { MeResolver } from './me.resolver';

@Module({ imports: [CollaborationsModule], providers: [MeResolver] })
export class UsersModule {}
