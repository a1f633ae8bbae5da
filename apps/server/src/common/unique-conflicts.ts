import { domainErrorFromDatabase } from './db-errors';
import { DomainError, violatedUnique } from './errors';

/**
 * Runs `work`; when a unique constraint refuses it (two officers, a double click, a retry), answers
 * the CONFLICT the error formatter would, with the field named where it sits in this operation's
 * input (`fieldPaths`, e.g. `{ username: 'account.username' }`). The database decides the race.
 */
export async function withUniqueConflicts<T>(work: () => Promise<T>, fieldPaths: Record<string, string> = {}): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (violatedUnique(err) === null) throw err;
    const domain = domainErrorFromDatabase(err);
    if (!domain) throw err;
    throw new DomainError(domain.code, domain.message, domain.fields?.map((f) => ({ ...f, field: fieldPaths[f.field] ?? f.field })));
  }
}
