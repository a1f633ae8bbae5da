import { ActivityStatus, District, SecurityMode } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { localDate } from '../../common/calendar';
import { approvedAgeLimits } from '../../modules/activities/activity.derive';
import { ActivityEntity, SecurityPlan } from '../../modules/activities/activity.entity';
import { CandidateEntity } from '../../modules/recommendation/candidate.entity';
import { computeSuggestions } from '../../modules/recommendation/recommendation.service';
import { settingDefinitions, SettingValues } from '../../modules/settings/settings.defaults';
import { NotificationEntity } from '../../modules/notifications/notification.entity';

/**
 * The demo activities: about a dozen Panjin events spread over the six districts and every state
 * up to COMPANY_SELECTED, each with its history (台账). Dates are relative to the day of seeding.
 *
 * To extend the story to later stages (VETTING … CLOSED), a later seed reads the activity ids that
 * this one leaves in `ids` under `activity.<key>` (e.g. `ids['activity.marathon']`, organizer1's
 * activity with company1 selected) and records its own steps with `recordDemoStep`.
 */

export type DemoActivityKey =
  | 'riceFestival'
  | 'lanternFair'
  | 'marathonLiaodongwan'
  | 'harvestFestival'
  | 'artExhibition'
  | 'resortOpening'
  | 'musicFestival'
  | 'portCelebration'
  | 'marathon'
  | 'cityGames'
  | 'lightShow'
  | 'dragonBoat';

interface Step {
  to: ActivityStatus;
  by: string;
  comment: string;
  /** Days before seeding. */
  daysAgo: number;
}

interface DemoActivityPlan {
  key: DemoActivityKey;
  name: string;
  type: string;
  organizerKey?: 'organizer1' | 'organizer2';
  organizerName: string;
  undertakerName?: string;
  venue: string;
  address: string;
  district: District;
  reporter: string;
  /** Days from seeding to the start; the start is at `hour` local time. */
  startInDays: number;
  hour?: number;
  durationHours: number;
  /** Days before the start when the application was received. */
  appliedDaysBefore: number;
  expectedAttendance: number;
  guardsRequired: number;
  securityMode?: SecurityMode;
  contactName: string;
  contactPhone: string;
  ageLimit?: number;
  plan: SecurityPlan;
  steps: Step[];
  approvalNote?: string;
  returnReason?: string;
  cancelReason?: string;
  /**
   * CANDIDATES_RECOMMENDED and later: how many to recommend (fewer than 3 → with a justification), and the quotes
   * entered, by rank (one for every candidate when a company is selected).
   */
  candidates?: { count: number; include?: string; justification?: string; quotes?: number[] };
  /** COMPANY_SELECTED: the company key in `ids` (or the best candidate). */
  select?: { companyKey?: string; reason: string };
  /** REPORTED: 保安管理支队 has already 请示'd (the leader's 批示 is pending). */
  requested?: boolean;
}

/** What the detachment put before the leader (seed step 一), for the demo's 请示. */
const demoAssessment = (p: DemoActivityPlan) => ({
  scale: `预计每场${p.expectedAttendance}人，${p.expectedAttendance > 5000 ? '属市公安局许可' : '属县级公安机关许可'}，场所${p.venue}`,
  staffing: `拟配备保安员${p.guardsRequired}人，${p.plan.posts}`,
  proposedCandidates: 3,
  opinion: null,
  permitTier: p.expectedAttendance < 1000 ? 'NOT_COVERED' : p.expectedAttendance > 5000 ? 'CITY' : 'COUNTY',
  expectedAttendance: p.expectedAttendance,
  guardsRequired: p.guardsRequired,
  suggestedGuards: Math.ceil((p.expectedAttendance / 1000) * 10),
});

