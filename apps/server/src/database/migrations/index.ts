import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Domain1764000100000 } from './1764000100000-Domain';
import { VettingIndexes1764000400000 } from './1764000400000-VettingIndexes';
import { OverviewIndexes1764000650000 } from './1764000650000-OverviewIndexes';
import { RosterStats1764000800000 } from './1764000800000-RosterStats';
import { TrainingStats1764000850000 } from './1764000850000-TrainingStats';
import { SuggestionStats1764000900000 } from './1764000900000-SuggestionStats';
import { Calendar1765200000000 } from './1765200000000-Calendar';

/** Every migration in order; new ones are appended. */
export const migrations = [
  Foundation1764000000000, Domain1764000100000, VettingIndexes1764000400000, OverviewIndexes1764000650000,
  RosterStats1764000800000,
  TrainingStats1764000850000,
  SuggestionStats1764000900000,
  Calendar1765200000000,
];
