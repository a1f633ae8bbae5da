import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration in order; new ones are appended. */
export const migrations = [Foundation1764000000000];
