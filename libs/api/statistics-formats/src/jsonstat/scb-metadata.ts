import { isRecord } from './json-input';
import { SCB_CONTENTS, SCB_REGION, SCB_TIME } from './scb-mapping';

/** What a dimension is to the product: where, when, which measure, or a breakdown to choose from. */
export type ScbDimensionRole = 'REGION' | 'TIME' | 'CONTENTS' | 'OTHER';

export interface ScbClass {
  code: string;
  label: string;
  /** for a contents code: its unit as SCB names it ("antal", "procent", "tkr") */
  unit?: string;
  decimals?: number;
}

export interface ScbDimension {
  code: string;
  label: string;
  role: ScbDimensionRole;
  /** whether a query may leave the dimension out (SCB then answers its total) */
  elimination: boolean;
  classes: ScbClass[];
}

/** A PxWeb v2 table's metadata (`/tables/{id}/metadata`), as far as defining an indicator needs it. */
export interface ScbTableMetadata {
  id: string;
  label: string;
  updated: string | null;
  /** the table publishes preliminary figures (SCB marks it in the label or the contents) */
  preliminary: boolean;
  dimensions: ScbDimension[];
}

export class ScbMetadataError extends Error {}

/**
 * Reads a PxWeb v2 metadata answer (JSON-stat 2.0 with an empty `value`): every dimension
 * with its classes in SCB's order. `expectedId` is the table asked for; an answer for
 * another table is refused rather than stored under the wrong id.
 */
export function parseScbMetadata(json: unknown, expectedId?: string): ScbTableMetadata {
  if (
    !isRecord(json) ||
    json['class'] !== 'dataset' ||
    !Array.isArray(json['id']) ||
    !isRecord(json['dimension'])
  )
    throw new ScbMetadataError(
      'the answer is not JSON-stat 2.0 table metadata (class "dataset" with id and dimension)',
    );
  const extension = isRecord(json['extension']) ? json['extension'] : {};
  const px = isRecord(extension['px']) ? extension['px'] : {};
  const id = typeof px['tableid'] === 'string' ? px['tableid'] : (expectedId ?? '');
  if (!id) throw new ScbMetadataError('the metadata names no table (extension.px.tableid)');
  if (expectedId && id.toUpperCase() !== expectedId.toUpperCase())
    throw new ScbMetadataError(`asked for table ${expectedId}, the answer describes ${id}`);
  const role = isRecord(json['role']) ? json['role'] : {};
  const inRole = (name: string, dimension: string) =>
    Array.isArray(role[name]) && (role[name] as unknown[]).includes(dimension);
  const label = typeof json['label'] === 'string' ? json['label'] : id;
  const dimensions = (json['id'] as unknown[]).map((code): ScbDimension => {
    if (typeof code !== 'string') throw new ScbMetadataError('a dimension id is not text');
    const dimension = (json['dimension'] as Record<string, unknown>)[code];
    if (!isRecord(dimension) || !isRecord(dimension['category']))
      throw new ScbMetadataError(`dimension ${code} has no categories`);
    const category = dimension['category'];
    const labels = isRecord(category['label']) ? category['label'] : {};
    const index = category['index'];
    const codes = Array.isArray(index)
      ? (index as string[])
      : isRecord(index)
        ? Object.entries(index)
            .sort((a, b) => Number(a[1]) - Number(b[1]))
            .map(([key]) => key)
        : Object.keys(labels);
    const units = isRecord(category['unit']) ? category['unit'] : {};
    const dimensionExtension = isRecord(dimension['extension']) ? dimension['extension'] : {};
    return {
      code,
      label: typeof dimension['label'] === 'string' ? dimension['label'] : code,
      role:
        code === SCB_REGION || inRole('geo', code)
          ? 'REGION'
          : code === SCB_TIME || inRole('time', code)
            ? 'TIME'
            : code === SCB_CONTENTS || inRole('metric', code)
              ? 'CONTENTS'
              : 'OTHER',
      elimination: dimensionExtension['elimination'] === true,
      classes: codes.map((classCode) => {
        const unit = units[classCode];
        return {
          code: classCode,
          label: typeof labels[classCode] === 'string' ? (labels[classCode] as string) : classCode,
          ...(isRecord(unit) && typeof unit['base'] === 'string' ? { unit: unit['base'] } : {}),
          ...(isRecord(unit) && typeof unit['decimals'] === 'number' ? { decimals: unit['decimals'] } : {}),
        };
      }),
    };
  });
  for (const needed of ['REGION', 'TIME', 'CONTENTS'] as const)
    if (!dimensions.some((d) => d.role === needed))
      throw new ScbMetadataError(
        `table ${id} has no ${needed === 'REGION' ? 'Region' : needed === 'TIME' ? 'Tid' : 'ContentsCode'} dimension: the product reads tables by municipality, period and contents`,
      );
  const contents = typeof px['contents'] === 'string' ? px['contents'] : '';
  return {
    id,
    label,
    updated: typeof json['updated'] === 'string' ? json['updated'] : null,
    preliminary: /prelimin/i.test(`${label} ${contents}`),
    dimensions,
  };
}
