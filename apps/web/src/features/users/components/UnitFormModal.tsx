import { useMutation } from '@apollo/client/react';
import { Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CITY_LEVEL_UNIT_KINDS,
  creditCodeProblem,
  District,
  districtLabels,
  LANDLINE_PATTERN,
  MOBILE_PATTERN,
  REGISTERED_UNIT_KINDS,
  Role,
  roleLabels,
  rolesOfUnitKind,
  UnitKind,
  unitKindLabels,
} from '@evs/schema';
import type { CreateUnitMutation as CreateUnitResult } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { NumberInput } from '@/shared/NumberInput';
import { applyFieldErrors } from '@/shared/errors';
import { IssuedAccountModal, type Issued } from '@/features/users/components/IssuedAccountModal';
import { CreateUnitMutation } from '@/features/users/operations';
import { toApiDate } from '@/shared/format';

export type CreatedUnit = CreateUnitResult['createUnit']['unit'];

interface Values {
  kind: UnitKind;
  name: string;
  district?: District;
  creditCode?: string;
  contactName?: string;
  contactPhone?: string;
  company?: { licenseNo: string; licenseExpiry: Dayjs; registeredCapital: number; address: string };
  withAccount?: boolean;
  account?: { username: string; displayName: string; role?: Role };
}

const USERNAME = /^[a-z0-9_.-]{3,32}$/;
const LANDLINE = LANDLINE_PATTERN;

interface Props {
  open: boolean;
  /** A fixed kind (e.g. ORGANIZER when registering an activity); otherwise the form offers every kind. */
  kind?: UnitKind;
  /** A fixed district (a district bureau's own), or the one to start with. */
  district?: District;
  districtFixed?: boolean;
  /** The account is part of the form, not an option (the police onboarding an organizer). */
  accountRequired?: boolean;
  title?: string;
  onClose(): void;
  /** Called as soon as the unit exists; the 开户通知 then shows until the officer closes it. */
  onCreated(unit: CreatedUnit): void;
}

