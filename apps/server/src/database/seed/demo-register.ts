import {
  CompanyStatus,
  District,
  Education,
  GuardStatus,
  RelativeRelation,
  Sex,
  UnitKind,
  withCreditCheckChar,
  withIdCheckDigit,
} from '@evs/schema';
import { EntityManager } from 'typeorm';
import { addDays, addYears, todayCN } from '../../common/calendar';
import { idHash, nameHash } from '../../common/pii';
import { CompanyEntity } from '../../modules/companies/company.entity';
import { GuardEntity } from '../../modules/guards/guard.entity';
import { RelativeEntity } from '../../modules/guards/relative.entity';
import { CertificateRevocationEntity } from '../../modules/guards/revocation.entity';
import { UnitEntity } from '../../modules/units/unit.entity';

/**
 * The demo register: about 30 security companies and 1,500 guards with relatives, generated from a
 * fixed seed so every fresh database (and every test template) holds the same people. Dates are
 * relative to the day of seeding, so "expires in 20 days" stays true on a fresh start.
 */

/** Keys of the companies a story (and a test) relies on. */
export type DemoCompanyKey =
  | 'company1'
  | 'company2'
  | 'expiredLicence'
  | 'expiringSoon'
  | 'suspended'
  | 'oldGuards'
  | 'tooSmall';

interface CompanyPlan {
  key?: DemoCompanyKey;
  name: string;
  district: District;
  guards: number;
  /** Share of guards aged 50–60. */
  oldShare?: number;
  licenceDays?: number;
  status?: CompanyStatus;
  statusReason?: string;
  capital?: number;
}

const P = District.PANSHAN;
const S = District.SHUANGTAIZI;
const X = District.XINGLONGTAI;
const D = District.DAWA;
const L = District.LIAODONGWAN;
const C = District.CHENGJIAO;

export const demoCompanyPlans: CompanyPlan[] = [
  { key: 'company1', name: '盘锦辽河保安服务有限公司', district: X, guards: 130, capital: 10_000_000 },
  { key: 'company2', name: '盘锦红海滩保安服务有限公司', district: D, guards: 100, capital: 5_000_000 },
  { name: '盘锦市保安服务有限公司', district: X, guards: 110, capital: 20_000_000 },
  { name: '盘锦鼎安保安服务有限公司', district: S, guards: 70 },
  { name: '盘锦中兴保安服务有限公司', district: X, guards: 60 },
  { name: '盘锦安泰保安服务有限公司', district: S, guards: 55 },
  { name: '盘山县盛安保安服务有限公司', district: P, guards: 50 },
  { name: '盘锦辽东湾卫士保安服务有限公司', district: L, guards: 65 },
  { name: '盘锦兴隆保安服务有限公司', district: X, guards: 45 },
  { key: 'suspended', name: '盘锦华安保安服务有限公司', district: S, guards: 48, status: CompanyStatus.SUSPENDED,
    statusReason: '大型活动现场发生未经审查人员上岗，责令停业整改' },
  { name: '盘锦金盾保安服务有限公司', district: X, guards: 75 },
  { key: 'expiringSoon', name: '盘锦宏远保安服务有限公司', district: P, guards: 52, licenceDays: 20 },
  { key: 'expiredLicence', name: '盘锦北方保安服务有限公司', district: C, guards: 40, licenceDays: -45 },
  { key: 'oldGuards', name: '盘锦鹤乡保安服务有限公司', district: D, guards: 55, oldShare: 0.75 },
  { name: '盘锦油城保安服务有限公司', district: X, guards: 62 },
  { name: '盘锦平安保安服务有限公司', district: C, guards: 44 },
  { name: '盘锦湿地保安服务有限公司', district: D, guards: 38 },
  { name: '盘锦天诚保安服务有限公司', district: S, guards: 36 },
  { key: 'tooSmall', name: '盘锦恒信保安服务有限公司', district: C, guards: 8, capital: 1_000_000 },
  { name: '盘锦威远保安服务有限公司', district: L, guards: 42 },
  { name: '盘锦正通保安服务有限公司', district: P, guards: 35 },
  { name: '盘锦广安保安服务有限公司', district: X, guards: 30 },
  { name: '盘锦锦华保安服务有限公司', district: S, guards: 28 },
  { name: '盘锦永安保安服务有限公司', district: D, guards: 33 },
  { name: '盘锦盘龙保安服务有限公司', district: P, guards: 30 },
  { name: '盘锦东升保安服务有限公司', district: L, guards: 26 },
  { name: '盘锦顺达保安服务有限公司', district: D, guards: 24 },
  { name: '盘锦长城保安服务有限公司', district: C, guards: 32 },
  { name: '盘锦安邦保安服务有限公司', district: X, guards: 40 },
  { name: '盘锦晟泰保安服务有限公司', district: L, guards: 22 },
];

