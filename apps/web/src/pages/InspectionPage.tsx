import { useMutation, useQuery } from '@apollo/client/react';
import { CameraOutlined, CheckCircleFilled, CloudUploadOutlined, ExclamationCircleFilled, SearchOutlined, UserAddOutlined, WifiOutlined } from '@ant-design/icons';
import { App, Alert, Avatar, Badge, Button, DatePicker, Drawer, Empty, Flex, Form, Input, Modal, Radio, Rate, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { inspectionItemLabels, Role } from '@evs/schema';
import type { ActivityFindingsQuery as FindingsResult, OnDutyRosterQuery, OnsiteActivityQuery as OnsiteActivityResult } from '@/gql/graphql';
import { CloseActivityMutation, CorrectFindingMutation, FindingsQuery, OnDutyRosterQuery as RosterQuery, OnsiteActivityQuery, StartActivityMutation } from '@/features/inspections/operations';
import { keepForOffline, keptForOffline } from '@/features/inspections/offlineQueue';
import { photoToDataUrl } from '@/features/inspections/photo';
import { useOutbox } from '@/features/inspections/hooks/useOutbox';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { errorMessage, isTransient } from '@/shared/errors';
import { useRole } from '@/shared/session';
import '@/features/inspections/onsite.css';
import { formatDateTime } from '@/shared/format';

type Guard = OnDutyRosterQuery['onDutyRoster'][number];
type Finding = FindingsResult['findings']['items'][number];
type ItemKey = 'UNIFORM' | 'CERTIFICATE' | 'BEARING' | 'DUTY' | 'FORBIDDEN_ACT';

/** The checklist (SPEC §2 step 7), with what each item means on the ground. */
const CHECKLIST: { item: ItemKey; hint: string }[] = [
  { item: 'UNIFORM', hint: '统一制服，佩戴保安服务标志，无混穿、不整' },
  { item: 'CERTIFICATE', hint: '随身携带保安员证' },
  { item: 'BEARING', hint: '仪容整洁，站姿端正' },
  { item: 'DUTY', hint: '在岗在位，履行分配的任务' },
  { item: 'FORBIDDEN_ACT', hint: '无搜查他人身体、扣押证件财物、侮辱殴打他人等行为' },
];


/** The roster grouped by post, posts in order, people without a post last. */
function groupByPost(guards: Guard[]): { post: string | null; people: Guard[] }[] {
  const groups = new Map<string | null, Guard[]>();
  for (const g of guards) groups.set(g.post ?? null, [...(groups.get(g.post ?? null) ?? []), g]);
  return [...groups.entries()]
    .sort(([x], [y]) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y, 'zh-CN')))
    .map(([post, people]) => ({ post, people }));
}
const newId = () => crypto.randomUUID();

function GuardAvatar({ name, photo, size = 52 }: { name: string; photo?: string | null; size?: number }) {
  return photo ? <Avatar size={size} src={photo} /> : <Avatar size={size} style={{ background: '#1f4e99', fontSize: size / 2.6 }}>{name.slice(0, 1)}</Avatar>;
}

interface CheckForm {
  results: Record<ItemKey, boolean>;
  note?: string;
  post?: string;
  personName?: string;
}

/**
 * 现场监管 on a phone (360 px): the on-duty roster with photo and post, search by name or 保安员证
 * number, one checklist per guard, findings with their correction. Recordings go through the
 * device's outbox, so the screen keeps working in a dead zone and sends when the connection returns.
 */