/** 新建单位 (and 新建主办单位 while registering an activity): kind-specific fields, the contact's account, the 开户通知. */
export function UnitFormModal({ open, kind: fixedKind, district, districtFixed, accountRequired, title, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const [create, { loading, error, reset }] = useMutation(CreateUnitMutation);
  const [issued, setIssued] = useState<Issued | null>(null);
  const kind: UnitKind | undefined = Form.useWatch('kind', form) ?? fixedKind;
  const withAccount: boolean = Form.useWatch('withAccount', form) ?? false;
  const contactName: string | undefined = Form.useWatch('contactName', form);
  const cityLevel = !!kind && CITY_LEVEL_UNIT_KINDS.includes(kind);
  const registered = !!kind && REGISTERED_UNIT_KINDS.includes(kind);
  const roles = kind ? rolesOfUnitKind(kind) : [];
  const accountOpen = accountRequired || withAccount;

  const submit = async () => {
    const v = await form.validateFields();
    const k = fixedKind ?? v.kind;
    try {
      const res = await create({
        variables: {
          input: {
            kind: k,
            name: v.name,
            district: CITY_LEVEL_UNIT_KINDS.includes(k) ? null : (v.district ?? null),
            creditCode: v.creditCode || null,
            contactName: v.contactName || null,
            contactPhone: v.contactPhone || null,
            company:
              k === UnitKind.COMPANY && v.company
                ? { ...v.company, licenseExpiry: toApiDate(v.company.licenseExpiry) }
                : null,
            account: accountOpen && v.account
              ? { username: v.account.username, displayName: v.account.displayName || v.contactName || '', role: v.account.role ?? null }
              : null,
          },
        },
      });
      const created = res.data!.createUnit;
      form.resetFields();
      onCreated(created.unit);
      if (created.account) setIssued({ issued: created.account, issuedAt: new Date().toISOString() });
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };

  return (
    <>
      <Modal
        title={title ?? (fixedKind ? `新建${unitKindLabels[fixedKind]}` : '新建单位')}
        open={open}
        onOk={submit}
        okText="新建"
        confirmLoading={loading}
        onCancel={() => {
          reset();
          onClose();
        }}
        width={720}
        destroyOnHidden
      >
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Form<Values> form={form} name="unitForm" layout="vertical" initialValues={{ kind: fixedKind, district }} preserve={false}>
          <Row gutter={16}>
            {!fixedKind && (
              <Col xs={24} md={8}>
                <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
                  <Select options={Object.values(UnitKind).map((k) => ({ value: k, label: unitKindLabels[k] }))} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={16}>
              <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 60, message: '不超过60字' }]}>
                <Input />
              </Form.Item>
            </Col>
            {kind && !cityLevel && (
              <Col xs={24} md={8}>
                <Form.Item name="district" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
                  <Select disabled={districtFixed} options={Object.values(District).map((d) => ({ value: d, label: districtLabels[d] }))} />
                </Form.Item>
              </Col>
            )}
            {registered && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="creditCode"
                  label="统一社会信用代码"
                  normalize={(v: string) => v?.toUpperCase()}
                  rules={[
                    { required: true, message: '请填写统一社会信用代码' },
                    { validator: async (_, v: string) => { const p = v && creditCodeProblem(v); if (p) throw new Error(p); } },
                  ]}
                >
                  <Input maxLength={18} placeholder="18位，含校验码" />
                </Form.Item>
              </Col>
            )}
            {kind && (
              <>
                <Col xs={12} md={registered ? 6 : 12}>
                  <Form.Item name="contactName" label="联系人" rules={[{ required: registered, whitespace: true, message: '请填写联系人' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={registered ? 6 : 12}>
                  <Form.Item
                    name="contactPhone"
                    label="联系电话"
                    rules={[
                      { required: registered, message: '请填写联系电话' },
                      { validator: async (_, v: string) => { if (v && !MOBILE_PATTERN.test(v) && !LANDLINE.test(v)) throw new Error('应为11位手机号或带区号的固定电话'); } },
                    ]}
                  >
                    <Input inputMode="tel" />
                  </Form.Item>
                </Col>
              </>
            )}
            {kind === UnitKind.COMPANY && (
              <>
                <Col xs={24} md={8}>
                  <Form.Item name={['company', 'licenseNo']} label="保安服务许可证号" rules={[{ required: true, whitespace: true, message: '请填写许可证号' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={['company', 'licenseExpiry']} label="许可证有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  {/* no min: a negative amount is refused by the server's message on this field, not turned into 0; text (1e6) by the rule */}
                  <Form.Item
                    name={['company', 'registeredCapital']}
                    label="注册资本（元）"
                    rules={[{ required: true, message: '请填写注册资本' }, { type: 'number', message: '注册资本应为数字' }]}
                    extra="不少于1,000,000元"
                  >
                    <NumberInput thousands style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={['company', 'address']} label="住所" rules={[{ required: true, whitespace: true, message: '请填写住所' }]}>
                    <Input />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
          {kind && !accountRequired && (
            <Form.Item name="withAccount" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>同时开设账号</Checkbox>
            </Form.Item>
          )}
          {kind && accountOpen && (
            <>
              <Typography.Text type="secondary">
                {registered ? '为联系人开设登录账号：' : '开设登录账号：'}初始密码由系统生成，只显示一次，首次登录须修改。
              </Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                <Col xs={24} md={roles.length > 1 ? 8 : 12}>
                  <Form.Item
                    name={['account', 'username']}
                    label="用户名"
                    normalize={(v: string) => v?.trim().toLowerCase()}
                    rules={[{ required: true, message: '请填写用户名' }, { pattern: USERNAME, message: '3–32位小写字母、数字或 _ . -' }]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={roles.length > 1 ? 8 : 12}>
                  <Form.Item name={['account', 'displayName']} label="使用人姓名" extra={registered ? '不填时为联系人' : undefined} rules={[{ required: !registered, whitespace: true, message: '请填写使用人姓名' }]}>
                    <Input placeholder={registered ? contactName : undefined} />
                  </Form.Item>
                </Col>
                {roles.length > 1 && (
                  <Col xs={24} md={8}>
                    <Form.Item name={['account', 'role']} label="角色" rules={[{ required: true, message: '请选择角色' }]}>
                      <Select options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            </>
          )}
        </Form>
      </Modal>
      <IssuedAccountModal value={issued} onClose={() => setIssued(null)} />
    </>
  );
}
