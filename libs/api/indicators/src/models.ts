import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { UserSummaryModel } from '@kraftsamling/api/collaborations';
import { ExpectedVersion, TenantInput, Trim } from '@kraftsamling/api/core/tenancy';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const IndicatorUnitEnum = enumOf(['COUNT', 'PERCENT', 'PER_1000', 'CURRENCY', 'OTHER'] as const);
export const PeriodicityEnum = enumOf(['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const);
export const IndicatorDirectionEnum = enumOf(['LOWER_IS_BETTER', 'HIGHER_IS_BETTER'] as const);
export const IndicatorSourceEnum = enumOf(['AF', 'SCB', 'KOLADA', 'LOCAL'] as const);
export const IndicatorKindEnum = enumOf(['MEASURED', 'RATIO'] as const);
export const ImportBatchStatusEnum = enumOf(['COMMITTED', 'UNDONE'] as const);
registerEnumType(IndicatorUnitEnum, { name: 'IndicatorUnit' });
registerEnumType(PeriodicityEnum, { name: 'Periodicity' });
registerEnumType(IndicatorDirectionEnum, { name: 'IndicatorDirection' });
registerEnumType(IndicatorSourceEnum, { name: 'IndicatorSource' });
registerEnumType(IndicatorKindEnum, { name: 'IndicatorKind' });
registerEnumType(ImportBatchStatusEnum, { name: 'ImportBatchStatus' });

@ObjectType('Indicator', { description: 'A measured series or a ratio of two, per area and period.' })
export class IndicatorModel {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) theme!: string;
  @Field(() => String) nameSv!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true }) descriptionSv!: string | null;
  @Field(() => String, { nullable: true }) descriptionEn!: string | null;
  @Field(() => IndicatorUnitEnum) unit!: keyof typeof IndicatorUnitEnum;
  @Field(() => PeriodicityEnum) periodicity!: keyof typeof PeriodicityEnum;
  @Field(() => IndicatorDirectionEnum) direction!: keyof typeof IndicatorDirectionEnum;
  @Field(() => IndicatorSourceEnum) source!: keyof typeof IndicatorSourceEnum;
  @Field(() => IndicatorKindEnum) kind!: keyof typeof IndicatorKindEnum;
  @Field(() => ID, { nullable: true, description: 'Set for a local indicator of one collaboration.' })
  collaborationId!: string | null;
  @Field(() => String, { nullable: true }) numeratorCode!: string | null;
  @Field(() => String, { nullable: true }) denominatorCode!: string | null;
  @Field(() => Float, { nullable: true }) factor!: number | null;
  @Field(() => Int, { description: 'Changes with every edit of a local indicator.' }) version!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The series that replaces this one (a register-based series: its BAS-based successor).',
  })
  supersededByCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The series this one replaces, if any.' })
  supersedesCode!: string | null;
  @Field(() => Int, {
    description:
      'How many municipalities have at least one value (a ratio: its numerator’s); 0 when none has any yet.',
  })
  coverage!: number;
  @Field(() => String, { nullable: true, description: 'The latest period with a value; null without values.' })
  lastPeriod!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the latest batch holding its values was imported.' })
  lastImportedAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'When its source (Kolada key figure, SCB table) was last fetched from the API; null if never, or for readers who are not statistics stewards.',
  })
  lastFetchedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'What the source calls it: the Kolada key figure (N00955) or the SCB table (TAB6471).',
  })
  sourceSubject!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The source’s own page of it: Kolada’s free search of the key figure, the SCB table in Statistikdatabasen.',
  })
  sourceUrl!: string | null;
}

