import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Local policy that officers may change (weights, margins, age limit, windows, deadlines). */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('jsonb')
  value: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;
}
