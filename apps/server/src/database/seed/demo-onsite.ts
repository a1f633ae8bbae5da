import { ActivityStatus, District, InspectionItem, SecurityMode } from '@evs/schema';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { decryptPii } from '../../common/pii';
import { localDate } from '../../common/calendar';
import { approvedAgeLimits } from '../../modules/activities/activity.derive';
import { ActivityEntity } from '../../modules/activities/activity.entity';
import { CandidateEntity } from '../../modules/recommendation/candidate.entity';
import { computeSuggestions } from '../../modules/recommendation/recommendation.service';
import { settingDefinitions, SettingValues } from '../../modules/settings/settings.defaults';
import { recordDemoStep } from './demo-activities';

/** A registered guard photo of the demo (a 1×1 PNG, as uploaded: a data URL). */
const DEMO_PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * The later stages of the demo story (SPEC §2 steps 6–8), so every state exists on fresh demo data,
 * on the calendar the rules enforce: two activities in TRAINING waiting for their first session (one
 * starts within a day, so it can be started once ready), one READY a few days ahead (too early to
 * start), one IN_PROGRESS that has ended and waits for its 总结, with findings (some corrected), and
 * one CLOSED with its evaluation — each with its whole history (台账). Dates are relative to seeding.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Stage = 'TRAINING' | 'READY' | 'IN_PROGRESS' | 'CLOSED';

interface OnsitePlan {
  key: string;
  name: string;
  type: string;
  organizerKey?: 'organizer1' | 'organizer2';
  organizerName: string;
  venue: string;
  address: string;
  district: District;
  reporter: string;
  companyKey: string;
  /** Hours from seeding to the start (negative: already started). */
  startInHours: number;
  durationHours: number;
  expectedAttendance: number;
  guardsRequired: number;
  stage: Stage;
  posts: string[];
  /** Findings on the day: [guard index, item, note, corrected?]. */
  findings?: [number, InspectionItem, string, string | null][];
  /** A person on duty who was never vetted. */
  unvetted?: { name: string; post: string; correction: string | null };
  evaluation?: { rating: number; text: string };
}