const plan = (p: Partial<SecurityPlan> & { posts: string }): SecurityPlan => ({
  identificationMarks: '统一着保安制服，佩戴保安服务标志和工作证，岗位长佩戴红色袖标',
  ticketAndSecurityChecks: '入口设安检门和手持金属探测器，实名验票',
  crowdGuidance: '设单向通道和铁马隔离，高峰时段分批放行',
  emergencyPlan: '设医疗救护点和应急疏散通道，公安、消防、医疗联动',
  ...p,
});

const reportedSteps = (reporter: string, daysAgo: number): Step[] => [
  { to: ActivityStatus.DRAFT, by: reporter, comment: '登记活动', daysAgo: daysAgo + 1 },
  { to: ActivityStatus.REPORTED, by: reporter, comment: '请示通报', daysAgo },
];
const approvedSteps = (reporter: string, daysAgo: number, note: string): Step[] => [
  ...reportedSteps(reporter, daysAgo + 2),
  { to: ActivityStatus.APPROVED, by: 'leader', comment: `批示：${note}`, daysAgo },
];

export const demoActivityPlans: DemoActivityPlan[] = [
  {
    key: 'riceFestival',
    name: '盘山县第十届稻蟹文化节开幕式',
    type: '节庆活动',
    organizerName: '盘山县文化旅游和广播电视局',
    venue: '盘山县文化广场',
    address: '盘锦市盘山县太平街道',
    district: District.PANSHAN,
    reporter: 'panshan',
    startInDays: 38,
    durationHours: 4,
    appliedDaysBefore: 40,
    expectedAttendance: 3000,
    guardsRequired: 30,
    contactName: '高峰',
    contactPhone: '13942710021',
    plan: plan({ posts: '入口安检12人，主舞台周边8人，停车场6人，巡逻4人', venueCapacity: 5000, parking: '文化广场东侧临时停车场，专人引导' }),
    steps: [{ to: ActivityStatus.DRAFT, by: 'panshan', comment: '登记活动', daysAgo: 1 }],
  },
  {
    key: 'lanternFair',
    name: '双台子区迎春灯会',
    type: '灯会',
    organizerName: '双台子区人民政府',
    undertakerName: '双台子区文化馆',
    venue: '双台子区辽河公园',
    address: '盘锦市双台子区双盛街道',
    district: District.SHUANGTAIZI,
    reporter: 'shuangtaizi',
    startInDays: 50,
    hour: 18,
    durationHours: 4,
    appliedDaysBefore: 55,
    expectedAttendance: 6000,
    guardsRequired: 60,
    contactName: '刘洋',
    contactPhone: '13942720033',
    plan: plan({ posts: '三个入口各10人，灯组区域20人，巡逻10人', venueCapacity: 15000, bufferZones: '公园南门外广场作为疏散缓冲区' }),
    steps: [
      ...reportedSteps('shuangtaizi', 3),
      { to: ActivityStatus.DRAFT, by: 'leader', comment: '退回：应急预案未明确夜间照明中断时的疏散方案，请补充', daysAgo: 2 },
    ],
    returnReason: '应急预案未明确夜间照明中断时的疏散方案，请补充',
  },
  {
    key: 'marathonLiaodongwan',
    name: '2026辽东湾滨海半程马拉松',
    type: '体育赛事',
    organizerName: '盘锦市体育局',
    undertakerName: '辽东湾新区管委会',
    venue: '辽东湾新区滨海大道',
    address: '盘锦市辽东湾新区滨海大道（起点：辽东湾体育场）',
    district: District.LIAODONGWAN,
    reporter: 'dahuo',
    startInDays: 45,
    hour: 7,
    durationHours: 5,
    appliedDaysBefore: 50,
    expectedAttendance: 12000,
    guardsRequired: 120,
    contactName: '周成',
    contactPhone: '13942730045',
    plan: plan({ posts: '起终点40人，沿线每公里4人，补给站各2人', parking: '体育场北侧停车场及临时停车区', bufferZones: '起点区设3处缓冲区' }),
    steps: reportedSteps('dahuo', 1),
    requested: true,
  },
  {
    key: 'harvestFestival',
    name: '城郊乡农民丰收节',
    type: '节庆活动',
    organizerName: '盘锦市城郊乡人民政府',
    venue: '城郊乡文体广场',
    address: '盘锦市城郊乡',
    district: District.CHENGJIAO,
    reporter: 'chengjiao',
    startInDays: 12,
    hour: 9,
    durationHours: 6,
    appliedDaysBefore: 13,
    expectedAttendance: 2000,
    guardsRequired: 20,
    contactName: '孙立',
    contactPhone: '13942740057',
    plan: plan({ posts: '入口6人，展销区8人，巡逻6人', venueCapacity: 3000 }),
    steps: reportedSteps('chengjiao', 0),
  },
  {
    key: 'artExhibition',
    name: '辽河美术馆“湿地之美”书画展开幕式',
    type: '展会',
    organizerName: '盘锦市文学艺术界联合会',
    venue: '辽河美术馆',
    address: '盘锦市兴隆台区市府大街',
    district: District.XINGLONGTAI,
    reporter: 'xinglongtai',
    startInDays: 30,
    hour: 9,
    durationHours: 8,
    appliedDaysBefore: 35,
    expectedAttendance: 1500,
    guardsRequired: 20,
    contactName: '吴静',
    contactPhone: '13942750069',
    plan: plan({ posts: '展厅每层4人，入口安检6人，巡逻6人', venueCapacity: 2500 }),
    steps: approvedSteps('xinglongtai', 1, '同意，请保安管理支队按规模推荐候选公司'),
    approvalNote: '同意，请保安管理支队按规模推荐候选公司',
  },
  {
    key: 'resortOpening',
    name: '鼎翔生态旅游度假区开园庆典',
    type: '庆典',
    organizerKey: 'organizer1',
    organizerName: '盘锦红海滩文化旅游发展有限公司',
    undertakerName: '鼎翔生态旅游度假区',
    venue: '鼎翔生态旅游度假区',
    address: '盘锦市大洼区东风镇',
    district: District.DAWA,
    reporter: 'dawa',
    startInDays: 25,
    hour: 10,
    durationHours: 6,
    appliedDaysBefore: 30,
    expectedAttendance: 4000,
    guardsRequired: 40,
    securityMode: SecurityMode.SELF_RECRUITED,
    contactName: '赵敏',
    contactPhone: '13904270001',
    plan: plan({ posts: '度假区自有保安：入口15人，游乐区15人，停车场10人', venueCapacity: 8000, parking: '度假区东、西停车场' }),
    steps: approvedSteps('dawa', 2, '同意。自招保安单位，请主办单位及时报送保安员名单进行背景审核'),
    approvalNote: '同意。自招保安单位，请主办单位及时报送保安员名单进行背景审核',
  },
  {
    key: 'musicFestival',
    name: '红海滩国家风景廊道湿地音乐节',
    type: '演唱会',
    organizerKey: 'organizer1',
    organizerName: '盘锦红海滩文化旅游发展有限公司',
    undertakerName: '辽宁星海演艺有限公司',
    venue: '红海滩国家风景廊道',
    address: '盘锦市大洼区赵圈河镇红海滩国家风景廊道',
    district: District.DAWA,
    reporter: 'dawa',
    startInDays: 33,
    hour: 18,
    durationHours: 5,
    appliedDaysBefore: 40,
    expectedAttendance: 4500,
    guardsRequired: 45,
    contactName: '赵敏',
    contactPhone: '13904270001',
    plan: plan({ posts: '入口安检18人，舞台前区12人，看台通道9人，停车场6人', venueCapacity: 6000, bufferZones: '舞台前设两道隔离带', parking: '景区一号、二号停车场' }),
    steps: [
      ...approvedSteps('dawa', 4, '同意，注意舞台前区人员密度'),
      { to: ActivityStatus.CANDIDATES_RECOMMENDED, by: 'baoan', comment: '推荐候选', daysAgo: 2 },
    ],
    approvalNote: '同意，注意舞台前区人员密度',
    candidates: { count: 3, quotes: [168000] },
  },
  {
    key: 'portCelebration',
    name: '盘锦港开港纪念活动',
    type: '庆典',
    organizerName: '盘锦港集团有限公司',
    venue: '盘锦港客运码头广场',
    address: '盘锦市辽东湾新区盘锦港',
    district: District.LIAODONGWAN,
    reporter: 'liaodongwan',
    startInDays: 28,
    hour: 9,
    durationHours: 3,
    appliedDaysBefore: 32,
    expectedAttendance: 9000,
    guardsRequired: 90,
    contactName: '马骏',
    contactPhone: '13942760071',
    plan: plan({ posts: '码头广场入口30人，主会场40人，水域岸线20人', venueCapacity: 12000 }),
    steps: [
      ...approvedSteps('liaodongwan', 5, '同意'),
      { to: ActivityStatus.CANDIDATES_RECOMMENDED, by: 'baoan', comment: '推荐候选', daysAgo: 3 },
    ],
    approvalNote: '同意',
    candidates: { count: 2, justification: '活动规模大，全市可用保安员满足108人（含富余）的公司仅两家' },
  },
  {
    key: 'marathon',
    name: '2026盘锦红海滩马拉松',
    type: '体育赛事',
    organizerKey: 'organizer1',
    organizerName: '盘锦红海滩文化旅游发展有限公司',
    undertakerName: '盘锦市田径协会',
    venue: '红海滩国家风景廊道',
    address: '盘锦市大洼区红海滩国家风景廊道（起点：红海滩游客中心）',
    district: District.DAWA,
    reporter: 'dawa',
    startInDays: 20,
    hour: 7,
    durationHours: 6,
    appliedDaysBefore: 45,
    expectedAttendance: 3000,
    guardsRequired: 30,
    contactName: '赵敏',
    contactPhone: '13904270001',
    plan: plan({ posts: '起终点12人，沿线每2公里2人，补给站各1人', parking: '游客中心停车场', bufferZones: '起点设检录缓冲区' }),
    steps: [
      ...approvedSteps('dawa', 12, '同意，注意赛道沿线封控'),
      { to: ActivityStatus.CANDIDATES_RECOMMENDED, by: 'baoan', comment: '推荐候选', daysAgo: 9 },
      { to: ActivityStatus.COMPANY_SELECTED, by: 'organizer1', comment: '遴选', daysAgo: 6 },
    ],
    approvalNote: '同意，注意赛道沿线封控',
    candidates: { count: 3, include: 'company1', quotes: [96000, 88000, 102000] },
    select: { companyKey: 'company1', reason: '可用保安员充足，年龄结构年轻，有同规模赛事经验，报价合理' },
  },
  {
    key: 'cityGames',
    name: '盘锦市第十二届运动会开幕式',
    type: '体育赛事',
    organizerKey: 'organizer2',
    organizerName: '盘锦市体育中心',
    venue: '盘锦市体育中心',
    address: '盘锦市兴隆台区泰山路',
    district: District.XINGLONGTAI,
    reporter: 'xinglongtai',
    startInDays: 16,
    hour: 19,
    durationHours: 3,
    appliedDaysBefore: 40,
    expectedAttendance: 4800,
    guardsRequired: 48,
    contactName: '孙强',
    contactPhone: '13904270002',
    plan: plan({ posts: '体育场8个入口各4人，看台16人，场地8人', venueCapacity: 30000, parking: '体育中心南、北停车场' }),
    steps: [
      ...approvedSteps('xinglongtai', 14, '同意'),
      { to: ActivityStatus.CANDIDATES_RECOMMENDED, by: 'baoan', comment: '推荐候选', daysAgo: 11 },
      { to: ActivityStatus.COMPANY_SELECTED, by: 'organizer2', comment: '遴选', daysAgo: 8 },
    ],
    approvalNote: '同意',
    candidates: { count: 3, quotes: [135000, 128000, 140000] },
    select: { reason: '综合得分最高，具备大型体育赛事安保经验' },
  },
  {
    key: 'lightShow',
    name: '兴隆台区辽河文化产业园灯光秀',
    type: '文艺演出',
    organizerName: '盘锦辽河文化产业园管理有限公司',
    venue: '兴隆台区辽河文化产业园',
    address: '盘锦市兴隆台区辽河文化产业园',
    district: District.XINGLONGTAI,
    reporter: 'xinglongtai',
    startInDays: 18,
    hour: 19,
    durationHours: 3,
    appliedDaysBefore: 30,
    expectedAttendance: 2500,
    guardsRequired: 25,
    contactName: '韩冰',
    contactPhone: '13942770083',
    plan: plan({ posts: '观演区10人，入口8人，巡逻7人', venueCapacity: 4000 }),
    steps: [
      ...reportedSteps('xinglongtai', 5),
      { to: ActivityStatus.CANCELLED, by: 'baoan', comment: '取消：主办方因设备调试未完成取消活动', daysAgo: 2 },
    ],
    cancelReason: '主办方因设备调试未完成取消活动',
  },
  {
    key: 'dragonBoat',
    name: '双台子区端午龙舟赛',
    type: '体育赛事',
    organizerName: '双台子区文化旅游和广播电视局',
    venue: '辽河双台子段龙舟赛道',
    address: '盘锦市双台子区辽河沿岸',
    district: District.SHUANGTAIZI,
    reporter: 'shuangtaizi',
    startInDays: 10,
    hour: 9,
    durationHours: 5,
    appliedDaysBefore: 24,
    expectedAttendance: 3500,
    guardsRequired: 35,
    contactName: '刘洋',
    contactPhone: '13942720033',
    plan: plan({ posts: '沿岸观赛区每100米2人，码头6人，救生配合4人', bufferZones: '沿岸设1.5米隔离带' }),
    steps: approvedSteps('shuangtaizi', 3, '同意，水上安全与岸线秩序并重'),
    approvalNote: '同意，水上安全与岸线秩序并重',
  },
];

