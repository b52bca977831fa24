import type { EntityManager } from 'typeorm';
import type { AuditWriter } from '@kraftsamling/api/core/audit';
import type { KoladaMunicipalityGroup } from '@kraftsamling/api/statistics-formats';

export interface PublishedGroupsReport {
  inserted: number;
  changed: number;
  unchanged: number;
  /** what stops the load: nothing is written while there is one */
  problems: string[];
}

/**
 * Loads Kolada's groups of similar municipalities as published peer sets (no collaboration:
 * everyone may compare with them), keyed by Kolada's group id: a group loaded again is
 * updated in place, so saved comparisons naming it keep working. One transaction; any
 * unknown municipality code writes nothing.
 */
export async function loadPublishedPeerGroups(
  manager: EntityManager,
  audit: AuditWriter,
  groups: readonly KoladaMunicipalityGroup[],
  actor: { userId: string | null; subject: string },
): Promise<PublishedGroupsReport> {
  const report: PublishedGroupsReport = { inserted: 0, changed: 0, unchanged: 0, problems: [] };
  const known = new Set(
    ((await manager.query(`SELECT code FROM municipality`)) as { code: string }[]).map((row) => row.code),
  );
  for (const group of groups) {
    const unknown = group.members.filter((code) => !known.has(code));
    if (unknown.length)
      report.problems.push(
        `group ${group.id} (${group.title}): not municipality codes: ${unknown.join(', ')}`,
      );
    if (group.members.length > 312) report.problems.push(`group ${group.id}: more than 312 members`);
  }
  if (report.problems.length) return report;
  for (const group of groups) {
    const areas = [...group.members].sort();
    const [existing] = await manager.query(
      `SELECT id, title, array_to_json(area_codes) AS "areaCodes" FROM peer_set
        WHERE source = 'KOLADA' AND source_id = $1 AND collaboration_id IS NULL FOR UPDATE`,
      [group.id],
    );
    if (!existing) {
      const [{ id }] = await manager.query(
        `INSERT INTO peer_set (source, source_id, title, area_codes) VALUES ('KOLADA', $1, $2, $3) RETURNING id`,
        [group.id, group.title, areas],
      );
      await audit.record(manager, {
        collaborationId: null,
        actor,
        action: 'peer_set.published',
        entityType: 'peer_set',
        entityId: id,
        before: null,
        after: { sourceId: group.id, title: group.title, areaCodes: areas },
      });
      report.inserted++;
    } else if (
      existing.title !== group.title ||
      JSON.stringify(existing.areaCodes) !== JSON.stringify(areas)
    ) {
      await manager.query(
        `UPDATE peer_set SET title = $2, area_codes = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [existing.id, group.title, areas],
      );
      await audit.record(manager, {
        collaborationId: null,
        actor,
        action: 'peer_set.published',
        entityType: 'peer_set',
        entityId: existing.id,
        before: { sourceId: group.id, title: existing.title, areaCodes: existing.areaCodes },
        after: { sourceId: group.id, title: group.title, areaCodes: areas },
      });
      report.changed++;
    } else {
      report.unchanged++;
    }
  }
  return report;
}