export const demoOnsitePlans: OnsitePlan[] = [
  {
    key: 'danceShow',
    name: '兴隆台区社区广场舞展演',
    type: '文艺演出',
    organizerKey: 'organizer2',
    organizerName: '盘锦市体育中心',
    venue: '盘锦市体育中心北广场',
    address: '盘锦市兴隆台区市府大街',
    district: District.XINGLONGTAI,
    reporter: 'xinglongtai',
    companyKey: 'company1',
    // On the event day already: trained now, it can be started at once (within 24 h of the start).
    startInHours: 20,
    durationHours: 3,
    expectedAttendance: 1500,
    guardsRequired: 6,
    stage: 'TRAINING',
    posts: ['北入口', '南入口', '舞台前区', '观众区', '停车场', '巡逻'],
  },
  {
    key: 'fitnessDay',
    name: '全民健身日太极拳展示活动',
    type: '体育赛事',
    organizerKey: 'organizer2',
    organizerName: '盘锦市体育中心',
    venue: '盘锦市体育中心西广场',
    address: '盘锦市兴隆台区市府大街',
    district: District.XINGLONGTAI,
    reporter: 'xinglongtai',
    companyKey: 'company2',
    startInHours: 4 * 24 + 9,
    durationHours: 3,
    expectedAttendance: 1200,
    guardsRequired: 4,
    stage: 'TRAINING',
    posts: ['东入口', '西入口', '展示区', '巡逻'],
  },
  {
    key: 'youthFootball',
    name: '盘锦市青少年足球邀请赛',
    type: '体育赛事',
    organizerKey: 'organizer2',
    organizerName: '盘锦市体育中心',
    venue: '盘锦市体育中心体育场',
    address: '盘锦市兴隆台区市府大街',
    district: District.XINGLONGTAI,
    reporter: 'dahuo',
    companyKey: 'company2',
    startInHours: 2 * 24 + 9,
    durationHours: 8,
    expectedAttendance: 4000,
    guardsRequired: 8,
    stage: 'READY',
    posts: ['东门安检', '东门安检', '西门安检', '西门安检', '看台A区', '看台B区', '球员通道', '巡逻'],
  },
  {
    key: 'wetlandConcert',
    name: '红海滩湿地音乐会',
    type: '演唱会',
    organizerKey: 'organizer1',
    organizerName: '盘锦红海滩文化旅游发展有限公司',
    venue: '红海滩国家风景廊道音乐广场',
    address: '盘锦市大洼区赵圈河镇',
    district: District.DAWA,
    reporter: 'dawa',
    companyKey: 'company2',
    // Ended two hours ago: the 总结 is due.
    startInHours: -7,
    durationHours: 5,
    expectedAttendance: 3000,
    guardsRequired: 10,
    stage: 'IN_PROGRESS',
    posts: ['一号入口安检', '一号入口安检', '二号入口安检', '二号入口安检', '舞台前区', '舞台前区', '观众区', '观众区', '停车场', '巡逻'],
    findings: [
      [0, InspectionItem.UNIFORM, '未佩戴保安服务标志', '已当场佩戴保安服务标志'],
      [4, InspectionItem.CERTIFICATE, '未随身携带保安员证', null],
      [6, InspectionItem.BEARING, '倚靠铁马，站姿松散', null],
    ],
    unvetted: { name: '王某（临时帮工，无保安员证）', post: '停车场', correction: '已责令离岗，由在岗名单人员替换' },
  },
  {
    key: 'springGala',
    name: '盘锦市迎新春文艺晚会',
    type: '文艺演出',
    organizerName: '盘锦市文化旅游和广播电视局',
    venue: '盘锦市大剧院',
    address: '盘锦市兴隆台区泰山路',
    district: District.XINGLONGTAI,
    reporter: 'xinglongtai',
    companyKey: 'company1',
    startInHours: -25 * 24 + 19,
    durationHours: 3,
    expectedAttendance: 1800,
    guardsRequired: 8,
    stage: 'CLOSED',
    posts: ['正门安检', '正门安检', '侧门', '一楼观众厅', '二楼观众厅', '后台通道', '停车场', '巡逻'],
    findings: [
      [2, InspectionItem.UNIFORM, '制服与便装混穿', '已更换统一制服'],
      [5, InspectionItem.DUTY, '短暂脱岗', '已返回岗位，班长已提醒'],
    ],
    evaluation: { rating: 4, text: '人员到岗及时，安检有序；个别人员着装、在岗纪律问题当场纠正。' },
  },
];

const ORDER: ActivityStatus[] = [
  ActivityStatus.DRAFT,
  ActivityStatus.REPORTED,
  ActivityStatus.APPROVED,
  ActivityStatus.CANDIDATES_RECOMMENDED,
  ActivityStatus.COMPANY_SELECTED,
  ActivityStatus.VETTING,
  ActivityStatus.TRAINING,
  ActivityStatus.READY,
  ActivityStatus.IN_PROGRESS,
  ActivityStatus.CLOSED,
];

function settingDefaults(): SettingValues {
  return Object.fromEntries(Object.entries(settingDefinitions).map(([k, d]) => [k, d.default])) as SettingValues;
}

