/**
 * THE ROUTE REGISTRY — one entry per page, the only place that says who may open what.
 *
 * Where things live (one folder per server module, apps/server/src/modules/<feature>):
 *   src/features/<feature>/operations.ts   its GraphQL documents and fragments (`graphql()` from '@/gql')
 *   src/features/<feature>/components/     the screens' parts; hooks/ their data and state; tests beside
 *   src/pages/<Name>Page.tsx               one per route: reads the route's params, composes components
 *   src/shared/                            page shell, errors, labels, the one date/number formatter
 *
 * To add a page:
 *   1. put its queries and mutations in the feature's `operations.ts` (run `npm run codegen`), its
 *      parts in the feature's `components/`, and write `src/pages/<Name>Page.tsx` with a
 *      default-exported component that composes them;
 *   2. add (or, for a planned place, replace the `planned` import of) one entry below:
 *        {
 *          path: '/companies/:id',            // absolute path
 *          roles: [Role.SECURITY_DETACHMENT], // who may open it; others get the 403 page
 *          title: '公司详情',                   // page title, breadcrumb, menu label
 *          titleByRole: { [Role.COMPANY]: '公司资料' }, // optional per-role wording
 *          menu: { icon: <BankOutlined />, group: '系统管理' }, // omit for pages outside the menu
 *          home: { description: '…' },        // optional: a card on the role's home page
 *          lazy: () => import('@/pages/CompanyPage'),
 *          preload: (client, { params }) => preloadCompany(client, params.id!), // optional, see below
 *        }
 * `preload` is for the pages opened first on a phone's mobile data (the on-site list, the home page,
 * 总览; the on-site screen of one activity has its own root and asks in `features/inspections/earlyOnsite.ts`):
 * it asks for the page's first data with the first load, while the page's code downloads
 * (`pageChunks.ts`), with the same documents and variables as the page's own `useQuery`, which reads
 * them through `usePolicyAfterPreload` (`shared/preload.ts`).
 * Each entry becomes its own lazily loaded chunk, so the first load stays small. The order of the
 * entries is the order of the menu and of the home cards. Hiding a page is presentation only: the
 * API checks the role and the record on every operation.
 */
import type { ApolloClient } from '@apollo/client';
import type { ComponentType, ReactNode } from 'react';
import type { Params } from 'react-router';
import type { MeQuery } from '@/gql/graphql';
// imported, not lazy: a chunk of its own would wait behind the signed-in part's (measured: 1.5 s later)
import { preloadHome, preloadOverview } from '@/features/dashboard/preload';
import { ONSITE_ROLES, preloadOnsiteList } from '@/features/inspections/preload';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Role } from '@evs/schema';
import { ALL_ROLES, canAccess } from '@/shared/access';
import type { Session } from '@/shared/session';

/** Where the first load is going and who is going there: what a page's `preload` may read. */
export interface PreloadAt {
  params: Params;
  search: URLSearchParams;
  me: MeQuery['me'];
}

export interface FeatureRoute {
  path: string;
  roles: readonly Role[];
  title: string;
  titleByRole?: Partial<Record<Role, string>>;
  menu?: { icon: ReactNode; group?: string };
  home?: { description: string; roles?: readonly Role[] };
  /**
   * A further condition on the signed-in user for the menu entry and the home card (`listedFor`),
   * for a page that only some users of a role have a use for. The page itself stays open to `roles`:
   * hiding it is presentation, the API decides what it holds.
   */
  shownWhen?: (me: Session) => boolean;
  lazy: () => Promise<{ default: ComponentType }>;
  /**
   * The page's first data, asked for with the first load (`app/firstLoad.ts`, once Apollo and `me`
   * are in) while the page's code downloads, for the pages opened on a phone's mobile data; the page
   * reads it from the cache.
   */
  preload?: (client: ApolloClient, at: PreloadAt) => Promise<unknown>;
  /**
   * Rendered by a light root of its own (`router.tsx`), not inside the signed-in layout: the on-site
   * screen, opened on a phone's venue mobile data, loads no component library and no menu. The entry
   * still says who may open it (links, `mayOpen`); its root checks the same roles.
   */
  standalone?: true;
}

