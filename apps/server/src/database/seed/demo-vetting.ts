import { ActivityStatus, RecordCategory, Role, UnitKind, VettingDecision, VettingReasonCategory, withIdCheckDigit } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor, companyIdOf } from '../../common/actor';
import { decryptPii, encryptPii, idHash } from '../../common/pii';
import { ActivityLifecycle } from '../../modules/activities/lifecycle';
import { AuditService } from '../../modules/audit/audit.service';
import { InAppChannel, NotificationsService } from '../../modules/notifications/notifications.service';
import { RegisterRecordsSource } from '../../modules/records/records.source';
import { SettingsService } from '../../modules/settings/settings.service';
import { UnitsService } from '../../modules/units/units.service';
import { VettingService } from '../../modules/vetting/vetting.service';

export { demoImportPeople } from './demo-vetting-people';
import { demoImportPeople } from './demo-vetting-people';

const DAY = 86_400_000;

/** Rows with their ID number decrypted, in ID-number order (the order the demo picks people in). */
function byIdNumber<T extends { id_cipher: string }>(rows: T[]): (Omit<T, 'id_cipher'> & { id_number: string })[] {
  return rows
    .map(({ id_cipher, ...rest }) => ({ ...rest, id_number: decryptPii(id_cipher) }))
    .sort((a, b) => (a.id_number < b.id_number ? -1 : a.id_number > b.id_number ? 1 : 0));
}

/** Deterministic pseudo-random numbers, so every fresh demo database is the same. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * The records register (违法犯罪记录) and one activity in 背景审核 with decisions made:
 * - records for the demo import people, for a few guards and relatives of the register, and ~150 others;
 * - the city games (organizer2's activity, COMPANY_SELECTED in the activities seed) gets its roster,
 *   the clean entries passed, one own-record entry failed, relative hits left for review.
 * The marathon (organizer1, company1) stays COMPANY_SELECTED for company1 to submit its roster.
 */