@ObjectType('AreaSeries', {
  description:
    "One area's values, aligned with the series' periods. A figure known only as a range (AF's \"<5\" is 1 … 4, or a ratio computed from one) has values null and its ends in lowerBounds and upperBounds (docs/adr/0009-bounded-values.md).",
})
export class AreaSeriesModel {
  @Field(() => String) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => [Float], {
    nullable: 'items',
    description: 'The exact figure; null where there is none or where it is only a range (see lowerBounds).',
  })
  values!: (number | null)[];
  @Field(() => [Float], {
    nullable: 'items',
    description: 'Where the figure is only a range (e.g. "<5"): its low end (1 for "<5"); else null.',
  })
  lowerBounds!: (number | null)[];
  @Field(() => [Float], {
    nullable: 'items',
    description:
      'Where the figure is only a range: its high end (4 for "<5"); null where it is exact, or where the range has no known high end.',
  })
  upperBounds!: (number | null)[];
  @Field(() => [Boolean]) preliminary!: boolean[];
  @Field(() => [String], { nullable: 'items' }) status!: (string | null)[];
  @Field(() => [ID], { nullable: 'items', description: 'The import batch each value came from.' })
  batchId!: (string | null)[];
  @Field(() => [String], { nullable: 'items' }) publishedAt!: (string | null)[];
  @Field(() => [Int], { nullable: 'items', description: 'Each stored value’s version, for edits.' })
  versions!: (number | null)[];
  @Field(() => [ID], {
    nullable: 'items',
    description:
      'A ratio: the import batch its denominator came from (batchId names its numerator’s); null for a measured indicator.',
  })
  denominatorBatchId!: (string | null)[];
}

@ObjectType('SeriesBatch', {
  description:
    'Where values of a series came from, told once per import batch: the source, the file, when it was published and imported, or who entered the values by hand.',
})
export class SeriesBatchModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'AF, SCB, KOLADA, TEMPLATE or LOCAL' }) source!: string;
  @Field(() => String, { description: 'The file’s kind (AF_WORKBOOK, TEMPLATE_XLSX, …) or MANUAL' })
  format!: string;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => String, { nullable: true, description: 'When the source published the file (YYYY-MM-DD).' })
  publishedAt!: string | null;
  @Field(() => Date) importedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'The display name of who imported or entered the values: for a collaboration’s own values only (an official batch names its source, not a person).',
  })
  enteredBy!: string | null;
  @Field(() => Boolean, { description: 'Official statistics (not a collaboration’s own figures).' })
  official!: boolean;
}

@ObjectType('IndicatorSeries', {
  description: 'Compact series: periods once, per area arrays aligned with them.',
})
export class IndicatorSeriesModel {
  @Field(() => IndicatorModel) indicator!: IndicatorModel;
  @Field(() => [String]) periods!: string[];
  @Field(() => [AreaSeriesModel]) areas!: AreaSeriesModel[];
  @Field(() => [SeriesBatchModel], {
    description: 'Every import batch the values name (batchId, denominatorBatchId), once each.',
  })
  batches!: SeriesBatchModel[];
}

@ObjectType('ValueChange', {
  description: 'One value an entry by hand changed: what it was and what it became.',
})
export class ValueChangeModel {
  @Field(() => String) indicatorCode!: string;
  @Field(() => String) indicatorNameSv!: string;
  @Field(() => String) indicatorNameEn!: string;
  @Field(() => String) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => String) period!: string;
  @Field(() => Boolean, { description: 'Whether there was a value before (false: the entry added it).' })
  hadValue!: boolean;
  @Field(() => Float, { nullable: true }) oldValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'null: the entry recorded that there is no value.' })
  newValue!: number | null;
}

/** How many changed values a manual entry lists in the history; its counts tell the rest. */
export const MAX_CHANGES_LISTED = 50;

@ObjectType('ImportBatch', { description: 'One import or manual entry: who, when, what file, what it did.' })
export class ImportBatchModel {
  @Field(() => ID) id!: string;
  @Field(() => String) source!: string;
  @Field(() => String) format!: string;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => String, { nullable: true }) fileSha256!: string | null;
  @Field(() => Int, { nullable: true }) fileSize!: number | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => ImportBatchStatusEnum) status!: keyof typeof ImportBatchStatusEnum;
  @Field(() => UserSummaryModel, {
    nullable: true,
    description:
      'Who imported it. Null for an official batch unless you are a statistics steward: the source is what counts there.',
  })
  importedBy!: UserSummaryModel | null;
  @Field(() => Date) importedAt!: Date;
  @Field(() => Date, { nullable: true }) undoneAt!: Date | null;
  @Field(() => ID, { nullable: true }) collaborationId!: string | null;
  @Field(() => [ValueChangeModel], {
    nullable: true,
    description: `An entry by hand: the values it changed (at most ${MAX_CHANGES_LISTED}, by indicator, area and period); null for a file, and empty once undone (the earlier values are back).`,
  })
  changes!: ValueChangeModel[] | null;
}

@ObjectType('EnterValuesResult')
export class EnterValuesResultModel {
  @Field(() => ID, { nullable: true }) batchId!: string | null;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
}

