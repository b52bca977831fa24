export * from './parse-pxweb-v1';
