import { Foundation1795456335264 } from './1795456335264-foundation';
import { IndicatorValues1795460395518 } from './1795460395518-indicator-values';
import { MembershipInvitationsAndCoordinatorGuard1795520000000 } from './1795520000000-membership-invitations-and-coordinator-guard';
import { RowLevelSecurity1795600000000 } from './1795600000000-row-level-security';
import { InvitationsUnderRowLevelSecurity1795610000000 } from './1795610000000-invitations-under-row-level-security';
import { Goals1795700000000 } from './1795700000000-goals';
import { PeerSets1795800000000 } from './1795800000000-peer-sets';
import { SourceFetches1795900000000 } from './1795900000000-source-fetches';
import { BaselineChangeBounds1796000000000 } from './1796000000000-baseline-change-bounds';
import { SwedishCollation1796100000000 } from './1796100000000-swedish-collation';
import { GoalTablesRowLevelSecurity1796200000000 } from './1796200000000-goal-tables-row-level-security';
import { Actions1796300000000 } from './1796300000000-actions';
import { ActionDataChange1796400000000 } from './1796400000000-action-data-change';
import { IndicatorSearch1796500000000 } from './1796500000000-indicator-search';
import { MunicipalityProperNames1796550000000 } from './1796550000000-municipality-proper-names';
import { SourceFetchParameters1796650000000 } from './1796650000000-source-fetch-parameters';
import { ImportDataChange1796900000000 } from './1796900000000-import-data-change';
import { UserDataChange1797000000000 } from './1797000000000-user-data-change';

/** Every migration, oldest first. Listed explicitly so the bundled API needs no file globbing. */
export const MIGRATIONS = [
  Foundation1795456335264,
  IndicatorValues1795460395518,
  MembershipInvitationsAndCoordinatorGuard1795520000000,
  RowLevelSecurity1795600000000,
  InvitationsUnderRowLevelSecurity1795610000000,
  Goals1795700000000,
  PeerSets1795800000000,
  SourceFetches1795900000000,
  BaselineChangeBounds1796000000000,
  SwedishCollation1796100000000,
  GoalTablesRowLevelSecurity1796200000000,
  Actions1796300000000,
  ActionDataChange1796400000000,
  IndicatorSearch1796500000000,
  MunicipalityProperNames1796550000000,
  SourceFetchParameters1796650000000,
  ImportDataChange1796900000000,
  UserDataChange1797000000000,
];
