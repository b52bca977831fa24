import { Foundation1795456335264 } from './1795456335264-foundation';
import { IndicatorValues1795460395518 } from './1795460395518-indicator-values';
import { RowLevelSecurity1795600000000 } from './1795600000000-row-level-security';

/** Every migration, oldest first. Listed explicitly so the bundled API needs no file globbing. */
export const MIGRATIONS = [Foundation1795456335264, IndicatorValues1795460395518, RowLevelSecurity1795600000000];