export async function seedDemoOnsite(m: EntityManager, ids: Record<string, string>, now = new Date()): Promise<void> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM companies`);
  if (n === 0) return;
  const users: { id: string; username: string; display_name: string; unit_name: string; unit_id: string }[] = await m.query(
    `SELECT u.id, u.username, u.display_name, n.name AS unit_name, u.unit_id FROM users u JOIN units n ON n.id = u.unit_id`,
  );
  const user = new Map(users.map((u) => [u.username, u]));
  const baoan = user.get('baoan');
  if (!baoan) return;
  const settings = settingDefaults();
  const year = localDate(now).slice(0, 4);
  const [{ max }] = await m.query(`SELECT count(*)::int AS max FROM activities`);
  let seq = max + 100;

  for (const p of demoOnsitePlans) {
    const companyId = ids[p.companyKey];
    const reporter = user.get(p.reporter);
    if (!companyId || !reporter) continue;
    const startsAt = new Date(Math.round((now.getTime() + p.startInHours * HOUR) / HOUR) * HOUR);
    const endsAt = new Date(startsAt.getTime() + p.durationHours * HOUR);
    // The story's clock: each step some days before the start (never in the future).
    const before = (days: number) => new Date(Math.min(startsAt.getTime() - days * DAY, now.getTime() - HOUR));
    const targetIndex = ORDER.indexOf(p.stage as ActivityStatus);
    const requestedAt = before(30);
    const stepTimes: Partial<Record<ActivityStatus, Date>> = {
      [ActivityStatus.DRAFT]: before(32),
      [ActivityStatus.REPORTED]: before(31),
      [ActivityStatus.APPROVED]: before(29),
      [ActivityStatus.CANDIDATES_RECOMMENDED]: before(24),
      [ActivityStatus.COMPANY_SELECTED]: before(20),
      [ActivityStatus.VETTING]: before(18),
      [ActivityStatus.TRAINING]: before(8),
      [ActivityStatus.READY]: before(4),
      [ActivityStatus.IN_PROGRESS]: new Date(Math.min(startsAt.getTime(), now.getTime())),
      [ActivityStatus.CLOSED]: new Date(endsAt.getTime() + 2 * HOUR),
    };
    const activity = await m.save(
      ActivityEntity,
      m.create(ActivityEntity, {
        code: `${year}-${String(++seq).padStart(4, '0')}`,
        name: p.name,
        type: p.type,
        organizerUnitId: p.organizerKey ? (ids[p.organizerKey] ?? null) : null,
        organizerName: p.organizerName,
        venue: p.venue,
        address: p.address,
        district: p.district,
        startsAt,
        endsAt,
        appliedOn: localDate(new Date(startsAt.getTime() - 35 * DAY)),
        expectedAttendance: p.expectedAttendance,
        guardsRequired: p.guardsRequired,
        securityMode: SecurityMode.SERVICE_COMPANY,
        contactName: '陈静',
        contactPhone: '13942750066',
        plan: { posts: p.posts.join('，'), identificationMarks: '统一着保安制服，佩戴保安服务标志', emergencyPlan: '设医疗点和应急疏散通道' },
        status: ActivityStatus.DRAFT,
        reporterUnitId: reporter.unit_id,
        createdBy: reporter.id,
        createdAt: stepTimes[ActivityStatus.DRAFT],
      }),
    );
    ids[`activity.${p.key}`] = activity.id;

    // 推荐 and 遴选: the selected company among the best qualified candidates.
    let candidateNames = '';
    try {
      const suggestions = await computeSuggestions(m, activity, settings);
      const qualified = suggestions.items.filter((i) => i.qualified);
      const chosen = [...qualified.filter((i) => i.companyId === companyId), ...qualified.filter((i) => i.companyId !== companyId)].slice(0, 3);
      chosen.sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
      if (chosen.length) {
        // Every candidate quoted before the selection (which waits for them), the chosen company lowest ("报价较优").
        const recommendedAt = stepTimes[ActivityStatus.CANDIDATES_RECOMMENDED]!;
        const quotedAt = new Date((recommendedAt.getTime() + stepTimes[ActivityStatus.COMPANY_SELECTED]!.getTime()) / 2);
        const others = chosen.map((c) => c.companyId).filter((id) => id !== companyId);
        const quote = (id: string) => {
          const factor = id === companyId ? 1 : 1.08 + 0.06 * others.indexOf(id);
          return (Math.round((p.guardsRequired * 3200 * factor) / 100) * 100).toFixed(2);
        };
        await m.insert(
          CandidateEntity,
          chosen.map((c, i) => ({
            activityId: activity.id,
            companyId: c.companyId,
            rank: i + 1,
            score: c.score.toFixed(2),
            scoreParts: { ...c, rank: i + 1, recommended: true },
            quote: quote(c.companyId),
            quoteNote: null,
            quotedAt,
            recommendedBy: baoan.id,
            createdAt: recommendedAt,
          })),
        );
        candidateNames = chosen.map((c) => c.companyName).join('、');
      }
    } catch {
      candidateNames = '';
    }
    const [{ name: companyName }] = await m.query(`SELECT name FROM companies WHERE id = $1`, [companyId]);

    // Roster: the company's eligible guards not on another active roster; one failed and removed.
    const eligible: { id: string; name: string; id_cipher: string }[] = await m.query(
      `SELECT g.id, g.name, g.id_cipher FROM guards g
        WHERE g.company_id = $1 AND g.status = 'ACTIVE' AND g.certificate_no IS NOT NULL
          AND g.birth_date > (now() - interval '50 years')::date AND g.birth_date < (now() - interval '20 years')::date
          AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.guard_id = g.id AND r.state = 'ACTIVE')
          -- relatives declared (both parents, or a statement): a cleared guard has them
          AND (g.relatives_statement IS NOT NULL
               OR (SELECT count(DISTINCT relation) FROM guard_relatives gr WHERE gr.guard_id = g.id AND gr.relation IN ('FATHER', 'MOTHER')) = 2)`,
      [companyId],
    );
    // In descending ID-number order (stored encrypted: ordered once decrypted).
    const guards = eligible
      .map((g) => ({ id: g.id, name: g.name, idNumber: decryptPii(g.id_cipher) }))
      .sort((a, b) => (a.idNumber < b.idNumber ? 1 : a.idNumber > b.idNumber ? -1 : 0))
      .slice(0, p.guardsRequired + 1);
    if (guards.length < p.guardsRequired + 1) continue;
    const decidedAt = new Date(stepTimes[ActivityStatus.VETTING]!.getTime() + 2 * DAY);
    // A registered photo for the first cleared guard (the on-site identity check shows it), set before
    // the roster is open: a photo is locked while it is (migration CredentialLock).
    await m.query(`UPDATE guards SET photo = $2 WHERE id = $1`, [guards[1].id, DEMO_PHOTO]);
    const [failed] = await m.query(
      `INSERT INTO roster_entries (activity_id, guard_id, company_id, state, suggestion, decision, reason_category, decision_note,
                                   decided_by, decided_at, checked_at, created_at)
       VALUES ($1, $2, $3, 'REMOVED', 'FAILED', 'FAILED', 'OWN_RECORD', '本人有行政拘留记录（演示数据）', $4, $5, $5, $6) RETURNING id`,
      [activity.id, guards[0].id, companyId, baoan.id, decidedAt, stepTimes[ActivityStatus.VETTING]],
    );
    const entries: { id: string; guardId: string; name: string }[] = [];
    for (const [i, g] of guards.slice(1).entries()) {
      const [row] = await m.query(
        `INSERT INTO roster_entries (activity_id, guard_id, company_id, suggestion, decision, reason_category, decided_by, decided_at,
                                     checked_at, replaces_entry_id, post, created_at, identity_hash)
         VALUES ($1, $2, $3, 'PASSED', 'PASSED', 'CLEAR', $4, $5, $5, $6, $7, $8, guard_identity_hash($2)) RETURNING id`,
        [
          activity.id, g.id, companyId, baoan.id, decidedAt, i === 0 ? failed.id : null,
          targetIndex >= ORDER.indexOf(ActivityStatus.READY) ? p.posts[i] ?? null : null,
          stepTimes[ActivityStatus.VETTING],
        ],
      );
      entries.push({ id: row.id, guardId: g.id, name: g.name });
    }

    // Training: a session for all, one guard absent, a make-up session for them.
    if (targetIndex >= ORDER.indexOf(ActivityStatus.READY)) {
      const trainedAt = new Date(stepTimes[ActivityStatus.TRAINING]!.getTime() + DAY);
      const [main] = await m.query(
        `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, is_makeup, created_by, created_at, pass_score)
         VALUES ($1, $2, '盘锦市公安局警务训练基地', '王建国', '{LAWS,DUTY_SKILLS,EMERGENCY}', 6, false, $3, $4, $5) RETURNING id`,
        [activity.id, trainedAt, baoan.id, stepTimes[ActivityStatus.TRAINING], settings['training.passScore']],
      );
      const absent = entries[entries.length - 1];
      for (const [i, e] of entries.entries()) {
        const present = e !== absent;
        await m.query(
          `INSERT INTO training_attendance (session_id, roster_entry_id, attended, scores, passed, passed_topics, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $3, CASE WHEN $3 THEN '{LAWS,DUTY_SKILLS,EMERGENCY}'::training_topic[] ELSE '{}' END, $5, $6)`,
          [main.id, e.id, present, present ? { LAWS: 82 + (i % 5) * 3, DUTY_SKILLS: 78 + (i % 4) * 4, EMERGENCY: 80 + (i % 3) * 5 } : {}, baoan.id, new Date(trainedAt.getTime() + 5 * HOUR)],
        );
      }
      const makeupAt = new Date(trainedAt.getTime() + 2 * DAY);
      const [makeup] = await m.query(
        `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, is_makeup, created_by, created_at, pass_score)
         VALUES ($1, $2, '盘锦市公安局警务训练基地', '王建国', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, true, $3, $4, $5) RETURNING id`,
        [activity.id, makeupAt, baoan.id, new Date(trainedAt.getTime() + 6 * HOUR), settings['training.passScore']],
      );
      await m.query(
        `INSERT INTO training_attendance (session_id, roster_entry_id, attended, scores, passed, passed_topics, recorded_by, recorded_at)
         VALUES ($1, $2, true, '{"LAWS": 85, "DUTY_SKILLS": 80, "EMERGENCY": 88}', true, '{LAWS,DUTY_SKILLS,EMERGENCY}', $3, $4)`,
        [makeup.id, absent.id, baoan.id, new Date(makeupAt.getTime() + 4 * HOUR)],
      );
      stepTimes[ActivityStatus.READY] = new Date(makeupAt.getTime() + 4 * HOUR);
    }

    // On the day: inspections of every post, findings, corrections.
    if (targetIndex >= ORDER.indexOf(ActivityStatus.IN_PROGRESS)) {
      const inspectAt = (i: number) => new Date(Math.min(startsAt.getTime() + (20 + i * 7) * 60_000, now.getTime() - 5 * 60_000));
      const findingsByGuard = new Map((p.findings ?? []).map((f) => [f[0], f]));
      for (const [i, e] of entries.entries()) {
        const f = findingsByGuard.get(i);
        const results = Object.fromEntries(
          [InspectionItem.UNIFORM, InspectionItem.CERTIFICATE, InspectionItem.BEARING, InspectionItem.DUTY, InspectionItem.FORBIDDEN_ACT].map((item) => [item, item !== f?.[1]]),
        );
        const inspectionId = randomUUID();
        const when = inspectAt(i);
        await m.query(
          // the guard's name, certificate and area kept as found, as a check records them
          `INSERT INTO inspections (id, activity_id, guard_id, roster_entry_id, post, results, note, recorded_by, recorded_at, received_at,
                                    guard_name, certificate_no, area)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $9, g.name, g.certificate_no, re.area
             FROM guards g JOIN roster_entries re ON re.id = $4 WHERE g.id = $3`,
          [inspectionId, activity.id, e.guardId, e.id, p.posts[i] ?? null, results, f?.[2] ?? null, baoan.id, when],
        );
        if (f) {
          const correctedAt = f[3] ? new Date(Math.min(when.getTime() + 15 * 60_000, now.getTime() - 60_000)) : null;
          await m.query(
            `INSERT INTO findings (inspection_id, activity_id, company_id, guard_id, item, serious, note, recorded_by, recorded_at,
                                   corrected_at, corrected_by, correction_note)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [inspectionId, activity.id, companyId, e.guardId, f[1], f[1] === InspectionItem.FORBIDDEN_ACT, f[2], baoan.id, when,
              correctedAt, correctedAt ? baoan.id : null, f[3]],
          );
        }
      }
      if (p.unvetted) {
        const inspectionId = randomUUID();
        const when = inspectAt(entries.length);
        await m.query(
          `INSERT INTO inspections (id, activity_id, person_name, post, results, note, recorded_by, recorded_at, received_at)
           VALUES ($1, $2, $3, $4, '{}', '在岗人员不在在岗名单中', $5, $6, $6)`,
          [inspectionId, activity.id, p.unvetted.name, p.unvetted.post, baoan.id, when],
        );
        const correctedAt = p.unvetted.correction ? new Date(Math.min(when.getTime() + 10 * 60_000, now.getTime() - 60_000)) : null;
        await m.query(
          `INSERT INTO findings (inspection_id, activity_id, company_id, item, serious, note, recorded_by, recorded_at,
                                 corrected_at, corrected_by, correction_note)
           VALUES ($1, $2, $3, 'UNVETTED_ON_DUTY', true, $4, $5, $6, $7, $8, $9)`,
          [inspectionId, activity.id, companyId, `${p.unvetted.name}不在在岗名单中（未经审查人员上岗）`, baoan.id, when,
            correctedAt, correctedAt ? baoan.id : null, p.unvetted.correction],
        );
      }
    }

    // The history (台账), one transition per step up to the stage.
    const comments: Partial<Record<ActivityStatus, [string, string]>> = {
      [ActivityStatus.DRAFT]: [p.reporter, '登记活动'],
      [ActivityStatus.REPORTED]: [p.reporter, '请示通报'],
      [ActivityStatus.APPROVED]: ['leader', '批示：同意，请保安管理支队按程序推荐候选公司并做好人员审查'],
      [ActivityStatus.CANDIDATES_RECOMMENDED]: ['baoan', `推荐候选${candidateNames ? `：${candidateNames}` : '公司'}`],
      [ActivityStatus.COMPANY_SELECTED]: [p.organizerKey ?? 'baoan', `遴选${companyName}：综合得分与报价均较优`],
      [ActivityStatus.VETTING]: [p.companyKey, `报送保安员名单${entries.length + 1}人`],
      [ActivityStatus.TRAINING]: ['baoan', `背景审核结束：通过${entries.length}人，不通过1人（已替换）`],
      [ActivityStatus.READY]: ['baoan', `在岗名单${entries.length}人，已达到所需${p.guardsRequired}人`],
      [ActivityStatus.IN_PROGRESS]: ['baoan', '活动开始，现场监管'],
      [ActivityStatus.CLOSED]: ['baoan', p.evaluation ? `总结评价${p.evaluation.rating}分：${p.evaluation.text}` : '活动总结'],
    };
    let from: ActivityStatus | null = null;
    for (const to of ORDER.slice(0, targetIndex + 1)) {
      const [by, comment] = comments[to]!;
      const actor = user.get(by) ?? baoan;
      await recordDemoStep(m, activity.id, from, { to, actorId: actor.id, actorName: `${actor.display_name}（${actor.unit_name}）`, comment, at: stepTimes[to]! });
      from = to;
    }
    const leader = user.get('leader') ?? baoan;
    await m.query(
      `INSERT INTO instruction_requests (activity_id, requested_by, requested_at, assessment, answered_by, answered_at, approved, answer)
       VALUES ($1, $2, $3, $4, $5, $6, true, '同意，请保安管理支队按程序推荐候选公司并做好人员审查')`,
      [activity.id, baoan.id, requestedAt, {
        scale: `预计${p.expectedAttendance}人，${p.venue}`, staffing: `拟配备保安员${p.guardsRequired}人：${p.posts.join('、')}`, proposedCandidates: 3,
        opinion: null, permitTier: 'COUNTY', expectedAttendance: p.expectedAttendance, guardsRequired: p.guardsRequired,
        suggestedGuards: Math.ceil(p.expectedAttendance / 100),
      }, leader.id, stepTimes[ActivityStatus.APPROVED]],
    );
    await m.update(ActivityEntity, { id: activity.id }, {
      status: p.stage as ActivityStatus,
      selectedCompanyId: companyId,
      selectionReason: '综合得分与报价均较优',
      reportedAt: stepTimes[ActivityStatus.REPORTED],
      requestedAt,
      approvedAt: stepTimes[ActivityStatus.APPROVED],
      approvedBy: leader.id,
      ...approvedAgeLimits(activity, settings),
      recommendedAt: stepTimes[ActivityStatus.CANDIDATES_RECOMMENDED],
      selectedAt: stepTimes[ActivityStatus.COMPANY_SELECTED],
      rosterSubmittedAt: stepTimes[ActivityStatus.VETTING],
      startedAt: targetIndex >= ORDER.indexOf(ActivityStatus.IN_PROGRESS) ? stepTimes[ActivityStatus.IN_PROGRESS] : null,
      vettingClosedAt: stepTimes[ActivityStatus.TRAINING],
      readyAt: targetIndex >= ORDER.indexOf(ActivityStatus.READY) ? stepTimes[ActivityStatus.READY] : null,
      closedAt: p.stage === 'CLOSED' ? stepTimes[ActivityStatus.CLOSED] : null,
      evaluationRating: p.evaluation?.rating ?? null,
      evaluationText: p.evaluation?.text ?? null,
      version: targetIndex + 1,
    });
  }
}
