import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/** A Swedish county (län), public reference data keyed by its 2-digit SCB code. */
@Entity({ name: 'county' })
export class CountyEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'short_name', type: 'text' })
  shortName!: string;
}

/** A Swedish municipality (kommun), public reference data keyed by its 4-digit SCB code. */
@Entity({ name: 'municipality' })
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'char', length: 4 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'county_code', type: 'char', length: 2 })
  countyCode!: string;

  @ManyToOne(() => CountyEntity, { nullable: false })
  @JoinColumn({ name: 'county_code' })
  county?: Relation<CountyEntity>;
}