/** A place a later feature will fill; shows a "being built" page until then. */
export const planned = () => import('@/pages/PlannedPage');

const { ADMIN, AUDITOR, LEADER, OFFICE, SECURITY_DETACHMENT: SD, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER, COMPANY } = Role;
const SYSTEM = '系统管理';
const onsiteList = (training: boolean) => (client: ApolloClient) => preloadOnsiteList(client, training);
/**
 * An organizer's guard register and roster are a 自招保安单位's (SPEC §2): shown to an organizer that
 * keeps a register or has a self-recruited activity not cancelled (`me.keepsGuardRegister`, the rule
 * the server registers guards by), not to every organizer only to be refused on saving.
 */
const keptRegister = (me: Session) => me.role !== ORGANIZER || me.keepsGuardRegister;

export const featureRoutes: FeatureRoute[] = [
  { path: '/', roles: ALL_ROLES, title: '首页', menu: { icon: <HomeOutlined /> }, lazy: () => import('@/pages/HomePage'),
    preload: (client, { me }) => preloadHome(client, me) },

  // 保安管理支队: what waits on it, ordered by deadline
  { path: '/queue', roles: [SD], title: '工作队列', menu: { icon: <OrderedListOutlined /> }, home: { description: '待办事项，按截止时间排序' }, lazy: () => import('@/pages/WorkQueuePage') },

  // 领导小组 and its office
  { path: '/overview', roles: [OFFICE, LEADER], title: '总览', menu: { icon: <DashboardOutlined /> }, home: { description: '全市公司、审核、培训、检查的统计图表' }, lazy: () => import('@/pages/OverviewPage'),
    preload: (client, { search }) => preloadOverview(client, search) },
  { path: '/overview/list', roles: [OFFICE, LEADER], title: '总览明细', lazy: () => import('@/pages/OverviewListPage') },

  // activities (大型活动)
  {
    path: '/activities',
    roles: [OFFICE, LEADER, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER],
    title: '活动',
    titleByRole: { [DISTRICT_BUREAU]: '本辖区活动', [EVENT_DETACHMENT]: '全市活动', [ORGANIZER]: '我的活动' },
    menu: { icon: <CalendarOutlined /> },
    home: { description: '大型活动台账、所处阶段与截止时间' },
    lazy: () => import('@/pages/ActivitiesPage'),
  },
  { path: '/activities/new', roles: [EVENT_DETACHMENT, DISTRICT_BUREAU], title: '登记活动', menu: { icon: <FormOutlined /> }, home: { description: '受理申请后登记并通报大型活动' }, lazy: () => import('@/pages/ActivityFormPage') },
  { path: '/activities/:id', roles: [OFFICE, LEADER, SD, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER, COMPANY], title: '活动详情', lazy: () => import('@/pages/ActivityDetailPage') },
  { path: '/activities/:id/edit', roles: [EVENT_DETACHMENT, DISTRICT_BUREAU], title: '修改活动', lazy: () => import('@/pages/ActivityFormPage') },
  { path: '/approvals', roles: [OFFICE, LEADER], title: '审批', menu: { icon: <FileDoneOutlined /> }, home: { description: '活动请示与领导批示' }, lazy: () => import('@/pages/ApprovalsPage') },
  {
    path: '/supervision',
    roles: [OFFICE, LEADER, SD, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER, COMPANY],
    title: '督办',
    menu: { icon: <AlertOutlined /> },
    home: { description: '逾期事项按责任单位，督办通知与答复', roles: [OFFICE, LEADER] },
    lazy: () => import('@/pages/SupervisionPage'),
  },

  // 保安服务公司: its own data
  { path: '/company/profile', roles: [COMPANY], title: '公司资料', menu: { icon: <BankOutlined /> }, home: { description: '许可证、注册资本、联系人等本公司资料' }, lazy: () => import('@/pages/CompanyProfilePage') },
  { path: '/companies', roles: [SD, OFFICE, LEADER, EVENT_DETACHMENT, DISTRICT_BUREAU], title: '保安服务公司', menu: { icon: <BankOutlined /> }, home: { description: '全市保安服务公司、资质与业绩', roles: [SD] }, lazy: () => import('@/pages/CompaniesPage') },
  { path: '/companies/new', roles: [SD], title: '登记保安服务公司', lazy: () => import('@/pages/CompanyFormPage') },
  { path: '/companies/import', roles: [SD], title: '导入保安服务公司名册', lazy: () => import('@/pages/CompanyImportPage') },
  { path: '/companies/:id', roles: [SD, OFFICE, LEADER, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER], title: '公司详情', lazy: () => import('@/pages/CompanyDetailPage') },
  { path: '/companies/:id/edit', roles: [SD], title: '修改公司登记信息', lazy: () => import('@/pages/CompanyFormPage') },
  { path: '/guards', roles: [COMPANY, ORGANIZER], title: '保安员名册', titleByRole: { [ORGANIZER]: '自招保安员' }, menu: { icon: <IdcardOutlined /> }, home: { description: '本单位保安员登记与批量导入' }, shownWhen: keptRegister, lazy: () => import('@/pages/GuardsPage') },
  { path: '/guards/new', roles: [COMPANY, ORGANIZER, SD], title: '登记保安员', lazy: () => import('@/pages/GuardFormPage') },
  { path: '/guards/:id', roles: [COMPANY, ORGANIZER, SD], title: '保安员', lazy: () => import('@/pages/GuardFormPage') },
  { path: '/assignments', roles: [COMPANY], title: '任务安排', menu: { icon: <ScheduleOutlined /> }, home: { description: '中选的活动与上报的人员名单' }, lazy: () => import('@/pages/AssignmentsPage') },

  // recommendation and selection
  { path: '/candidates', roles: [SD], title: '候选推荐', menu: { icon: <ClusterOutlined /> }, home: { description: '按规模推荐不少于3家候选公司' }, lazy: () => import('@/pages/CandidatesPage') },
  { path: '/candidates/:id', roles: [SD, OFFICE, LEADER], title: '推荐候选', lazy: () => import('@/pages/RecommendPage') },
  { path: '/comparison', roles: [ORGANIZER], title: '候选比选', menu: { icon: <SolutionOutlined /> }, home: { description: '填报报价，逐项比较候选公司并遴选' }, lazy: () => import('@/pages/ComparisonListPage') },
  { path: '/comparison/:id', roles: [ORGANIZER, SD, OFFICE, LEADER, EVENT_DETACHMENT, DISTRICT_BUREAU], title: '候选比选', lazy: () => import('@/pages/ComparisonPage') },

  // vetting (背景审核)
  { path: '/vetting', roles: [SD], title: '背景审核', menu: { icon: <FileSearchOutlined /> }, home: { description: '保安员及直系亲属背景审查与决定' }, lazy: () => import('@/pages/VettingWorkbenchPage') },
  { path: '/roster', roles: [COMPANY, ORGANIZER], title: '名单报送', titleByRole: { [ORGANIZER]: '自招保安员名单' }, menu: { icon: <TeamOutlined /> }, home: { description: '选择或导入保安员，上报名单，替换未通过人员' }, shownWhen: keptRegister, lazy: () => import('@/pages/RosterPage') },
  { path: '/vetting/results', roles: [COMPANY], title: '审核结果', menu: { icon: <CheckSquareOutlined /> }, home: { description: '本公司保安员审核是否通过及原因类别' }, lazy: () => import('@/pages/VettingNoticesPage') },
  { path: '/vetting/notices', roles: [ORGANIZER], title: '审核通报', menu: { icon: <AuditOutlined /> }, home: { description: '审核人数统计与通过人员名单' }, lazy: () => import('@/pages/VettingNoticesPage') },
  { path: '/vetting/notice/:activityId', roles: [SD, OFFICE, LEADER, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER, COMPANY], title: '审核通报', lazy: () => import('@/pages/VettingNoticePage') },

  // training and on-site supervision
  { path: '/training', roles: [SD, COMPANY], title: '岗前培训', titleByRole: { [COMPANY]: '培训安排' }, menu: { icon: <ReadOutlined /> }, home: { description: '集中培训、签到与考核' }, lazy: () => import('@/pages/OnsiteListPage'), preload: onsiteList(true) },
  { path: '/inspections', roles: [SD, COMPANY], title: '现场监管', titleByRole: { [COMPANY]: '现场检查' }, menu: { icon: <AlertOutlined /> }, home: { description: '着装、证件、仪容、履职检查与纠正' }, lazy: () => import('@/pages/OnsiteListPage'), preload: onsiteList(false) },
  { path: '/training/:activityId', roles: [SD, COMPANY, OFFICE, LEADER, EVENT_DETACHMENT], title: '岗前培训', lazy: () => import('@/pages/TrainingPage') },
  { path: '/training/sessions/:sessionId/sheet', roles: [SD, COMPANY, OFFICE, LEADER], title: '签到表', lazy: () => import('@/pages/TrainingSheetPage') },
  // its own light root, outside the signed-in layout (router.tsx, app/onsiteRoot.tsx): no component library on a phone's first screen
  { path: '/inspections/:activityId', roles: ONSITE_ROLES, title: '现场监管', lazy: () => import('@/pages/InspectionPage'), standalone: true },
  { path: '/timeline/:activityId', roles: [SD, OFFICE, LEADER, EVENT_DETACHMENT, DISTRICT_BUREAU, ORGANIZER, COMPANY], title: '活动台账', lazy: () => import('@/pages/TimelinePage') },

  // system
  { path: '/records/import', roles: [SD], title: '记录库导入', menu: { icon: <DatabaseOutlined />, group: SYSTEM }, home: { description: '导入违法犯罪记录，用于背景审查比对' }, lazy: () => import('@/pages/RecordsImportPage') },
  { path: '/settings', roles: [SD], title: '设置', menu: { icon: <SettingOutlined />, group: SYSTEM }, home: { description: '年龄上限、推荐权重、复用期与截止天数' }, lazy: () => import('@/pages/SettingsPage') },
  { path: '/admin/users', roles: [ADMIN], title: '用户与单位', menu: { icon: <TeamOutlined />, group: SYSTEM }, home: { description: '账号、角色与所属单位' }, lazy: () => import('@/pages/UsersAndUnitsPage') },
  { path: '/admin/security', roles: [ADMIN], title: '安全策略', menu: { icon: <SafetyCertificateOutlined />, group: SYSTEM }, home: { description: '密码有效期、各角色两步验证要求' }, lazy: () => import('@/pages/SecuritySettingsPage') },

  // 安全审计员 (三员分立): the audit trail, security events, and the proof that the trail is intact
  { path: '/audit', roles: [AUDITOR, OFFICE, SD], title: '审计日志', menu: { icon: <ProfileOutlined /> }, home: { description: '谁在何时从何处做了什么', roles: [AUDITOR] }, lazy: () => import('@/pages/AuditLogPage') },
  { path: '/audit/security', roles: [AUDITOR], title: '安全事件', menu: { icon: <AlertOutlined /> }, home: { description: '登录失败、账号锁定、越权访问、数据导出' }, lazy: () => import('@/pages/AuditLogPage') },
  { path: '/audit/verify', roles: [AUDITOR], title: '审计链校验', menu: { icon: <SafetyCertificateOutlined /> }, home: { description: '校验审计日志未被修改或删除' }, lazy: () => import('@/pages/AuditChainPage') },
  { path: '/account', roles: ALL_ROLES, title: '账号安全', lazy: () => import('@/pages/AccountSecurityPage') },
  { path: '/notifications', roles: ALL_ROLES, title: '站内通知', lazy: () => import('@/pages/NotificationsPage') },
];

/** Whether `role` may open the route declared as `pattern` (e.g. '/training/:activityId'). */
export function mayOpen(role: Role, pattern: string): boolean {
  const route = featureRoutes.find((r) => r.path === pattern);
  return !!route && canAccess(role, route.roles);
}

/** Whether the route's menu entry or home card (`roles`: the card's) is shown to this user: its roles, then `shownWhen`. */
export function listedFor(route: FeatureRoute, me: Session, roles: readonly Role[] = route.roles): boolean {
  return canAccess(me.role, roles) && (!route.shownWhen || route.shownWhen(me));
}

export function titleFor(route: FeatureRoute, role: Role): string {
  return route.titleByRole?.[role] ?? route.title;
}
