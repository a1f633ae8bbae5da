import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row: the version of what candidate suggestions are computed from. Written only by the deferred
 * trigger of migration SuggestionInputsVersion (once per transaction that changes an input); read by
 * SuggestionMeasuresCache (suggestion-measures.ts) before the figures it keeps.
 */
@Entity('suggestion_inputs')
@Check('CHK_suggestion_inputs_one_row', `"id" = 1`)
export class SuggestionInputsEntity {
  @PrimaryColumn('smallint', { default: 1 })
  id: number;

  @Column('bigint', { default: 1 })
  version: string;
}
