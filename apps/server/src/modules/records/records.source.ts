import { RecordCategory } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors';
import { decryptPii, encryptPii } from '../../common/pii';

/**
 * A person to look up, as stored: the keyed hash of the ID number (what the register matches on)
 * and its ciphertext (decrypted, in memory only, for a source that must be sent the number).
 */
export interface RecordSubject {
  hash: Buffer;
  cipher: string;
}

/** One record as any source reports it; matched to people by ID number (its keyed hash) only. */
export interface SourceRecord {
  /** The keyed hash (hex) of the ID number the record is about. */
  idKey: string;
  /** The name the record carries, encrypted: a hint for the officer, never a match. */
  nameCipher: string;
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
 * per person; the answer holds every record of every person asked about.
 */
export interface RecordsSource {
  readonly name: string;
  findFor(subjects: RecordSubject[], manager?: EntityManager): Promise<SourceRecord[]>;
}

/** The source failed: vetting decides nothing and says so. */
export class RecordsSourceError extends DomainError {
  constructor(detail: string) {
    super('UNAVAILABLE', `违法犯罪记录比对服务暂不可用（${detail}），本次未作出任何审核结论，请稍后重试`);
  }
}

/** The built-in `criminal_records` register: one indexed query on the keyed hashes, nothing decrypted. */
export class RegisterRecordsSource implements RecordsSource {
  readonly name = 'register';
  constructor(private readonly ds: DataSource) {}

  async findFor(subjects: RecordSubject[], manager: EntityManager = this.ds.manager): Promise<SourceRecord[]> {
    if (subjects.length === 0) return [];
    const hashes = [...new Map(subjects.map((s) => [s.hash.toString('hex'), s.hash])).values()];
    const rows: {
      id: string;
      id_hash: Buffer;
      name_cipher: string;
      category: RecordCategory;
      occurred_on: string;
      source: string;
      severity: string | null;
      created_at: Date;
    }[] = await manager.query(
      `SELECT id, id_hash, name_cipher, category, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, source, severity, created_at
         FROM criminal_records WHERE id_hash = ANY($1::bytea[])`,
      [hashes],
    );
    return rows.map((r) => ({
      idKey: r.id_hash.toString('hex'),
      nameCipher: r.name_cipher,
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
 * Anything else (refused, timeout, non-2xx, malformed body) is a RecordsSourceError. Its contract
 * takes plaintext ID numbers: they are decrypted in memory for the request and never stored; the
 * names it answers are encrypted before they go anywhere.
 */
export class HttpRecordsSource implements RecordsSource {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 5000,
    private readonly token?: string,
  ) {}

  async findFor(subjects: RecordSubject[]): Promise<SourceRecord[]> {
    // The numbers asked about, decrypted for this request only, each with its key (hash) for the answer.
    const keyByNumber = new Map(subjects.map((s) => [decryptPii(s.cipher), s.hash.toString('hex')]));
    const unique = [...keyByNumber.keys()];
    const out: SourceRecord[] = [];
    for (let i = 0; i < unique.length; i += HTTP_BATCH) {
      out.push(...(await this.batch(unique.slice(i, i + HTTP_BATCH), keyByNumber)));
    }
    return out;
  }

  private async batch(idNumbers: string[], keyByNumber: Map<string, string>): Promise<SourceRecord[]> {
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
        idKey: keyByNumber.get(idNumber)!,
        nameCipher: encryptPii(String(rec.name ?? '')),
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