export async function seedDemoVetting(m: EntityManager, ids: Record<string, string>, now = new Date()): Promise<void> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM companies`);
  if (n === 0) return;
  const rnd = prng(20260501);
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const records: { idNumber: string; name: string; category: RecordCategory; occurredOn: string; source: string; severity: string; createdAt: Date }[] = [];
  const add = (idNumber: string, name: string, category: RecordCategory, occurredOn: string, source: string, severity = '一般') =>
    records.push({ idNumber, name, category, occurredOn, source, severity, createdAt: before(60) });

  const p = demoImportPeople;
  add(p.selfHit.idNumber, p.selfHit.name, RecordCategory.INTENTIONAL_CRIME, '2014-06-18', '兴隆台公安分局', '判处有期徒刑一年');
  add(p.relativeHit.father.idNumber, p.relativeHit.father.name, RecordCategory.COMPULSORY_DETOX, '2016-09-02', '双台子公安分局');

  // A few people of the register (and their relatives), so picking from it shows hits too.
  const tail = byIdNumber<{ id: string; id_cipher: string; name: string; company_id: string }>(
    await m.query(`SELECT id, id_cipher, name, company_id FROM guards WHERE status = 'ACTIVE' AND company_id = ANY($1::uuid[])`, [
      [ids.company1, ids.company2].filter(Boolean),
    ]),
  )
    .reverse()
    .slice(0, 12);
  if (tail[0]) add(tail[0].id_number, tail[0].name, RecordCategory.INTENTIONAL_CRIME, '2012-03-11', '大洼公安分局', '判处拘役六个月');
  if (tail[1]) add(tail[1].id_number, tail[1].name, RecordCategory.ADMIN_DETENTION, '2021-07-21', '兴隆台公安分局');
  const tailRelatives = tail.length
    ? byIdNumber<{ id_cipher: string; name: string }>(
        (await m.query(`SELECT id_cipher, name_cipher FROM guard_relatives WHERE guard_id = ANY($1::uuid[])`, [tail.slice(2, 6).map((g) => g.id)])).map(
          (r: { id_cipher: string; name_cipher: string }) => ({ id_cipher: r.id_cipher, name: decryptPii(r.name_cipher) }),
        ),
      ).slice(0, 2)
    : [];
  for (const r of tailRelatives) add(r.id_number, r.name, RecordCategory.REEDUCATION_LABOR, '2008-11-05', '盘山县公安局');

  // Others in the city, never on a roster: the register is about people, not about guards.
  const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
  const categories = Object.values(RecordCategory);
  const sources = ['兴隆台公安分局', '双台子公安分局', '大洼公安分局', '盘山县公安局', '辽东湾公安分局', '城郊公安分局'];
  for (let i = 0; i < 150; i++) {
    const birth = new Date(Date.UTC(1960 + Math.floor(rnd() * 40), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    const body = `2111${String(1 + Math.floor(rnd() * 6)).padStart(2, '0')}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    const occurred = new Date(Date.UTC(2005 + Math.floor(rnd() * 20), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))).toISOString().slice(0, 10);
    add(withIdCheckDigit(body), surnames[Math.floor(rnd() * surnames.length)] + given[Math.floor(rnd() * given.length)] + given[Math.floor(rnd() * given.length)],
      categories[Math.floor(rnd() * categories.length)], occurred, sources[Math.floor(rnd() * sources.length)]);
  }

  // The city games: roster submitted, partly decided (activity picked by the activities seed).
  const activityId = ids['activity.cityGames'];
  const [activity] = activityId
    ? await m.query(`SELECT id, selected_company_id, guards_required, status FROM activities WHERE id = $1`, [activityId])
    : [];
  let cityGuards: { id: string; id_number: string; name: string }[] = [];
  if (activity?.status === ActivityStatus.COMPANY_SELECTED && activity.selected_company_id) {
    cityGuards = byIdNumber<{ id: string; id_cipher: string; name: string }>(
      await m.query(
        `SELECT id, id_cipher, name FROM guards
          WHERE company_id = $1 AND status = 'ACTIVE' AND certificate_no IS NOT NULL AND education <> 'PRIMARY'
            AND birth_date > (now() - interval '54 years')::date AND birth_date < (now() - interval '19 years')::date
            AND NOT EXISTS (SELECT 1 FROM roster_entries re WHERE re.guard_id = guards.id AND re.state = 'ACTIVE')`,
        [activity.selected_company_id],
      ),
    ).slice(0, activity.guards_required + 4);
    if (cityGuards[1]) add(cityGuards[1].id_number, cityGuards[1].name, RecordCategory.INTENTIONAL_CRIME, '2013-05-20', '兴隆台公安分局', '判处有期徒刑十个月');
    const [rel] = cityGuards[3]
      ? await m.query(`SELECT id_cipher, name_cipher FROM guard_relatives WHERE guard_id = $1 ORDER BY relation LIMIT 1`, [cityGuards[3].id])
      : [];
    if (rel) add(decryptPii(rel.id_cipher), decryptPii(rel.name_cipher), RecordCategory.ADMIN_DETENTION, '2019-04-12', '兴隆台公安分局');
  }

  await m.query(
    `INSERT INTO criminal_records (id_cipher, id_hash, name_cipher, category, occurred_on, source, severity, created_at)
     SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::record_category[], $5::date[], $6::text[], $7::text[], $8::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [records.map((r) => encryptPii(r.idNumber)), records.map((r) => idHash(r.idNumber)), records.map((r) => encryptPii(r.name)),
      records.map((r) => r.category), records.map((r) => r.occurredOn), records.map((r) => r.source), records.map((r) => r.severity),
      records.map((r) => r.createdAt)],
  );

  if (!cityGuards.length) return;
  const ds = m.connection;
  const audit = new AuditService(ds);
  const clock = { now: () => now };
  const notifications = new NotificationsService(ds, audit, [new InAppChannel()], clock);
  const vetting = new VettingService(ds, audit, notifications, new SettingsService(ds, audit), new UnitsService(ds), new ActivityLifecycle(audit, notifications, clock), new RegisterRecordsSource(ds), clock).within(m);

  const actorFor = async (unitId: string, role: Role, fallbackName: string): Promise<Actor> => {
    const [u] = await m.query(
      `SELECT u.id, u.username, u.display_name, n.name AS unit_name, n.kind FROM units n LEFT JOIN users u ON u.unit_id = n.id WHERE n.id = $1 LIMIT 1`,
      [unitId],
    );
    const [anyone] = await m.query(`SELECT id FROM users WHERE username = 'baoan'`);
    return {
      id: u?.id ?? anyone.id, username: u?.username ?? 'demo', displayName: u?.display_name ?? fallbackName, role, unitId,
      unitName: u?.unit_name ?? fallbackName, unitKind: u?.kind ?? UnitKind.COMPANY, district: null,
      companyId: companyIdOf(role, unitId), mustChangePassword: false,
    };
  };
  const company = await actorFor(activity.selected_company_id, Role.COMPANY, '保安服务公司');
  const officer = await actorFor(ids.baoan, Role.SECURITY_DETACHMENT, '保安管理支队');
  const posts = ['1号入口', '2号入口', '3号入口', '4号入口', '看台东', '看台西', '场地', '停车场'];
  await vetting.submitRoster(company, { activityId, guardIds: cityGuards.map((g) => g.id), posts: cityGuards.map((_, i) => posts[i % posts.length]) });
  // 一键通过 as the page does it: bound to whom the confirmation lists (`passableEntries`).
  const passable = await vetting.passableEntries(officer, activityId);
  if (passable.length) await vetting.passAllClean(officer, activityId, passable.map((e) => ({ entryId: e.id, version: e.version })));
  const [own] = await m.query(
    `SELECT re.id FROM roster_entries re WHERE re.activity_id = $1 AND re.guard_id = $2`,
    [activityId, cityGuards[1]?.id],
  );
  if (own) {
    await vetting.decide(officer, {
      entryIds: [own.id],
      decision: VettingDecision.FAILED,
      reasonCategory: VettingReasonCategory.OWN_RECORD,
      note: '本人有故意犯罪刑事处罚记录（2013年），属条例第十七条情形',
    });
  }
}
