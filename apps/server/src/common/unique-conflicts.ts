import { DomainError, violatedUnique } from './errors';

/** What a clash on each "there can be only one" constraint means to the person who caused it. */
const MEANINGS: Record<string, { field: string; message: string }> = {
  UQ_users_username: { field: 'account.username', message: '用户名已被使用，请换一个' },
  uq_units_credit_code: { field: 'creditCode', message: '统一社会信用代码已被其他单位使用' },
  UQ_a6783f0b74b376e244918fe8d09: { field: 'creditCode', message: '统一社会信用代码已被其他公司使用' },
  uq_units_district_bureau: { field: 'district', message: '该辖区已有启用的公安（分）局' },
  uq_units_police_name: { field: 'name', message: '已有同类型同名的单位' },
};

/**
 * Runs `work` and turns a unique violation it caused (two officers, a double click, a retry) into a
 * CONFLICT naming the field, so the database's constraint decides races and the user reads why.
 */
export async function withUniqueConflicts<T>(work: () => Promise<T>, fieldPrefix: Partial<Record<string, string>> = {}): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const constraint = violatedUnique(err);
    const meaning = constraint !== null ? MEANINGS[constraint] : undefined;
    if (!meaning) throw err;
    const field = fieldPrefix[meaning.field] ?? meaning.field;
    throw new DomainError('CONFLICT', meaning.message, [{ field, message: meaning.message }]);
  }
}
