import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ExpectedVersion, TenantInput, Trim } from '@kraftsamling/api/core/tenancy';
import { NormalisationEnum, PeerKindEnum } from './models';

const AREA_CODE = /^[0-9]{4}$/;
const keys = (e: object) => Object.keys(e);
const oneOf = (e: object) => IsIn(keys(e), { message: `must be one of ${keys(e).join(', ')}` });
/** The country's municipalities, counties and itself, with room to spare. */
export const MAX_AREAS = 312;

@InputType()
export class PeersInput {
  @Field(() => PeerKindEnum)
  @oneOf(PeerKindEnum)
  kind!: keyof typeof PeerKindEnum;

  @Field(() => String, { nullable: true, description: 'COUNTY: the county’s two-digit code.' })
  @IsOptional()
  @Matches(/^[0-9]{2}$/, { message: 'a county code has 2 digits' })
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'PEER_SET: a saved or published set.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a peer set' })
  peerSetId?: string | null;

  @Field(() => [String], { nullable: true, description: 'AREAS: municipality codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_AREAS, { message: `at most ${MAX_AREAS} areas` })
  @Matches(AREA_CODE, { each: true, message: 'area codes have 4 digits' })
  areaCodes?: string[] | null;
}

@InputType()
export class ComparisonInput extends TenantInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200)
  indicatorCode!: string;

  @Field(() => PeersInput)
  @ValidateNested()
  @Type(() => PeersInput)
  peers!: PeersInput;

  @Field(() => String, { nullable: true, description: 'First period (default: the whole history).' })
  @IsOptional()
  @IsString()
  from?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() to?: string | null;

  @Field(() => NormalisationEnum, { nullable: true, defaultValue: 'AS_PUBLISHED' })
  @IsOptional()
  @oneOf(NormalisationEnum)
  normalisation?: keyof typeof NormalisationEnum | null;

  @Field(() => String, {
    nullable: true,
    description:
      'PER_THOUSAND: the population (default scb.population, yearly); SHARE_OF: the dividing count.',
  })
  @IsOptional()
  @IsString()
  denominatorCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'INDEX, CHANGE, CHANGE_PERCENT: the period compared against.',
  })
  @IsOptional()
  @IsString()
  basePeriod?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The period ranked (default: the latest with a value).',
  })
  @IsOptional()
  @IsString()
  rankPeriod?: string | null;
}

@InputType()
export class SimilarMunicipalitiesInput extends TenantInput {
  @Field(() => String)
  @Matches(AREA_CODE, { message: 'an area code has 4 digits' })
  areaCode!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one indicator' })
  @ArrayMaxSize(10, { message: 'at most 10 indicators' })
  @IsString({ each: true })
  indicatorCodes!: string[];

  @Field(() => [Float], { nullable: true, description: 'One per indicator (default: equal).' })
  @IsOptional()
  @IsArray()
  @IsNumber({}, { each: true })
  @Min(0, { each: true, message: 'weights are 0 or more' })
  weights?: number[] | null;

  @Field(() => String, { nullable: true, description: 'The period read (default: each indicator’s latest).' })
  @IsOptional()
  @IsString()
  period?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number | null;
}

@InputType()
export class SavePeerSetInput extends TenantInput {
  @Field(() => ID, { nullable: true, description: 'To change a set you saved; omit to save a new one.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a peer set' })
  peerSetId?: string | null;

  @Field(() => Int, { nullable: true, description: 'With peerSetId: the version you loaded.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;

  @Field(() => String)
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one municipality' })
  @ArrayMaxSize(MAX_AREAS, { message: `at most ${MAX_AREAS} areas` })
  @Matches(AREA_CODE, { each: true, message: 'area codes have 4 digits' })
  areaCodes!: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'Seen by everyone in the collaboration.' })
  @IsBoolean()
  shared!: boolean;
}

@InputType()
export class DeletePeerSetInput extends TenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a peer set' })
  peerSetId!: string;

  @ExpectedVersion()
  expectedVersion!: number;
}