const DAY = 86_400_000;

function settingDefaults(): SettingValues {
  return Object.fromEntries(Object.entries(settingDefinitions).map(([k, d]) => [k, d.default])) as SettingValues;
}

/** Local wall-clock time (Asia/Shanghai) `days` from `now` at `hour`:00. */
function at(now: Date, days: number, hour: number): Date {
  const date = localDate(new Date(now.getTime() + days * DAY));
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** Records one step of a demo activity's history (for this seed and later stages' seeds). */
export async function recordDemoStep(
  m: EntityManager,
  activityId: string,
  from: ActivityStatus | null,
  step: { to: ActivityStatus; actorId: string; actorName: string; comment: string; at: Date },
): Promise<void> {
  await m.query(
    `INSERT INTO activity_transitions (activity_id, from_status, to_status, actor_id, actor_name, comment, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [activityId, from, step.to, step.actorId, step.actorName, step.comment, step.at],
  );
}

export async function seedDemoActivities(m: EntityManager, ids: Record<string, string>, now = new Date()): Promise<void> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM companies`);
  if (n === 0) return; // no register, no story
  const users: { id: string; username: string; display_name: string; unit_name: string }[] = await m.query(
    `SELECT u.id, u.username, u.display_name, n.name AS unit_name FROM users u JOIN units n ON n.id = u.unit_id`,
  );
  const user = new Map(users.map((u) => [u.username, u]));
  const unitOf = async (username: string) => (await m.query(`SELECT unit_id FROM users WHERE username = $1`, [username]))[0]?.unit_id;
  const settings = settingDefaults();
  const year = localDate(now).slice(0, 4);
  let seq = 0;
  const requests: { reportedStep: Step; requestedAt: Date; answeredAt: Date | null; approved: boolean | null; answer: string | null }[] = [];

  for (const p of demoActivityPlans) {
    const reporter = user.get(p.reporter);
    if (!reporter) continue;
    const startsAt = at(now, p.startInDays, p.hour ?? 9);
    const stepAt = (s: Step) => new Date(now.getTime() - s.daysAgo * DAY - 3 * 3600_000);
    const last = p.steps[p.steps.length - 1];
    const firstAt = stepAt(p.steps[0]);
    const activity = await m.save(
      ActivityEntity,
      m.create(ActivityEntity, {
        code: `${year}-${String(++seq).padStart(4, '0')}`,
        name: p.name,
        type: p.type,
        organizerUnitId: p.organizerKey ? (ids[p.organizerKey] ?? null) : null,
        organizerName: p.organizerName,
        undertakerName: p.undertakerName ?? null,
        venue: p.venue,
        address: p.address,
        district: p.district,
        startsAt,
        endsAt: new Date(startsAt.getTime() + p.durationHours * 3600_000),
        appliedOn: localDate(new Date(startsAt.getTime() - p.appliedDaysBefore * DAY)),
        expectedAttendance: p.expectedAttendance,
        guardsRequired: p.guardsRequired,
        securityMode: p.securityMode ?? SecurityMode.SERVICE_COMPANY,
        contactName: p.contactName,
        contactPhone: p.contactPhone,
        plan: p.plan,
        ageLimit: p.ageLimit ?? null,
        status: ActivityStatus.DRAFT,
        reporterUnitId: await unitOf(p.reporter),
        createdBy: reporter.id,
        approvalNote: p.approvalNote ?? null,
        returnReason: p.returnReason ?? null,
        cancelReason: p.cancelReason ?? null,
        createdAt: firstAt,
      }),
    );
    ids[`activity.${p.key}`] = activity.id;

    const patch: Partial<ActivityEntity> = { status: last.to };
    const reportedStep = [...p.steps].reverse().find((s) => s.to === ActivityStatus.REPORTED);
    if (reportedStep && last.to !== ActivityStatus.DRAFT) patch.reportedAt = stepAt(reportedStep);
    // 请示 (seed step 一): after each 通报 the detachment 请示; the leader's 批示 (or return) answers it.
    const baoanUser = user.get('baoan')!;
    const leaderUser = user.get('leader')!;
    p.steps.forEach((step, i) => {
      if (step.to !== ActivityStatus.REPORTED) return;
      const answer = p.steps[i + 1];
      const reportedAt = stepAt(step);
      if (!answer && !p.requested) return;
      const answeredAt = answer ? stepAt(answer) : null;
      const requestedAt = new Date(answeredAt ? (reportedAt.getTime() + answeredAt.getTime()) / 2 : Math.min(reportedAt.getTime() + 6 * 3600_000, now.getTime() - 3600_000));
      requests.push({ reportedStep: step, requestedAt, answeredAt, approved: answer ? answer.to === ActivityStatus.APPROVED : null, answer: answer ? answer.comment.replace(/^(批示|退回)：/, '') : null });
      if (answer?.to === ActivityStatus.APPROVED) {
        patch.approvedAt = answeredAt;
        patch.approvedBy = leaderUser.id;
        Object.assign(patch, approvedAgeLimits(activity, settings));
        patch.requestedAt = requestedAt;
      } else if (!answer) {
        patch.requestedAt = requestedAt;
      }
    });
    const selectedStep = p.steps.find((s) => s.to === ActivityStatus.COMPANY_SELECTED);
    if (selectedStep) patch.selectedAt = stepAt(selectedStep);
    const comments = new Map<Step, string>();
    if (p.candidates) {
      const recommendedStep = p.steps.find((s) => s.to === ActivityStatus.CANDIDATES_RECOMMENDED)!;
      patch.recommendedAt = stepAt(recommendedStep);
      const suggestions = await computeSuggestions(m, activity, settings);
      const qualified = suggestions.items.filter((i) => i.qualified);
      const include = p.candidates.include ? ids[p.candidates.include] : undefined;
      const chosen = [
        ...qualified.filter((i) => i.companyId === include),
        ...qualified.filter((i) => i.companyId !== include),
      ].slice(0, p.candidates.count);
      chosen.sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
      if (chosen.length < 3) {
        patch.recommendationJustification = p.candidates.justification ?? '符合条件的公司不足3家';
      }
      const baoan = user.get('baoan')!;
      await m.insert(
        CandidateEntity,
        chosen.map((c, i) => ({
          activityId: activity.id,
          companyId: c.companyId,
          rank: i + 1,
          score: c.score.toFixed(2),
          scoreParts: { ...c, rank: i + 1, recommended: true },
          quote: p.candidates!.quotes?.[i] !== undefined ? p.candidates!.quotes[i].toFixed(2) : null,
          quotedAt: p.candidates!.quotes?.[i] !== undefined ? new Date(patch.recommendedAt!.getTime() + DAY) : null,
          recommendedBy: baoan.id,
        })),
      );
      const candidateNames = chosen.map((c) => c.companyName).join('、');
      comments.set(recommendedStep, `推荐候选${chosen.length}家：${candidateNames}${
        patch.recommendationJustification ? `（不足3家说明：${patch.recommendationJustification}）` : ''
      }`);
      if (p.select) {
        // The selection waits for every candidate's quote (recommendation.service select): so does the demo's.
        const unquoted = chosen.filter((_, i) => p.candidates!.quotes?.[i] === undefined);
        if (unquoted.length) throw new Error(`demo activity ${p.key}: selected without a quote for ${unquoted.map((c) => c.companyName).join('、')}`);
        const selected = (p.select.companyKey && chosen.find((c) => c.companyId === ids[p.select!.companyKey!])) || chosen[0];
        patch.selectedCompanyId = selected.companyId;
        patch.selectionReason = p.select.reason;
        const selectStep = p.steps.find((s) => s.to === ActivityStatus.COMPANY_SELECTED)!;
        comments.set(selectStep, `遴选${selected.companyName}：${p.select.reason}`);
      }
    }
    if (last.to === ActivityStatus.REPORTED || last.to === ActivityStatus.APPROVED) {
      // What the inbox of the detachment and the office shows for it.
      const recipients = [ids.baoan, ids.office].filter(Boolean);
      await m.insert(
        NotificationEntity,
        recipients.map((unitId) => ({
          unitId,
          title: `活动通报：${p.name}`,
          body: `${reporter.unit_name}通报大型活动“${p.name}”（${localDate(startsAt)}，${p.venue}，预计${p.expectedAttendance}人，需保安员${p.guardsRequired}人）。`,
          link: `/activities/${activity.id}`,
          activityId: activity.id,
        })),
      );
    }
    for (const r of requests) {
      await m.query(
        `INSERT INTO instruction_requests (activity_id, requested_by, requested_at, assessment, answered_by, answered_at, approved, answer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [activity.id, baoanUser.id, r.requestedAt, demoAssessment(p), r.answeredAt ? leaderUser.id : null, r.answeredAt, r.approved, r.answer],
      );
      if (!r.answeredAt) {
        await m.insert(NotificationEntity, {
          unitId: ids.leading,
          title: `请示：${p.name}`,
          body: `保安管理支队受理活动“${p.name}”的通报，请示领导批示。`,
          link: `/activities/${activity.id}`,
          activityId: activity.id,
        });
      }
    }
    requests.length = 0;
    let from: ActivityStatus | null = null;
    for (const s of p.steps) {
      const actor = user.get(s.by) ?? reporter;
      await recordDemoStep(m, activity.id, from, {
        to: s.to,
        actorId: actor.id,
        actorName: `${actor.display_name}（${actor.unit_name}）`,
        comment: comments.get(s) ?? s.comment,
        at: stepAt(s),
      });
      from = s.to;
    }
    await m.update(ActivityEntity, { id: activity.id }, { ...patch, version: p.steps.length });
  }
}
