import type { Principal } from '@kraftsamling/api/core/auth';
import { GroupKind } from '@kraftsamling/api/core/database';
import { Permission } from '@kraftsamling/shared/permissions';

/** Who asks: the parts of the tenant scope the rule depends on. */
export interface DecisionRecorder {
  principal: Principal;
  collaborationId: string;
  permissions: readonly string[];
}

/**
 * Who may record and follow up decisions in a group's log. decision:manage (the steering
 * group's members, the coordinator, a platform admin): any group's log. decision:record
 * alone (a group member): only the log of an operational group they are a member of, never
 * the steering group's nor another group's. The guard checks decision:record; this rule is
 * checked again inside the write's transaction (DecisionService) and gives the web app its
 * hint (Group.viewerCanRecordDecisions).
 */
export function mayRecordDecisionsIn(
  recorder: DecisionRecorder,
  group: { id: string; kind: GroupKind },
): boolean {
  if (recorder.permissions.includes(Permission.DecisionManage)) return true;
  return (
    recorder.permissions.includes(Permission.DecisionRecord) &&
    group.kind === GroupKind.Operational &&
    recorder.principal.isMemberOfGroup(recorder.collaborationId, group.id)
  );
}
