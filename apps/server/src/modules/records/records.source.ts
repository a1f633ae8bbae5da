import { RecordCategory } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors';

/** One record as any source reports it; matched to people by ID number only. */
export interface SourceRecord {
  idNumber: string;
  name: string;
  category: RecordCategory;
  occurredOn: string;
  source: string;
  severity?: string | null;
  /** The built-in register's row id; null for an external source. */
  recordId?: string | null;
  /** When the record entered the register; null when the source does not say (then it counts as new). */
  createdAt?: Date | null;
}

/**
 * Where vetting looks up records (SPEC §5: an adapter). One call per batch of people, never one
 * per person; the answer holds every record of every ID number asked about.
 */
export interface RecordsSource {
  readonly name: string;
  findByIdNumbers(idNumbers: string[], manager?: EntityManager): Promise<SourceRecord[]>;
}

/** The source failed: vetting decides nothing and says so. */
export class RecordsSourceError extends DomainError {
  constructor(detail: string) {
    super('UNAVAILABLE', `违法犯罪记录比对服务暂不可用（${detail}），本次未作出任何审核结论，请稍后重试`);
  }
}

/** The built-in `criminal_records` register: one indexed query with `= ANY($1)`. */
export class RegisterRecordsSource implements RecordsSource {
  readonly name = 'register';
  constructor(private readonly ds: DataSource) {}

  async findByIdNumbers(idNumbers: string[], manager: EntityManager = this.ds.manager): Promise<SourceRecord[]> {
    if (idNumbers.length === 0) return [];
    const rows: {
      id: string;
      id_number: string;
      name: string;
      category: RecordCategory;
      occurred_on: string;
      source: string;
      severity: string | null;
      created_at: Date;
    }[] = await manager.query(
      `SELECT id, id_number, name, category, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, source, severity, created_at
         FROM criminal_records WHERE id_number = ANY($1::text[])`,
      [[...new Set(idNumbers)]],
    );
    return rows.map((r) => ({
      idNumber: r.id_number,
      name: r.name,
      category: r.category,
      occurredOn: r.occurred_on,
      source: r.source,
      severity: r.severity,
      recordId: r.id,
      createdAt: r.created_at,
    }));
  }
}

const CATEGORIES = new Set<string>(Object.values(RecordCategory));
const HTTP_BATCH = 2000;

/**
 * An external records service (README "记录比对接口"): POST `{"idNumbers": [...]}` as JSON,
 * answer `{"records": [{idNumber, name, category, occurredOn, source, severity?}]}` within the timeout.
 * Anything else (refused, timeout, non-2xx, malformed body) is a RecordsSourceError.
 */
export class HttpRecordsSource implements RecordsSource {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 5000,
    private readonly token?: string,
  ) {}

  async findByIdNumbers(idNumbers: string[]): Promise<SourceRecord[]> {
    const unique = [...new Set(idNumbers)];
    const out: SourceRecord[] = [];
    for (let i = 0; i < unique.length; i += HTTP_BATCH) {
      out.push(...(await this.batch(unique.slice(i, i + HTTP_BATCH))));
    }
    return out;
  }

  private async batch(idNumbers: string[]): Promise<SourceRecord[]> {
    if (idNumbers.length === 0) return [];
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ idNumbers }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error)?.name;
      throw new RecordsSourceError(name === 'TimeoutError' || name === 'AbortError' ? `${this.timeoutMs / 1000}秒内未响应` : '无法连接');
    }
    if (!res.ok) throw new RecordsSourceError(`返回 HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new RecordsSourceError('返回内容不是 JSON');
    }
    const records = (body as { records?: unknown })?.records;
    if (!Array.isArray(records)) throw new RecordsSourceError('返回内容缺少 records 数组');
    const asked = new Set(idNumbers);
    return records.map((r, i) => {
      const rec = r as Record<string, unknown>;
      const idNumber = String(rec.idNumber ?? '').toUpperCase();
      if (!asked.has(idNumber) || !CATEGORIES.has(String(rec.category)) || !/^\d{4}-\d{2}-\d{2}/.test(String(rec.occurredOn ?? ''))) {
        throw new RecordsSourceError(`第${i + 1}条记录格式不正确`);
      }
      return {
        idNumber,
        name: String(rec.name ?? ''),
        category: rec.category as RecordCategory,
        occurredOn: String(rec.occurredOn).slice(0, 10),
        source: String(rec.source ?? '外部记录服务'),
        severity: rec.severity == null ? null : String(rec.severity),
        recordId: null,
        createdAt: null,
      };
    });
  }
}

/** RECORDS_SOURCE_URL set → the HTTP source; otherwise the built-in register. */
export function createRecordsSource(ds: DataSource, env: NodeJS.ProcessEnv = process.env): RecordsSource {
  const url = env.RECORDS_SOURCE_URL;
  if (!url) return new RegisterRecordsSource(ds);
  if (!/^https?:\/\//.test(url)) throw new Error('环境变量 RECORDS_SOURCE_URL 应以 http:// 或 https:// 开头');
  const timeout = Number(env.RECORDS_SOURCE_TIMEOUT_MS || 5000);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error('环境变量 RECORDS_SOURCE_TIMEOUT_MS 应为正整数（毫秒）');
  return new HttpRecordsSource(url, timeout, env.RECORDS_SOURCE_TOKEN || undefined);
}