/** The special companies' names, for tests and the demo script. */
export const demoCompanyNames = Object.fromEntries(
  demoCompanyPlans.filter((p) => p.key).map((p) => [p.key, p.name]),
) as Record<DemoCompanyKey, string>;

export const DEMO_COMPANY_COUNT = demoCompanyPlans.length;

/** Mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';
const MALE_GIVEN = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆亮成志东海峰龙林建国庆永宏文博晨阳旭坤宝福';
const FEMALE_GIVEN = '芳娜敏静丽艳娟霞秀玲桂英红梅琳雪慧颖婷倩丹萍燕玉兰洁晶月凤云莉';
/** Panjin area codes: 双台子区, 兴隆台区, 大洼区, 盘山县, and 大洼县's old code. */
const AREA_BY_DISTRICT: Record<District, string[]> = {
  [District.SHUANGTAIZI]: ['211102', '211102', '211103'],
  [District.XINGLONGTAI]: ['211103', '211103', '211102'],
  [District.DAWA]: ['211104', '211121', '211104'],
  [District.PANSHAN]: ['211122', '211122', '211102'],
  [District.LIAODONGWAN]: ['211104', '211103', '211121'],
  [District.CHENGJIAO]: ['211102', '211103', '211122'],
};
const ALL_AREAS = ['211102', '211103', '211104', '211122', '211121'];
const STREETS: Record<District, string[]> = {
  [District.XINGLONGTAI]: ['兴隆台区惠宾大街', '兴隆台区石油大街', '兴隆台区泰山路', '兴隆台区渤海路'],
  [District.SHUANGTAIZI]: ['双台子区双兴路', '双台子区建设街', '双台子区红旗大街'],
  [District.DAWA]: ['大洼区向海大道', '大洼区新立路', '大洼区田庄台街'],
  [District.PANSHAN]: ['盘山县府前路', '盘山县太平街', '盘山县胡家镇兴盘路'],
  [District.LIAODONGWAN]: ['辽东湾新区海明路', '辽东湾新区渤海大道', '辽东湾新区荣兴街'],
  [District.CHENGJIAO]: ['兴隆台区曙光路', '双台子区陆家乡盘锦北路', '兴隆台区新生街'],
};
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const EDUCATION_MIX: [Education, number][] = [
  [Education.JUNIOR_MIDDLE, 0.34],
  [Education.SENIOR_MIDDLE, 0.3],
  [Education.VOCATIONAL, 0.16],
  [Education.COLLEGE, 0.12],
  [Education.BACHELOR, 0.07],
  [Education.POSTGRADUATE, 0.01],
];

export interface DemoRegisterResult {
  companyIds: Record<string, string>;
  guards: number;
  relatives: number;
  revocations: number;
}

