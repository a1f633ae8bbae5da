import { useMutation, useQuery } from '@apollo/client/react';
import { App, AutoComplete, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PlusOutlined } from '@ant-design/icons';
import { District, districtLabels, MOBILE_PATTERN, Role, SecurityMode, securityModeLabels, UnitKind, wholeNumberProblem } from '@evs/schema';
import { UnitFormModal } from '@/features/users/components/UnitFormModal';
import { ActivityDetailQuery, CreateActivityMutation, OrganizerUnitsQuery, UpdateActivityMutation } from '@/features/activities/operations';
import type { ActivityInput } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { useSession } from '@/shared/session';
import { formatDateTime, toApiDate } from '@/shared/format';

const ACTIVITY_TYPES = ['演唱会', '体育赛事', '展会', '庆典', '灯会', '节庆活动', '文艺演出', '游园会', '人才招聘会'];
const GUARDS_PER_THOUSAND = 10;

interface Values {
  name: string;
  type: string;
  organizerUnitId?: string | null;
  organizerName: string;
  undertakerName?: string;
  venue: string;
  address: string;
  district: District;
  startsAt: Dayjs;
  endsAt: Dayjs;
  appliedOn: Dayjs;
  expectedAttendance: number;
  guardsRequired: number;
  securityMode: SecurityMode;
  contactName: string;
  contactPhone: string;
  ageLimit?: number | null;
  plan?: Record<string, string | number | null | undefined>;
}

const planItems: { name: string; label: string; rows?: number; placeholder?: string }[] = [
  { name: 'posts', label: '岗位分工', rows: 3, placeholder: '如：入口安检12人，主舞台周边8人，停车场6人' },
  { name: 'identificationMarks', label: '识别标志', placeholder: '如：统一制服，佩戴保安服务标志和工作证' },
  { name: 'bufferZones', label: '疏散缓冲区域', rows: 2 },
  { name: 'ticketAndSecurityChecks', label: '票证查验与安全检查', rows: 2 },
  { name: 'parking', label: '车辆停放', rows: 2 },
  { name: 'crowdGuidance', label: '人员疏导', rows: 2 },
  { name: 'emergencyPlan', label: '应急救援预案', rows: 3 },
];

