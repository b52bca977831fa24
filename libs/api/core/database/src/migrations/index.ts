import { Foundation1795456335264 } from './1795456335264-foundation';

/** Every migration, oldest first. Listed explicitly so the bundled API needs no file globbing. */
export const MIGRATIONS = [Foundation1795456335264];