export default function InspectionPage() {
  const { activityId = '' } = useParams();
  const role = useRole();
  const officer = role === Role.SECURITY_DETACHMENT;
  const { message } = App.useApp();
  const [tab, setTab] = useState<'roster' | 'findings' | 'outbox'>('roster');
  const [search, setSearch] = useState('');
  const [checking, setChecking] = useState<Guard | 'stranger' | null>(null);
  const [photo, setPhoto] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [form] = Form.useForm<CheckForm>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [correctForm] = Form.useForm<{ note: string; at: dayjs.Dayjs }>();
  const [closeForm] = Form.useForm<{ rating: number; text: string; uncorrectedStatement?: string }>();
  const { modal } = App.useApp();
  // The screen's sense of "now", refreshed each minute so a start or a close becomes possible on time.
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const activity = useQuery(OnsiteActivityQuery, { variables: { id: activityId } });
  const roster = useQuery(RosterQuery, { variables: { activityId }, skip: !activityId });
  const findings = useQuery(FindingsQuery, { variables: { activityId, page: { pageSize: 200 } }, skip: !activityId });
  const outbox = useOutbox(activityId, () => {
    void findings.refetch();
    message.success('待发送的检查记录已发送');
  });
  const [correct, correctState] = useMutation(CorrectFindingMutation);
  const [start, startState] = useMutation(StartActivityMutation);
  const [close, closeState] = useMutation(CloseActivityMutation);

  // The activity and its roster as last seen online: what the screen shows in a dead zone, also
  // when the app is opened again there (the service worker keeps the app on the device).
  const live = roster.data?.onDutyRoster;
  const liveActivity = activity.data?.activity;
  const cached = useMemo(() => keptForOffline<Guard[]>('roster', activityId), [activityId]);
  const cachedActivity = useMemo(() => keptForOffline<OnsiteActivityResult['activity']>('activity', activityId), [activityId]);
  // Back online: fresh data replaces what the device kept.
  const { refetch: refetchActivity } = activity;
  const { refetch: refetchRoster } = roster;
  const { refetch: refetchFindings } = findings;
  useEffect(() => {
    const refresh = () => {
      void refetchActivity();
      void refetchRoster();
      void refetchFindings();
    };
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refetchActivity, refetchRoster, refetchFindings]);
  useEffect(() => {
    if (live) keepForOffline('roster', activityId, live);
  }, [live, activityId]);
  useEffect(() => {
    if (liveActivity) keepForOffline('activity', activityId, liveActivity);
  }, [liveActivity, activityId]);
  const guards: Guard[] = live ?? cached?.value ?? [];
  // Findings as last seen, without their photos (the device's storage is small).
  const liveFindings = findings.data?.findings.items;
  const cachedFindings = useMemo(() => keptForOffline<Finding[]>('findings', activityId), [activityId]);
  useEffect(() => {
    if (liveFindings) keepForOffline('findings', activityId, liveFindings.map((f) => ({ ...f, photo: null })));
  }, [liveFindings, activityId]);
  const findingsOffline = !liveFindings && isTransient(findings.error) && !!cachedFindings;
  const findingItems: Finding[] | undefined = liveFindings ?? (findingsOffline ? cachedFindings?.value : undefined);

  const q = search.trim().toLowerCase();
  const shown = q ? guards.filter((g) => g.name.toLowerCase().includes(q) || (g.certificateNo ?? '').toLowerCase().includes(q)) : guards;
  // The roster by post (岗位), as the company assigned them; people without a post last.
  const byPost = groupByPost(shown);
  // Offline (a network failure, not a refusal): the header as last seen.
  const a = liveActivity ?? (isTransient(activity.error) ? cachedActivity?.value : undefined);
  const inProgress = a?.status === 'IN_PROGRESS';
  const openFindings = findingItems?.filter((f) => !f.correctedAt).length ?? 0;
  const openSerious = findingItems?.filter((f) => !f.correctedAt && f.serious).length ?? 0;
  const startableFrom = a ? dayjs(a.startableFrom) : null;
  const tooEarly = !!startableFrom && now.isBefore(startableFrom);
  const ended = !!a && !now.isBefore(dayjs(a.endsAt));

  const openCheck = (target: Guard | 'stranger') => {
    form.resetFields();
    form.setFieldsValue({
      results: Object.fromEntries(CHECKLIST.map((c) => [c.item, true])) as Record<ItemKey, boolean>,
      post: target === 'stranger' ? '' : (target.post ?? ''),
    });
    setPhoto(null);
    setPhotoError(null);
    setChecking(target);
  };

  const submit = async (values: CheckForm) => {
    if (!checking) return;
    const stranger = checking === 'stranger';
    const results = stranger ? [] : CHECKLIST.map((c) => ({ item: c.item, compliant: values.results[c.item] !== false }));
    const bad = results.filter((r) => !r.compliant).map((r) => inspectionItemLabels[r.item]);
    // A non-compliance is described: the server refuses it otherwise, and the device must not queue what will be refused.
    if (bad.length && !values.note?.trim()) {
      form.setFields([{ name: 'note', errors: [`“${bad.join('、')}”不合格，请填写问题说明`] }]);
      return;
    }
    const who = stranger ? (values.personName ?? '').trim() : checking.name;
    const id = newId();
    await outbox.record({
      id,
      activityId,
      label: `${who}${stranger ? '：未经审查人员上岗' : bad.length ? `：${bad.join('、')}` : '：符合要求'}`,
      input: {
        id,
        activityId,
        guardId: stranger ? null : checking.guardId,
        personName: stranger ? who : null,
        post: values.post?.trim() || null,
        results,
        note: values.note?.trim() || null,
        photo,
        recordedAt: new Date().toISOString(),
      },
    });
    if (!stranger) setChecked((s) => new Set(s).add(checking.guardId));
    setChecking(null);
    message.success(navigator.onLine ? '已登记' : '已保存在本机，恢复网络后自动发送');
  };

  const pickPhoto = async (file: File | undefined) => {
    setPhotoError(null);
    if (!file) return;
    try {
      setPhoto(await photoToDataUrl(file));
    } catch (e) {
      setPhoto(null);
      setPhotoError((e as Error).message);
    }
  };

  if (activity.loading && !a) return <div className="onsite"><Skeleton active /></div>;
  if (!a) return <div className="onsite"><ErrorAlert error={activity.error} /></div>;

  return (
    <div className="onsite">
      <div className="onsite-head">
        <Flex justify="space-between" align="start" gap={8}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }} ellipsis>{a.name}</Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {a.venue} · {formatDateTime(a.startsAt)}
            </Typography.Text>
          </div>
          <ActivityStatusTag status={a.status} />
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {outbox.online ? (
            <Tag color="success" icon={<WifiOutlined />} data-testid="net-status">在线</Tag>
          ) : (
            <Tag color="warning" icon={<WifiOutlined />} data-testid="net-status">离线，记录保存在本机</Tag>
          )}
          <Tag>在岗 {guards.length} 人 / 所需 {a.guardsRequired} 人</Tag>
          {outbox.waiting > 0 && (
            <Tag color="processing" icon={<CloudUploadOutlined />} data-testid="pending-count">待发送 {outbox.waiting}</Tag>
          )}
        </Flex>
        {!live && cached && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`离线：显示 ${formatDateTime(cached.savedAt)} 缓存的在岗名单`} />
        )}
        {officer && a.status === 'READY' && tooEarly && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="start-refused"
            title={`活动${formatDateTime(a.startsAt)}开始，现场监管最早于活动当天开始：可于 ${formatDateTime(startableFrom!)} 起开始`} />
        )}
        {officer && a.status === 'READY' && (
          <Button type="primary" size="large" block className="onsite-big" style={{ marginTop: 8 }} loading={startState.loading} disabled={tooEarly}
            onClick={() =>
              modal.confirm({
                title: '活动开始，进入现场监管？',
                content: '确认后活动转为“进行中”，开始现场检查；保安服务公司和主办单位将收到通知。此操作不能撤销。',
                okText: '确认开始',
                cancelText: '取消',
                onOk: async () => {
                  try {
                    await start({ variables: { id: a.id } });
                    message.success('活动已开始，可以开始现场检查');
                    await activity.refetch();
                  } catch (e) {
                    message.error(errorMessage(e));
                  }
                },
              })
            }>
            {tooEarly ? '尚未到现场监管开始时间' : '活动开始，进入现场监管'}
          </Button>
        )}
      </div>

      <Segmented
        block
        size="large"
        value={tab}
        onChange={(v) => setTab(v as typeof tab)}
        options={[
          { value: 'roster', label: '在岗人员' },
          { value: 'findings', label: <Badge count={openFindings} size="small" offset={[8, -2]}>问题</Badge> },
          { value: 'outbox', label: <Badge count={outbox.items.length} size="small" offset={[8, -2]} color="blue">待发送</Badge> },
        ]}
        style={{ margin: '8px 0' }}
      />

      {tab === 'roster' && (
        <>
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined />}
            placeholder="姓名或保安员证号"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label="搜索在岗人员"
          />
          {officer && inProgress && (
            <Button size="large" block danger icon={<UserAddOutlined />} className="onsite-big" style={{ marginTop: 8 }} onClick={() => openCheck('stranger')}>
              发现未在名单人员上岗
            </Button>
          )}
          <div className="onsite-list">
            {roster.loading && !guards.length && <Skeleton active />}
            {!roster.loading && shown.length === 0 && <Empty description={q ? '没有找到该人员，可能不在在岗名单中' : '在岗名单为空'} />}
            {byPost.map(({ post, people }) => (
              <div key={post ?? ''} className="onsite-post" data-testid="post-group">
                <div className="onsite-post-head">{post ?? '未分配岗位'}<span className="muted">{people.length} 人</span></div>
                {people.map((g) => (
                  <button
                    key={g.rosterEntryId}
                    type="button"
                    className="onsite-guard"
                    disabled={!officer || !inProgress}
                    onClick={() => openCheck(g)}
                    aria-label={`检查 ${g.name}`}
                  >
                    <GuardAvatar name={g.name} photo={g.photo} />
                    <span className="onsite-guard-text">
                      <strong>{g.name}</strong>
                      <span>{g.post ? `${g.post}${g.area ? ` · ${g.area}` : ''}` : '未分配岗位'}</span>
                      <small>证号 {g.certificateNo ?? '—'}</small>
                    </span>
                    {checked.has(g.guardId) && <CheckCircleFilled style={{ color: '#389e0d', fontSize: 22 }} aria-label="已检查" />}
                  </button>
                ))}
              </div>
            ))}
          </div>
        </>
      )}

      {tab === 'findings' && (
        <div className="onsite-list">
          {findingsOffline ? (
            <Alert type="warning" showIcon title={`离线：显示 ${formatDateTime(cachedFindings!.savedAt)} 的问题记录（不含照片）；登记纠正需联网`} />
          ) : (
            <ErrorAlert error={findings.error} />
          )}
          {findingItems?.length === 0 && <Empty description="暂无问题" />}
          {[...(findingItems ?? [])].sort((x, y) => (x.post ?? '\uffff').localeCompare(y.post ?? '\uffff', 'zh-CN')).map((f) => (
            <div key={f.id} className={`onsite-finding${f.serious ? ' serious' : ''}`} data-testid="finding">
              <Flex justify="space-between" gap={8}>
                <strong>{inspectionItemLabels[f.item]}</strong>
                {f.serious && <Tag color="error">严重</Tag>}
              </Flex>
              <div>{f.personName}{f.post ? `（${f.post}${f.area ? ` · ${f.area}` : ''}）` : ''}</div>
              {f.note && <div className="muted">{f.note}</div>}
              {f.photo && <img src={f.photo} alt="现场照片" className="onsite-photo" />}
              <div className="muted">{formatDateTime(f.recordedAt)} {f.recordedByName} 登记</div>
              {f.correctedAt ? (
                <div className="onsite-corrected"><CheckCircleFilled /> {formatDateTime(f.correctedAt)} 已纠正：{f.correctionNote}（{f.correctedByName}）</div>
              ) : officer ? (
                <Button size="large" block className="onsite-big" style={{ marginTop: 8 }} onClick={() => { correctForm.setFieldsValue({ note: '', at: dayjs() }); setCorrecting(f.id); }}>
                  登记纠正
                </Button>
              ) : (
                <Tag color="warning" icon={<ExclamationCircleFilled />}>未纠正</Tag>
              )}
            </div>
          ))}
        </div>
      )}

      {tab === 'outbox' && (
        <div className="onsite-list">
          {outbox.items.length === 0 ? (
            <Empty description="没有待发送的记录" />
          ) : (
            <>
              <Button size="large" block type="primary" className="onsite-big" loading={outbox.sending} disabled={!outbox.online} onClick={() => void outbox.flush()}>
                {outbox.online ? '立即发送' : '离线中，恢复网络后自动发送'}
              </Button>
              {outbox.items.map((i) => (
                <div key={i.id} className="onsite-finding" data-testid="queued">
                  <strong>{i.label}</strong>
                  <div className="muted">{formatDateTime(i.queuedAt)} 记录 · {i.refused ? '服务器未接受' : '待发送'}</div>
                  {i.refused && (
                    <>
                      <Alert type="error" showIcon title={i.refused} style={{ margin: '6px 0' }} />
                      <Button danger block onClick={() => void outbox.discard(i.id)}>删除该记录</Button>
                    </>
                  )}
                </div>
              ))}
            </>
          )}
        </div>
      )}

      <Flex gap={8} vertical style={{ marginTop: 16 }}>
        {officer && inProgress && !ended && (
          <Typography.Text type="secondary" data-testid="close-from">活动结束后方可总结：可于 {formatDateTime(a.endsAt)} 起总结</Typography.Text>
        )}
        {officer && inProgress && (
          <Button size="large" block className="onsite-big" disabled={!ended} onClick={() => { closeForm.resetFields(); setClosing(true); }}>
            活动总结
          </Button>
        )}
        {a.status === 'CLOSED' && a.closeStatement && (
          <Alert type="error" showIcon title="总结时仍有严重问题未纠正" description={a.closeStatement} />
        )}
        <Link to={`/timeline/${a.id}`}><Button size="large" block type="link">查看台账</Button></Link>
      </Flex>

      <Drawer
        open={!!checking}
        onClose={() => setChecking(null)}
        placement="bottom"
        size="100%"
        title={checking === 'stranger' ? '未在名单人员上岗' : checking ? `检查：${checking.name}` : ''}
        destroyOnHidden
        styles={{ body: { padding: 12 } }}
      >
        {checking && (
          <Form form={form} layout="vertical" onFinish={submit} size="large" className="onsite-form">
            {checking === 'stranger' ? (
              <>
                <Alert type="error" showIcon style={{ marginBottom: 12 }} title="将登记为严重问题：未经审查人员上岗" />
                <Form.Item name="personName" label="姓名（及证件号）" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                  <Input placeholder="如：王某，无保安员证" />
                </Form.Item>
              </>
            ) : (
              <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
                <GuardAvatar name={checking.name} photo={checking.photo} size={64} />
                <div>
                  <strong style={{ fontSize: 18 }}>{checking.name}</strong>
                  <div className="muted">证号 {checking.certificateNo ?? '—'}</div>
                  <div className="muted">{checking.companyName}</div>
                </div>
              </Flex>
            )}
            <Form.Item name="post" label="岗位">
              <Input placeholder="岗位" />
            </Form.Item>
            {checking !== 'stranger' &&
              CHECKLIST.map((c) => (
                <div key={c.item} className="onsite-check">
                  <div>
                    <strong>{inspectionItemLabels[c.item]}</strong>
                    <div className="muted">{c.hint}</div>
                  </div>
                  <Form.Item name={['results', c.item]} noStyle>
                    <Radio.Group buttonStyle="solid" optionType="button" aria-label={inspectionItemLabels[c.item]}
                      options={[{ value: true, label: '合格' }, { value: false, label: '不合格', className: 'bad' }]} />
                  </Form.Item>
                </div>
              ))}
            <Form.Item name="note" label="问题说明" style={{ marginTop: 12 }}>
              <Input.TextArea rows={2} maxLength={1000} placeholder="不合格时说明情况" />
            </Form.Item>
            <input ref={fileInput} type="file" accept="image/jpeg,image/png" capture="environment" hidden onChange={(e) => void pickPhoto(e.target.files?.[0])} />
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button block icon={<CameraOutlined />} onClick={() => fileInput.current?.click()}>{photo ? '重新拍照' : '拍照（可选）'}</Button>
              {photo && <img src={photo} alt="现场照片" className="onsite-photo" />}
              {photoError && <Alert type="error" showIcon title={photoError} />}
              <Button type="primary" htmlType="submit" block className="onsite-big">提交检查</Button>
            </Space>
          </Form>
        )}
      </Drawer>

      <Modal
        open={!!correcting}
        title="登记纠正"
        okText="确认纠正"
        confirmLoading={correctState.loading}
        onCancel={() => setCorrecting(null)}
        onOk={() => correctForm.submit()}
        destroyOnHidden
      >
        <Form form={correctForm} layout="vertical" size="large" onFinish={async (v) => {
          try {
            await correct({ variables: { findingId: correcting!, note: v.note, correctedAt: v.at.toISOString() } });
            message.success('已登记纠正');
            setCorrecting(null);
            await findings.refetch();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}>
          <Form.Item name="note" label="纠正情况" rules={[{ required: true, whitespace: true, message: '请填写纠正情况' }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder="如：已当场佩戴保安服务标志" />
          </Form.Item>
          <Form.Item name="at" label="纠正时间" rules={[{ required: true, message: '请选择纠正时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={closing}
        title="活动总结"
        okText="确认总结"
        confirmLoading={closeState.loading}
        onCancel={() => setClosing(false)}
        onOk={() => closeForm.submit()}
        destroyOnHidden
      >
        {outbox.waiting > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`还有 ${outbox.waiting} 条检查记录待发送`} />}
        <Typography.Paragraph type="secondary">总结后活动结束，不能再登记检查；评价和现场问题计入公司以往表现，作为今后推荐的依据。此操作不能撤销。</Typography.Paragraph>
        <Form form={closeForm} layout="vertical" size="large" onFinish={async (v) => {
          try {
            await close({ variables: { id: a.id, input: { rating: v.rating, text: v.text, uncorrectedStatement: v.uncorrectedStatement?.trim() || null } } });
            message.success('活动已总结，评价已计入公司以往表现');
            setClosing(false);
            await activity.refetch();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}>
          <Form.Item name="rating" label="评价等级" rules={[{ required: true, message: '请选择评价等级' }]}>
            <Rate count={5} style={{ fontSize: 32 }} />
          </Form.Item>
          <Form.Item name="text" label="总结评价" rules={[{ required: true, whitespace: true, message: '请填写总结评价' }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder="人员到岗、履职、问题及纠正情况" />
          </Form.Item>
          {openSerious > 0 && (
            <>
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`有 ${openSerious} 项严重问题尚未纠正`} description="须书面说明未纠正的原因及后续处理；说明记入台账，并在总览中标出。" />
              <Form.Item name="uncorrectedStatement" label="未纠正说明" rules={[{ required: true, whitespace: true, message: '请说明未纠正的原因及后续处理' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
