import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '@kraftsamling/api/core/tenancy';
import { IndicatorDirectionEnum, IndicatorUnitEnum, PeriodicityEnum } from './models';

export const ScbDimensionRoleEnum = {
  REGION: 'REGION',
  TIME: 'TIME',
  CONTENTS: 'CONTENTS',
  OTHER: 'OTHER',
} as const;
registerEnumType(ScbDimensionRoleEnum, {
  name: 'ScbDimensionRole',
  description: 'REGION, TIME and CONTENTS are read as municipality, period and measure; OTHER is chosen.',
});

@ObjectType('ScbClass', { description: 'One class (value) of an SCB table’s dimension.' })
export class ScbClassModel {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true, description: 'For a contents code: its unit as SCB names it.' })
  unit?: string | null;
}

@ObjectType('ScbDimension', { description: 'A dimension (variable) of an SCB table and its classes.' })
export class ScbDimensionModel {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => ScbDimensionRoleEnum) role!: keyof typeof ScbDimensionRoleEnum;
  @Field(() => Boolean, { description: 'Whether it may be left out (SCB then answers its total).' })
  elimination!: boolean;
  @Field(() => [ScbClassModel]) classes!: ScbClassModel[];
}

@ObjectType('ScbTable', { description: 'An SCB table’s metadata (PxWebApi 2), to define indicators from.' })
export class ScbTableModel {
  @Field(() => String) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) updated!: string | null;
  @Field(() => Boolean) preliminary!: boolean;
  @Field(() => String, { description: 'The table’s page in Statistikdatabasen.' }) url!: string;
  @Field(() => [ScbDimensionModel]) dimensions!: ScbDimensionModel[];
  @Field(() => [String], {
    description: 'The codes of the catalogue’s indicators already read from this table.',
  })
  definedCodes!: string[];
}

@InputType()
export class ScbClassChoiceInput {
  @Field(() => String) @Trim() @IsString() @Length(1, 100) dimension!: string;

  @Field(() => [String], { description: 'One class, or several to add up.' })
  @IsString({ each: true })
  @ArrayMaxSize(500)
  codes!: string[];
}

@InputType()
export class DefineScbIndicatorInput {
  @Field(() => String, { description: 'The table id, e.g. TAB6471.' })
  @Trim()
  @Matches(/^TAB[0-9]{1,7}$/i, { message: 'must be an SCB table id, e.g. TAB6471' })
  table!: string;

  @Field(() => String) @Trim() @IsString() @Length(1, 100) contentsCode!: string;

  @Field(() => [ScbClassChoiceInput], {
    description: 'The classes of the other dimensions; a dimension left out is eliminated (its total).',
  })
  @ValidateNested({ each: true })
  @Type(() => ScbClassChoiceInput)
  @ArrayMaxSize(20)
  classes!: ScbClassChoiceInput[];

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

  @Field(() => String, { nullable: true, description: 'Default: the table, contents code and classes.' })
  @IsOptional()
  @Trim()
  @Length(0, 2000, { message: 'must be at most 2000 characters' })
  descriptionSv?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(0, 2000, { message: 'must be at most 2000 characters' })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: scb.' })
  @IsOptional()
  @Trim()
  @Matches(/^([a-z0-9]+([-_][a-z0-9]+)*)?$/, {
    message: 'must be lower-case letters a–z, digits and hyphens, e.g. employment',
  })
  theme?: string | null;

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

  @Field(() => IndicatorDirectionEnum)
  @IsIn(Object.values(IndicatorDirectionEnum), { message: 'must be LOWER_IS_BETTER or HIGHER_IS_BETTER' })
  direction!: keyof typeof IndicatorDirectionEnum;
}

export const FetchSourceEnum = { KOLADA: 'KOLADA', SCB: 'SCB', AF: 'AF' } as const;
registerEnumType(FetchSourceEnum, { name: 'FetchSource' });

@InputType()
export class FetchSourceInput {
  @Field(() => FetchSourceEnum) @IsIn(Object.values(FetchSourceEnum)) source!: keyof typeof FetchSourceEnum;

  @Field(() => String, {
    description:
      'Kolada: a key-figure id (N00955); SCB: a table id (TAB6471); AF: the workbook’s https address.',
  })
  @Trim()
  @IsString()
  @Length(1, 2000)
  subject!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The first year to fetch (Kolada, SCB). Default: ten years back.',
  })
  @IsOptional()
  @IsInt({ message: 'must be a year' })
  @Min(1990, { message: 'must be 1990 or later' })
  @Max(2100, { message: 'must be a year' })
  from?: number | null;

  @Field(() => String, { nullable: true, description: 'AF: REG or BAS, when the address does not say.' })
  @IsOptional()
  @IsIn(['REG', 'BAS'], { message: 'must be REG or BAS' })
  afSeries?: 'REG' | 'BAS' | null;
}
