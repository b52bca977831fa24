import type { ParseProblem } from '../model';
import { JsonInput, isRecord, jsonPath, quoteJson, readJson } from '../jsonstat/json-input';
import { decodeHtmlEntities } from './kpi-list';

/** A group of similar municipalities as Kolada publishes it (`/municipality_groups`). */
export interface KoladaMunicipalityGroup {
  id: string;
  title: string;
  /** municipality codes, in the order given */
  members: string[];
}

const MUNICIPALITY_CODE = /^[0-9]{4}$/;

/**
 * Reads a `/municipality_groups` answer: `{values: [{id, title, members: [{id, title}]}]}`
 * or a bare array of groups (members may also be plain codes). Any problem names the
 * group and the member; the caller writes nothing while there is one.
 */
export function parseKoladaMunicipalityGroups(input: JsonInput): {
  groups: KoladaMunicipalityGroup[];
  problems: ParseProblem[];
} {
  const problems: ParseProblem[] = [];
  const groups: KoladaMunicipalityGroup[] = [];
  const doc = readJson(input, problems);
  if (doc === undefined) return { groups, problems };
  const list = Array.isArray(doc) ? doc : isRecord(doc) ? doc['values'] : undefined;
  const base = Array.isArray(doc) ? '' : 'values';
  if (!Array.isArray(list)) {
    problems.push({
      location: {},
      message: 'expected a list of municipality groups (an array, or an object with a values array)',
    });
    return { groups, problems };
  }
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const path = (...parts: (string | number)[]) =>
      base ? jsonPath(base, i, ...parts) : jsonPath(i, ...parts);
    if (!isRecord(item)) {
      problems.push({ location: { index: i, path: path() }, message: 'a group must be an object' });
      return;
    }
    const id = item['id'];
    const title = item['title'];
    const members = item['members'];
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push({
        location: { index: i, path: path('id') },
        message: `id ${quoteJson(id)} is not a group id`,
      });
      return;
    }
    if (typeof title !== 'string' || title.trim() === '') {
      problems.push({ location: { index: i, path: path('title') }, message: `group ${id} has no title` });
      return;
    }
    if (!Array.isArray(members) || members.length === 0) {
      problems.push({ location: { index: i, path: path('members') }, message: `group ${id} has no members` });
      return;
    }
    if (seen.has(id)) {
      problems.push({ location: { index: i, path: path('id') }, message: `group ${id} is listed twice` });
      return;
    }
    seen.add(id);
    const codes: string[] = [];
    members.forEach((member, j) => {
      const code = isRecord(member) ? member['id'] : member;
      if (typeof code !== 'string' || !MUNICIPALITY_CODE.test(code)) {
        problems.push({
          location: { index: i, path: path('members', j, 'id') },
          message: `group ${id}: member ${quoteJson(code)} is not a municipality code (4 digits)`,
        });
        return;
      }
      if (!codes.includes(code)) codes.push(code);
    });
    groups.push({ id, title: decodeHtmlEntities(title.trim()), members: codes });
  });
  return { groups, problems };
}