@InputType()
export class UndoImportInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an import batch' })
  batchId!: string;
}

@InputType()
export class UndoOfficialImportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an import batch' })
  batchId!: string;
}

@InputType()
export class EnteredValueInput {
  @Field(() => String)
  @IsString()
  indicatorCode!: string;

  @Field(() => String)
  @IsString()
  period!: string;

  @Field(() => Float, { nullable: true, description: 'null records that there is no value' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  value?: number | null;

  @Field(() => Int, { nullable: true, description: 'The value’s version you loaded; omit for a new value.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType()
export class EnterValuesInput extends TenantInput {
  @Field(() => String)
  @Matches(/^[0-9]{4}$/, { message: 'must be a 4-digit municipality code, e.g. 1283' })
  areaCode!: string;

  @Field(() => [EnteredValueInput])
  @ValidateNested({ each: true })
  @Type(() => EnteredValueInput)
  @ArrayMaxSize(5000)
  values!: EnteredValueInput[];
}

const CODE_PATTERN = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

/** What a coordinator says about a local indicator: names, meaning and how to read it. */
@InputType({ isAbstract: true })
abstract class LocalIndicatorTextInput extends TenantInput {
  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  nameSv!: string;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  nameEn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 2000, { message: 'must be at most 2000 characters' })
  descriptionSv?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 2000, { message: 'must be at most 2000 characters' })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: local.' })
  @IsOptional()
  @Trim()
  @Matches(/^([a-z0-9]+([-_][a-z0-9]+)*)?$/, {
    message: 'must be lower-case letters a–z, digits and hyphens, e.g. job-tracks',
  })
  theme?: string | null;

  @Field(() => IndicatorDirectionEnum)
  @IsIn(Object.values(IndicatorDirectionEnum), { message: 'must be LOWER_IS_BETTER or HIGHER_IS_BETTER' })
  direction!: keyof typeof IndicatorDirectionEnum;
}

@InputType()
export class CreateLocalIndicatorInput extends LocalIndicatorTextInput {
  @Field(() => String, {
    description: 'Lower-case letters, digits and . _ - between them, e.g. jobbspar.deltagare.',
  })
  @Trim()
  @Length(2, 64, { message: 'must be 2 to 64 characters' })
  @Matches(CODE_PATTERN, {
    message: 'must be lower-case letters a–z and digits, with . _ or - between them, e.g. jobbspar.deltagare',
  })
  code!: string;

  @Field(() => IndicatorUnitEnum)
  @IsIn(Object.values(IndicatorUnitEnum), {
    message: `must be one of ${Object.values(IndicatorUnitEnum).join(', ')}`,
  })
  unit!: keyof typeof IndicatorUnitEnum;

  @Field(() => PeriodicityEnum)
  @IsIn(Object.values(PeriodicityEnum), {
    message: `must be one of ${Object.values(PeriodicityEnum).join(', ')}`,
  })
  periodicity!: keyof typeof PeriodicityEnum;
}

/** Code, unit and periodicity stay: values already entered are read by them. */
@InputType()
export class UpdateLocalIndicatorInput extends LocalIndicatorTextInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an indicator' })
  indicatorId!: string;

  @ExpectedVersion()
  expectedVersion!: number;
}

export const SourceFetchStatusEnum = enumOf(['RUNNING', 'IMPORTED', 'NOTHING_NEW', 'FAILED'] as const);
registerEnumType(SourceFetchStatusEnum, { name: 'SourceFetchStatus' });

@ObjectType('SourceFetch', {
  description: 'One fetch of official data from a source’s API, and what came of it.',
})
export class SourceFetchModel {
  @Field(() => ID) id!: string;
  @Field(() => IndicatorSourceEnum) source!: keyof typeof IndicatorSourceEnum;
  @Field(() => String, { description: 'What was fetched: a Kolada key figure (N00955), an SCB table.' })
  subject!: string;
  @Field(() => String, { description: 'SCHEDULE or MANUAL' }) trigger!: string;
  @Field(() => SourceFetchStatusEnum) status!: keyof typeof SourceFetchStatusEnum;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The import batch it wrote, if any.' }) batchId!:
    string | null;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) changed!: number;
  @Field(() => String, { nullable: true, description: 'Why it failed, or what the import said.' })
  message!: string | null;
}
