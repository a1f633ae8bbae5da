import { DomainError, IDENTITY_LOCKED } from './domain-error';

/**
 * What a PostgreSQL or connection-pool error means to the client, in Chinese. The raw text (table,
 * column, key values, English) never leaves the server.
 */

export const DATABASE_UNAVAILABLE = '数据库暂时不可用，请稍后重试';

/** Fields of a pg DatabaseError (TypeORM's QueryFailedError copies them onto itself). */
interface PgErrorLike {
  code?: string;
  table?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  message?: string;
  driverError?: PgErrorLike;
}

/**
 * "One" rules held by unique constraints, keyed by table and key columns (constraint names are
 * generated in older migrations). Each names the input field the client should correct.
 */
const UNIQUE_RULES: Record<string, { message: string; field?: string }> = {
  'users:username': { message: '用户名已被使用', field: 'username' },
  'companies:credit_code': { message: '该统一社会信用代码已登记', field: 'creditCode' },
  'activities:code': { message: '活动编号冲突，请重试' },
  // ID numbers are matched by their keyed hash (common/pii.ts): the key columns name the hash.
  'guards:id_hash': { message: '该人员已在保安员名册中（在职），不能重复登记', field: 'idNumber' },
  'roster_entries:activity_id, guard_id': { message: '该保安员已在本活动名单中', field: 'guardIds' },
  'criminal_records:id_hash, category, occurred_on, source': { message: '该记录已存在' },
  'certificate_revocations:id_hash, revoked_on': { message: '该人员该日期的吊销记录已存在', field: 'date' },
  'certificate_revocations:id_hash, certificate_no': { message: '该人员该保安员证的吊销记录已存在（一张证只吊销一次）', field: 'certificateNo' },
  'guard_relatives:guard_id, id_hash': { message: '同一亲属不能重复登记', field: 'relatives' },
  'guard_relatives:guard_id, relation': { message: '父亲、母亲、配偶只能各登记一位', field: 'relatives' },
  'training_sessions:activity_id, starts_at, place, is_makeup': { message: '该时间、地点已安排本活动的同类培训', field: 'startsAt' },
  'training_attendance:session_id, roster_entry_id': { message: '该人员已在本次培训名单中', field: 'rosterEntryIds' },
  'activity_candidates:activity_id, company_id': { message: '该公司已在本活动的候选名单中', field: 'companyIds' },
  'inspections:id': { message: '该检查编号已登记' },
  'units:credit_code': { message: '统一社会信用代码已被其他单位使用', field: 'creditCode' },
  'units:district': { message: '该辖区已有启用的公安（分）局', field: 'district' },
  'units:kind, name': { message: '已有同类型同名的单位', field: 'name' },
  'companies:name': { message: '该公司名称已登记，请核对', field: 'name' },
  'units:kind': { message: '全市只有一个保安管理支队、一个警务督察部门（首次启动时已建立），不能另建', field: 'kind' },
};

/** Errors of the connection itself: the server is down, restarting, full, or unreachable. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'terminating connection',
];

function pgFields(err: unknown): PgErrorLike | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as PgErrorLike;
  return e.driverError && typeof e.driverError === 'object' ? { ...e.driverError, message: e.driverError.message ?? e.message } : e;
}

/** True when the database cannot be reached (as opposed to refusing one statement). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = pgFields(err);
  if (!e) return false;
  const code = e.code ?? '';
  if (CONNECTION_ERRNOS.has(code)) return true;
  // 08: connection exception; 57P01–57P03: shutdown, crash, not accepting yet; 53300: too many connections.
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  const message = e.message ?? '';
  return CONNECTION_MESSAGES.some((m) => message.includes(m));
}

function keyColumns(detail: string | undefined): string | null {
  const m = /^Key \(([^)]*)\)=/.exec(detail ?? '');
  return m ? m[1] : null;
}

/** Unique indexes on an expression (their key is no column list), by name. */
const UNIQUE_INDEXES: Record<string, { message: string; field?: string }> = {
  uq_units_name_once: { message: '已有同名单位（名称不计空格、大小写和全角半角），请核对', field: 'name' },
};

/**
 * A DomainError for a database error the client can act on (CONFLICT, BAD_USER_INPUT, UNAVAILABLE),
 * or null for one that is the server's own fault (logged and hidden as INTERNAL_SERVER_ERROR).
 */
export function domainErrorFromDatabase(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (isDatabaseUnavailable(err)) return new DomainError('UNAVAILABLE', DATABASE_UNAVAILABLE, undefined, undefined, 503);
  const e = pgFields(err);
  switch (e?.code) {
    case '23505': {
      const rule = UNIQUE_RULES[`${e.table}:${keyColumns(e.detail)}`] ?? (e.constraint ? UNIQUE_INDEXES[e.constraint] : undefined);
      const message = rule?.message ?? '该记录已存在，请勿重复提交';
      return new DomainError('CONFLICT', message, rule?.field ? [{ field: rule.field, message }] : undefined);
    }
    case IDENTITY_LOCKED: // a trigger enforcing a rule, with a message written for the user
      return new DomainError('CONFLICT', e.message ?? '该记录当前不能修改');
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return new DomainError('CONFLICT', '操作冲突（他人正在修改同一记录），请刷新后重试');
    case '23503':
      return new DomainError('BAD_USER_INPUT', '所引用的记录不存在或已被删除');
    case '23502':
      return new DomainError('BAD_USER_INPUT', '缺少必填项');
    case '23514':
      return new DomainError('BAD_USER_INPUT', '输入不符合规则');
    case '22P02':
      return new DomainError('BAD_USER_INPUT', '输入格式不正确（如编号应为 UUID）');
    case '22021': // character_not_in_repertoire (NUL in text)
    case '22P05': // untranslatable_character (NUL in jsonb)
      return new DomainError('BAD_USER_INPUT', '输入含有不允许的控制字符');
    case '22001':
      return new DomainError('BAD_USER_INPUT', '输入内容过长');
    case '22003':
      return new DomainError('BAD_USER_INPUT', '数值超出允许范围');
    case '22007':
    case '22008':
      return new DomainError('BAD_USER_INPUT', '日期或时间无效');
    case '57014': // query_canceled: statement_timeout
    case '25P03': // idle_in_transaction_session_timeout
      return new DomainError('UNAVAILABLE', '数据库处理超时，请稍后重试', undefined, undefined, 503);
    default:
      return null;
  }
}

