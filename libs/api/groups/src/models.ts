import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GroupKind } from '@kraftsamling/api/core/database';

export const GroupKindEnum = Object.fromEntries(Object.values(GroupKind).map((kind) => [kind, kind])) as {
  [K in GroupKind]: K;
};
registerEnumType(GroupKindEnum, { name: 'GroupKind' });

@ObjectType('Group', { description: 'The steering group or an operational group of a collaboration.' })
export class GroupModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) collaborationId!: string;
  @Field(() => GroupKindEnum) kind!: GroupKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) focusArea!: string | null;
  @Field(() => Int) version!: number;
}