/** 登记活动 (and amending a draft): SPEC §2 step 1 fields and the security plan (条例第六条), validated on both sides. */
/** A whole number in range, refused with the field's message (never clamped or rounded by the input). */
const whole = (label: string, min: number, max: number) => ({
  validator: (_: unknown, v: number | null | undefined) => {
    const problem = v == null ? null : wholeNumberProblem(v, label, min, max);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

export default function ActivityFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const organizers = useQuery(OrganizerUnitsQuery);
  const existing = useQuery(ActivityDetailQuery, { variables: { id: id ?? '' }, skip: !editing });
  const [create, creating] = useMutation(CreateActivityMutation);
  const [update, updating] = useMutation(UpdateActivityMutation);
  const fixedDistrict = session.role === Role.DISTRICT_BUREAU ? (session.unit.district as District) : undefined;
  const attendance = Form.useWatch('expectedAttendance', form);
  const startsAt = Form.useWatch('startsAt', form);
  const appliedOn = Form.useWatch('appliedOn', form);
  const district = Form.useWatch('district', form);
  const [creatingOrganizer, setCreatingOrganizer] = useState(false);

  useEffect(() => {
    const a = existing.data?.activity;
    if (!a) return;
    form.setFieldsValue({
      ...a,
      undertakerName: a.undertakerName ?? undefined,
      district: a.district as District,
      securityMode: a.securityMode as SecurityMode,
      startsAt: dayjs(a.startsAt),
      endsAt: dayjs(a.endsAt),
      appliedOn: dayjs(a.appliedOn),
      plan: { ...a.plan },
    });
  }, [existing.data, form]);

  const onFinish = async (v: Values) => {
    setSubmitError(null);
    const plan = Object.fromEntries(Object.entries(v.plan ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    const input: ActivityInput = {
      name: v.name,
      type: v.type,
      organizerUnitId: v.organizerUnitId || null,
      organizerName: v.organizerName,
      undertakerName: v.undertakerName || null,
      venue: v.venue,
      address: v.address,
      district: fixedDistrict ?? v.district,
      startsAt: v.startsAt.toISOString(),
      endsAt: v.endsAt.toISOString(),
      appliedOn: toApiDate(v.appliedOn),
      expectedAttendance: v.expectedAttendance,
      guardsRequired: v.guardsRequired,
      securityMode: v.securityMode,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      ageLimit: v.ageLimit ?? null,
      plan,
    };
    try {
      if (editing) {
        await update({ variables: { id: id!, input, expectedVersion: existing.data?.activity.version } });
        message.success('已保存修改');
        navigate(`/activities/${id}`);
      } else {
        const res = await create({ variables: { input } });
        message.success('活动已登记为草稿，请核对后通报');
        navigate(`/activities/${res.data!.createActivity.id}`);
      }
    } catch (e) {
      applyFieldErrors(form, e);
      setSubmitError(e);
    }
  };

  if (editing && existing.loading && !existing.data) return <PageContainer title="修改活动"><Card><Skeleton active /></Card></PageContainer>;
  const suggested = attendance ? Math.ceil((attendance / 1000) * GUARDS_PER_THOUSAND) : null;
  const lead = startsAt && appliedOn ? startsAt.startOf('day').diff(appliedOn.startOf('day'), 'day') : null;

  return (
    <PageContainer title={editing ? '修改活动' : undefined} subTitle="受理主办单位申请后登记；保存为草稿，核对后通报">
      <Card variant="borderless">
        <Form<Values>
          form={form}
          layout="vertical"
          scrollToFirstError
          onFinish={onFinish}
          initialValues={{ securityMode: SecurityMode.SERVICE_COMPANY, district: fixedDistrict, appliedOn: dayjs(), plan: {} }}
          style={{ maxWidth: 980 }}
        >
          <ErrorAlert error={submitError} style={{ marginBottom: 16 }} />
          <Typography.Title level={5}>基本信息</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }, { max: 100 }]}>
                <Input placeholder="如：红海滩国家风景廊道湿地音乐节" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="type" label="活动类型" rules={[{ required: true, whitespace: true, message: '请填写活动类型' }]}>
                <AutoComplete options={ACTIVITY_TYPES.map((t) => ({ value: t }))} placeholder="演唱会、体育赛事…" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="district" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
                <Select disabled={!!fixedDistrict} options={Object.values(District).map((d) => ({ value: d, label: districtLabels[d] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="organizerUnitId"
                label="主办单位账号"
                rules={[{ required: true, message: '请选择主办单位；系统中还没有时请新建' }]}
                extra={
                  <span>
                    主办单位在系统中比选公司、报送名单。还没有账号？
                    <Button type="link" size="small" icon={<PlusOutlined />} style={{ paddingInline: 0 }} onClick={() => setCreatingOrganizer(true)}>
                      新建主办单位
                    </Button>
                  </span>
                }
              >
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  loading={organizers.loading}
                  placeholder="选择系统中的主办/承办单位"
                  options={(organizers.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  onChange={(value) => {
                    const unit = organizers.data?.units.find((u) => u.id === value);
                    if (unit) form.setFieldValue('organizerName', unit.name);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="organizerName" label="主办单位" rules={[{ required: true, whitespace: true, message: '请填写主办单位' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="undertakerName" label="承办单位">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="venue" label="活动场所" rules={[{ required: true, whitespace: true, message: '请填写活动场所' }]}>
                <Input placeholder="如：盘锦市体育中心" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label="详细地址" rules={[{ required: true, whitespace: true, message: '请填写详细地址' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="startsAt"
                label="开始时间"
                rules={[
                  { required: true, message: '请选择开始时间' },
                  { validator: (_, v?: Dayjs) => (!v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(`开始时间${formatDateTime(v)}已过，不能登记已开始的活动`))) },
                ]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="endsAt"
                label="结束时间"
                dependencies={['startsAt']}
                rules={[
                  { required: true, message: '请选择结束时间' },
                  ({ getFieldValue }) => ({
                    validator: (_, value: Dayjs | undefined) =>
                      !value || !getFieldValue('startsAt') || value.isAfter(getFieldValue('startsAt'))
                        ? Promise.resolve()
                        : Promise.reject(new Error('结束时间应晚于开始时间')),
                  }),
                ]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="appliedOn"
                label="受理申请日期"
                rules={[{ required: true, message: '请选择受理日期' }]}
                extra={lead !== null && lead < 20 ? <Typography.Text type="warning">距活动开始仅 {lead} 天，少于条例第十三条规定的20日</Typography.Text> : undefined}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="expectedAttendance"
                label="预计人数（每场）"
                rules={[{ required: true, message: '请填写预计人数' }, whole('预计人数', 1, 1_000_000)]}
                extra={attendance && attendance < 1000 ? <Typography.Text type="warning">不足1000人，不属条例调整范围</Typography.Text> : attendance ? (attendance > 5000 ? '市公安局许可' : '县级公安机关许可') : undefined}
              >
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="guardsRequired" label="所需保安员" rules={[{ required: true, message: '请填写所需保安员人数' }, whole('所需保安员人数', 1, 20_000)]} extra={suggested ? `按配比建议 ${suggested} 人` : undefined}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="ageLimit" label="保安员年龄上限" extra="不填按设置（默认55岁）" rules={[whole('年龄上限', 18, 70)]}>
                <InputNumber style={{ width: '100%' }} addonAfter="岁" />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item name="securityMode" label="安保方式" rules={[{ required: true }]}>
                <Radio.Group options={Object.values(SecurityMode).map((m) => ({ value: m, label: securityModeLabels[m] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="contactPhone"
                label="联系电话"
                rules={[
                  { required: true, message: '请填写联系电话' },
                  { validator: (_, v: string) => (!v || MOBILE_PATTERN.test(v) || /^0\d{2,3}-?\d{7,8}$/.test(v) ? Promise.resolve() : Promise.reject(new Error('联系电话应为手机号或带区号的固定电话'))) },
                ]}
              >
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>安全工作方案（条例第六条）</Typography.Title>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name={['plan', 'venueCapacity']} label="场所核定容量" rules={[whole('场所核定容量', 1, 10_000_000)]}>
                <InputNumber style={{ width: '100%' }} addonAfter="人" />
              </Form.Item>
            </Col>
            {planItems.map((p) => (
              <Col xs={24} md={p.rows && p.rows > 2 ? 24 : 12} key={p.name}>
                <Form.Item name={['plan', p.name]} label={p.label}>
                  <Input.TextArea rows={p.rows ?? 1} placeholder={p.placeholder} maxLength={2000} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={creating.loading || updating.loading}>
            {editing ? '保存修改' : '保存草稿'}
          </Button>
        </Form>
      </Card>
      <UnitFormModal
        open={creatingOrganizer}
        kind={UnitKind.ORGANIZER}
        title="新建主办单位"
        district={fixedDistrict ?? district}
        districtFixed={!!fixedDistrict}
        accountRequired
        onClose={() => setCreatingOrganizer(false)}
        onCreated={async (unit) => {
          setCreatingOrganizer(false);
          await organizers.refetch();
          form.setFieldsValue({ organizerUnitId: unit.id, organizerName: unit.name });
          form.validateFields(['organizerUnitId']).catch(() => undefined);
        }}
      />
    </PageContainer>
  );
}
