import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { District, districtLabels, Role, SecurityMode, securityModeLabels, UnitKind } from '@evs/schema';
import { SettingsQuery } from '@/features/settings/operations';
import { UnitFormModal } from '@/features/users/components/UnitFormModal';
import { FormRefusalAlert, useFormRefusal } from '@/shared/formRefusal';
import { NumberInput } from '@/shared/NumberInput';
import { useSession } from '@/shared/session';
import { useUnsavedChangesPrompt } from '@/shared/useUnsavedChangesPrompt';
import type { ActivityDetail } from '../activityDetail';
import {
  ACTIVITY_TYPES,
  activityFormValues,
  activityInput,
  asValidation,
  attendanceNote,
  contactPhoneProblem,
  endsAtProblem,
  guardsPerThousand,
  leadDays,
  leadTooShort,
  PLAN_TEXT_ITEMS,
  startsAtProblem,
  suggestedGuards,
  wholeNumberRule,
  type ActivityFormValues,
} from '../activityForm';
import { CreateActivityMutation, OrganizerUnitsQuery, UpdateActivityMutation } from '../operations';
import { serverNow } from '@/shared/clock';
import { notAfterToday } from '@/shared/dateRules';

/** 登记活动 (and amending a draft): SPEC §2 step 1 fields and the security plan (条例第六条), validated on both sides. */
export function ActivityForm({ id, existing }: { id?: string; existing?: ActivityDetail }) {
  const editing = !!id;
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityFormValues>();
  // the server's refusal where the user sees it; leaving with unsaved typing asks first (review 8-C F4, F7)
  const refusal = useFormRefusal(form);
  const unsaved = useUnsavedChangesPrompt();
  const organizers = useQuery(OrganizerUnitsQuery);
  // the ratio and the age limit the server applies (settings the detachment may change)
  const settings = useQuery(SettingsQuery).data?.settings;
  const [create, creating] = useMutation(CreateActivityMutation);
  const [update, updating] = useMutation(UpdateActivityMutation);
  const fixedDistrict = session.role === Role.DISTRICT_BUREAU ? (session.unit.district as District) : undefined;
  // text typed into the box (1e3) is refused by its rule and suggests nothing
  const watchedAttendance: unknown = Form.useWatch('expectedAttendance', form);
  const attendance = typeof watchedAttendance === 'number' ? watchedAttendance : null;
  const startsAt = Form.useWatch('startsAt', form);
  const appliedOn = Form.useWatch('appliedOn', form);
  const district = Form.useWatch('district', form);
  const [creatingOrganizer, setCreatingOrganizer] = useState(false);

  useEffect(() => {
    if (existing) form.setFieldsValue(activityFormValues(existing));
  }, [existing, form]);

  const onFinish = async (v: ActivityFormValues) => {
    refusal.clear();
    const input = activityInput(v, fixedDistrict);
    try {
      if (id) {
        await update({ variables: { id, input, expectedVersion: existing?.version } });
        unsaved.saved();
        message.success('已保存修改');
        navigate(`/activities/${id}`);
      } else {
        const res = await create({ variables: { input } });
        unsaved.saved();
        message.success('活动已登记为草稿，请核对后通报');
        navigate(`/activities/${res.data!.createActivity.id}`);
      }
    } catch (e) {
      refusal.refuse(e);
    }
  };

  const suggested = suggestedGuards(attendance, guardsPerThousand(settings));
  const maxAge = settings?.find((s) => s.key === 'guard.maxAge')?.value;
  const lead = leadDays(startsAt, appliedOn);
  const note = attendanceNote(attendance);

  return (
    <Card variant="borderless">
      <Form<ActivityFormValues>
        form={form}
        layout="vertical"
        scrollToFirstError={{ focus: true, block: 'center' }}
        onFinish={onFinish}
        onValuesChange={unsaved.changed}
        initialValues={{ securityMode: SecurityMode.SERVICE_COMPANY, district: fixedDistrict, appliedOn: serverNow(), plan: {} }}
        style={{ maxWidth: 980 }}
      >
        <FormRefusalAlert refusal={refusal} style={{ marginBottom: 16 }} />
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
              rules={[{ required: true, message: '请选择开始时间' }, { validator: (_, v?: Dayjs) => asValidation(startsAtProblem(v, serverNow())) }]}
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
                ({ getFieldValue }) => ({ validator: (_, value: Dayjs | undefined) => asValidation(endsAtProblem(value, getFieldValue('startsAt'))) }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="appliedOn"
              label="受理申请日期"
              rules={[{ required: true, message: '请选择受理日期' }, notAfterToday('受理日期')]}
              extra={leadTooShort(lead) ? <Typography.Text type="warning">距活动开始仅 {lead} 天，少于条例第十三条规定的20日</Typography.Text> : undefined}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="expectedAttendance"
              label="预计人数（每场）"
              rules={[{ required: true, message: '请填写预计人数' }, wholeNumberRule('预计人数', 1, 1_000_000)]}
              extra={note ? (note.warning ? <Typography.Text type="warning">{note.text}</Typography.Text> : note.text) : undefined}
            >
              <NumberInput integer style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="guardsRequired" label="所需保安员" rules={[{ required: true, message: '请填写所需保安员人数' }, wholeNumberRule('所需保安员人数', 1, 20_000)]} extra={suggested ? `按配比建议 ${suggested} 人` : undefined}>
              <NumberInput integer style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="ageLimit" label="保安员年龄上限" extra={typeof maxAge === 'number' ? `不填按设置（现为${maxAge}岁）` : '不填按设置'} rules={[wholeNumberRule('年龄上限', 18, 70)]}>
              <NumberInput integer style={{ width: '100%' }} addonAfter="岁" />
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
            <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { validator: (_, v: string) => asValidation(contactPhoneProblem(v)) }]}>
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>安全工作方案（条例第六条）</Typography.Title>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name={['plan', 'venueCapacity']} label="场所核定容量" rules={[wholeNumberRule('场所核定容量', 1, 10_000_000)]}>
              <NumberInput integer style={{ width: '100%' }} addonAfter="人" />
            </Form.Item>
          </Col>
          {PLAN_TEXT_ITEMS.map((p) => (
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
          unsaved.changed();
          form.validateFields(['organizerUnitId']).catch(() => undefined);
        }}
      />
    </Card>
  );
}
