import { roleLabels } from '../../packages/schema/src/labels';
import { Role } from '../../packages/schema/src/enums';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoAccount {
  username: string;
  role: Role;
  /** The side menu, in order, as the role must see it. */
  menu: string[];
  /** Home cards the role must see (in order). */
  places: string[];
  /** Seeded by another feature; tests mark themselves fixme while the account is missing. */
  maybeMissing?: boolean;
}

const district = (username: string): DemoAccount => ({
  username,
  role: Role.DISTRICT_BUREAU,
  menu: ['首页', '本辖区活动', '登记活动', '保安服务公司'],
  places: ['本辖区活动', '登记活动'],
});
const company = (username: string): DemoAccount => ({
  username,
  role: Role.COMPANY,
  menu: ['首页', '公司资料', '保安员名册', '任务安排', '审核结果', '培训安排', '现场检查'],
  places: ['公司资料', '保安员名册', '任务安排', '审核结果', '培训安排', '现场检查'],
  maybeMissing: true,
});
const organizer = (username: string): DemoAccount => ({
  username,
  role: Role.ORGANIZER,
  menu: ['首页', '我的活动', '候选比选', '审核通报'],
  places: ['我的活动', '候选比选', '审核通报'],
});

export const accounts: DemoAccount[] = [
  { username: 'admin', role: Role.ADMIN, menu: ['首页', '用户与单位', '安全策略'], places: ['用户与单位', '安全策略'] },
  { username: 'auditor', role: Role.AUDITOR, menu: ['首页', '审计日志', '安全事件', '审计链校验'], places: ['审计日志', '安全事件', '审计链校验'] },
  { username: 'leader', role: Role.LEADER, menu: ['首页', '总览', '活动', '审批', '保安服务公司'], places: ['总览', '活动', '审批'] },
  { username: 'office', role: Role.OFFICE, menu: ['首页', '总览', '活动', '审批', '保安服务公司', '审计日志'], places: ['总览', '活动', '审批'] },
  {
    username: 'baoan',
    role: Role.SECURITY_DETACHMENT,
    menu: ['首页', '工作队列', '保安服务公司', '候选推荐', '背景审核', '岗前培训', '现场监管', '记录库导入', '设置', '审计日志'],
    places: ['工作队列', '保安服务公司', '候选推荐', '背景审核', '岗前培训', '现场监管', '记录库导入', '设置'],
  },
  { username: 'dahuo', role: Role.EVENT_DETACHMENT, menu: ['首页', '全市活动', '登记活动', '保安服务公司'], places: ['全市活动', '登记活动'] },
  ...['panshan', 'shuangtaizi', 'xinglongtai', 'dawa', 'liaodongwan', 'chengjiao'].map(district),
  company('company1'),
  company('company2'),
  organizer('organizer1'),
  organizer('organizer2'),
];

export const account = (username: string) => accounts.find((a) => a.username === username)!;

/**
 * Checks a role's menu (or home cards): every expected item, in order, and none of the items that
 * belong to other roles only. Items added later by new features pass until listed here.
 */
export function menuProblems(actual: string[], expected: string[], key: 'menu' | 'places' = 'menu'): string[] {
  const problems: string[] = [];
  let at = 0;
  for (const item of expected) {
    const found = actual.indexOf(item, at);
    if (found < 0) problems.push(`missing or out of order: ${item}`);
    else at = found + 1;
  }
  const othersOnly = new Set(accounts.flatMap((a) => a[key]).filter((item) => !expected.includes(item)));
  for (const item of actual) if (othersOnly.has(item)) problems.push(`belongs to another role: ${item}`);
  return problems;
}

export { roleLabels, Role };
