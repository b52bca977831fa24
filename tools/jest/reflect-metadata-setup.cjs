// NestJS, TypeORM and class-validator read decorator metadata through the
// Reflect.metadata polyfill; the application loads it in main.ts, tests here.
require('reflect-metadata');