class Generator {
  private readonly usedIds = new Set<string>();
  private certSeq = 0;
  constructor(readonly rnd: () => number, readonly today: string) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  pick<T>(items: readonly T[] | string): T {
    return items[Math.floor(this.rnd() * items.length)] as T;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.rnd() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(this.rnd() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  name(sex: Sex): string {
    const given = sex === Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
    return this.pick<string>(SURNAMES) + this.pick<string>(given) + (this.rnd() < 0.6 ? this.pick<string>(given) : '');
  }
  /** A birth date `age` whole years old today. */
  birthDate(age: number): string {
    return addDays(addYears(this.today, -age - 1), this.int(1, 364));
  }
  idNumber(area: string, birthDate: string, sex: Sex): string {
    for (;;) {
      const seq = this.int(0, 99) * 10 + (sex === Sex.MALE ? this.pick([1, 3, 5, 7, 9]) : this.pick([0, 2, 4, 6, 8]));
      const id = withIdCheckDigit(`${area}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }
  phone(): string {
    return `1${this.pick(['33', '35', '37', '38', '39', '50', '52', '58', '59', '80', '86', '89'])}${String(this.int(0, 99_999_999)).padStart(8, '0')}`;
  }
  creditCode(): string {
    const org = Array.from({ length: 9 }, () => this.pick<string>(CREDIT_CHARS)).join('');
    return withCreditCheckChar(`9121110${this.pick(['0', '2', '3', '4'])}${org}`);
  }
  education(): Education {
    let r = this.rnd();
    for (const [e, share] of EDUCATION_MIX) {
      if ((r -= share) < 0) return e;
    }
    return Education.SENIOR_MIDDLE;
  }
  certificate(birthDate: string): { no: string; issuedOn: string } {
    const adult = addYears(birthDate, 19);
    const earliest = adult > '2011-01-01' ? adult : '2011-01-01';
    const span = Math.max(1, Math.round((Date.parse(this.today) - Date.parse(earliest)) / 86_400_000) - 30);
    const issuedOn = addDays(earliest, this.int(0, span));
    this.certSeq += 1;
    return { no: `辽盘保${issuedOn.slice(0, 4)}${String(this.certSeq).padStart(5, '0')}`, issuedOn };
  }
}

/**
 * Inserts the demo register in bulk and sets `ids.company1` / `ids.company2` (the demo company
 * accounts' units) — call before `seedDemoAccounts`.
 */
export async function seedDemoRegister(m: EntityManager, ids: Record<string, string>, today = todayCN()): Promise<DemoRegisterResult> {
  const g = new Generator(prng(20260301), today);
  const units: Partial<UnitEntity>[] = [];
  const companies: Partial<CompanyEntity>[] = [];
  const guards: Partial<GuardEntity>[] = [];
  const relatives: Partial<RelativeEntity>[] = [];
  const revocations: Partial<CertificateRevocationEntity>[] = [];
  const companyIds: Record<string, string> = {};

  demoCompanyPlans.forEach((plan, index) => {
    const id = g.uuid();
    companyIds[plan.name] = id;
    if (plan.key) ids[plan.key] = id;
    const contactName = g.name(g.rnd() < 0.8 ? Sex.MALE : Sex.FEMALE);
    const contactPhone = g.phone();
    units.push({ id, name: plan.name, kind: UnitKind.COMPANY, district: plan.district, contactName, contactPhone });
    const licenceDays = plan.licenceDays ?? g.int(200, 1800);
    const issuedYear = 2010 + (index % 14);
    companies.push({
      id,
      name: plan.name,
      creditCode: g.creditCode(),
      licenseNo: `辽公保服${issuedYear}${String(index + 1).padStart(3, '0')}号`,
      licenseExpiry: addDays(today, licenceDays),
      registeredCapital: (plan.capital ?? g.int(10, 80) * 100_000).toFixed(2),
      address: `盘锦市${g.pick(STREETS[plan.district])}${g.int(1, 399)}号`,
      district: plan.district,
      contactName,
      contactPhone,
      status: plan.status ?? CompanyStatus.ACTIVE,
      statusReason: plan.statusReason ?? null,
    });

    for (let i = 0; i < plan.guards; i++) {
      const old = g.rnd() < (plan.oldShare ?? 0.06);
      const age = old ? g.int(50, 60) : g.int(20, 49);
      const sex = g.rnd() < 0.9 ? Sex.MALE : Sex.FEMALE;
      const birthDate = g.birthDate(age);
      const idNumber = g.idNumber(g.pick(AREA_BY_DISTRICT[plan.district]), birthDate, sex);
      const cert = g.rnd() < 0.93 ? g.certificate(birthDate) : null;
      const guardId = g.uuid();
      guards.push({
        id: guardId,
        companyId: id,
        name: g.name(sex),
        idNumber,
        birthDate,
        sex,
        phone: g.phone(),
        certificateNo: cert?.no ?? null,
        certificateIssuedOn: cert?.issuedOn ?? null,
        education: g.education(),
        photo: null,
        status: GuardStatus.ACTIVE,
        leftOn: null,
      });
      if (g.rnd() < 0.88) {
        const family = familyOf(g, guardId, age, sex, birthDate);
        relatives.push(...family);
        // Parents past their nineties are mostly not declared: the company says why (others, ~12%,
        // declared nothing, which the vetting shows as a gap to fill).
        const missing = [RelativeRelation.FATHER, RelativeRelation.MOTHER].filter((r) => !family.some((f) => f.relation === r));
        if (missing.length) guards[guards.length - 1].relativesStatement = `${missing.map((r) => (r === RelativeRelation.FATHER ? '父亲' : '母亲')).join('、')}已故`;
      }
    }
  });

  // History: a few people left one company and joined another (one ACTIVE record each).
  for (let i = 0; i < 6; i++) {
    const current = guards[g.int(0, guards.length - 1)];
    if (current.status !== GuardStatus.ACTIVE || guards.some((x) => x !== current && x.idNumber === current.idNumber)) continue;
    const formerCompany = companies[g.int(2, companies.length - 1)];
    if (formerCompany.id === current.companyId) continue;
    guards.push({ ...current, id: g.uuid(), companyId: formerCompany.id, status: GuardStatus.LEFT, leftOn: addDays(today, -g.int(60, 900)) });
  }
  // Some guards who left for good.
  for (let i = 0; i < 40; i++) {
    const x = guards[g.int(0, guards.length - 1)];
    if (x.status === GuardStatus.ACTIVE && !guards.some((y) => y !== x && y.idNumber === x.idNumber)) {
      x.status = GuardStatus.LEFT;
      x.leftOn = addDays(today, -g.int(10, 700));
    }
  }
  // 保安员证 revocations (条例第十七条): recent ones bar the person, two bar them for good, an old one does not.
  const withCert = guards.filter((x) => x.status === GuardStatus.ACTIVE && x.certificateNo && x.companyId !== ids.company1);
  // Each names the certificate revoked: "twice" is two certificates (the earlier one of a person revoked twice is an older number).
  const revoke = (x: Partial<GuardEntity>, daysAgo: number, reason: string, certificateNo = x.certificateNo!) =>
    revocations.push({ idNumber: x.idNumber!, revokedOn: addDays(today, -daysAgo), reason, certificateNo });
  revoke(withCert[3], 200, '为他人提供保安服务时侵犯他人合法权益，被依法吊销保安员证');
  revoke(withCert[40], 500, '违反规定限制他人人身自由，被依法吊销保安员证');
  revoke(withCert[120], 2900, '私自为他人提供保安服务，被依法吊销保安员证', `${withCert[120].certificateNo}J`);
  revoke(withCert[120], 1900, '泄露在保安服务中获知的个人隐私，被依法吊销保安员证');
  revoke(withCert[300], 1600, '违反规定扣押他人证件，被依法吊销保安员证');
  // More than 3 years on, the person passed the exam again and holds a new certificate.
  withCert[300].certificateIssuedOn = addDays(today, -400);
  withCert[300].certificateNo = `${withCert[300].certificateNo}R`;

  // ID numbers and relatives' names are encrypted by the entities' column transformer; their keyed hashes are set here.
  for (const x of guards) x.idNumberHash = idHash(x.idNumber!);
  for (const r of relatives) Object.assign(r, { idNumberHash: idHash(r.idNumber!), nameHash: nameHash(r.name!) });
  for (const r of revocations) r.idNumberHash = idHash(r.idNumber!);

  await insertInChunks(m, UnitEntity, units);
  await insertInChunks(m, CompanyEntity, companies);
  await insertInChunks(m, GuardEntity, guards);
  await insertInChunks(m, RelativeEntity, relatives);
  await insertInChunks(m, CertificateRevocationEntity, revocations);
  return { companyIds, guards: guards.length, relatives: relatives.length, revocations: revocations.length };
}

/** Father and mother, a spouse for most adults over 25, children for most over 28. */
function familyOf(g: Generator, guardId: string, age: number, sex: Sex, birthDate: string): Partial<RelativeEntity>[] {
  const out: Partial<RelativeEntity>[] = [];
  const area = () => g.pick(ALL_AREAS);
  const person = (relation: RelativeRelation, personSex: Sex, personAge: number) => {
    const b = g.birthDate(personAge);
    out.push({ guardId, relation, name: g.name(personSex), idNumber: g.idNumber(area(), b, personSex) });
  };
  const fatherAge = age + g.int(22, 34);
  const father = { relation: RelativeRelation.FATHER, sex: Sex.MALE, age: fatherAge };
  if (fatherAge < 90 || g.rnd() < 0.3) person(father.relation, father.sex, father.age);
  const motherAge = age + g.int(20, 32);
  if (motherAge < 92 || g.rnd() < 0.4) person(RelativeRelation.MOTHER, Sex.FEMALE, motherAge);
  if (age >= 25 && g.rnd() < 0.78) {
    person(RelativeRelation.SPOUSE, sex === Sex.MALE ? Sex.FEMALE : Sex.MALE, Math.max(20, age + g.int(-5, 4)));
  }
  if (age >= 28 && g.rnd() < 0.8) {
    const children = g.rnd() < 0.3 ? 2 : 1;
    for (let i = 0; i < children; i++) {
      const childAge = Math.max(0, age - g.int(24, 34) - i * g.int(2, 5));
      const b = g.birthDate(childAge);
      if (b > birthDate) person(RelativeRelation.CHILD, g.rnd() < 0.5 ? Sex.MALE : Sex.FEMALE, childAge);
    }
  }
  return out;
}

async function insertInChunks<T extends object>(m: EntityManager, entity: new () => T, rows: Partial<T>[], size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await m.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + size) as never).updateEntity(false).execute();
  }
}
