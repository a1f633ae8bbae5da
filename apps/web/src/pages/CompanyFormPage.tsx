import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { creditCodeProblem, District, districtLabels } from '@evs/schema';
import { CompanyDetailQuery, CreateCompanyMutation, UpdateCompanyMutation } from '@/features/companies/operations';
import type { CompanyInput } from '@/gql/graphql';
import { IssuedAccountModal, type Issued } from '@/features/users/components/IssuedAccountModal';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { NumberInput } from '@/shared/NumberInput';
import { applyFieldErrors } from '@/shared/errors';
import { useUnsavedChangesPrompt } from '@/shared/useUnsavedChangesPrompt';
import { PageContainer } from '@/shared/PageContainer';
import { toApiDate } from '@/shared/format';

interface Values extends Omit<CompanyInput, 'licenseExpiry'> {
  licenseExpiry: Dayjs;
  withAccount?: boolean;
  account?: { username: string; displayName: string };
}

/** 保安管理支队 registers or edits a company; the server's field errors show on the fields. */
export default function CompanyFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const existing = useQuery(CompanyDetailQuery, { variables: { id: id ?? '' }, skip: !editing });
  const [create, creating] = useMutation(CreateCompanyMutation);
  const [update, updating] = useMutation(UpdateCompanyMutation);
  const withAccount = Form.useWatch('withAccount', form);
  const [issued, setIssued] = useState<(Issued & { companyId: string }) | null>(null);
  // leaving with unsaved typing asks first, as on 登记活动 and 登记保安员 (review 8-C F4)
  const unsaved = useUnsavedChangesPrompt();

  useEffect(() => {
    const c = existing.data?.company;
    if (c && !c.selfRecruitedRegister) {
      form.setFieldsValue({
        ...c,
        district: c.district as District,
        creditCode: c.creditCode ?? undefined,
        licenseNo: c.licenseNo ?? undefined,
        registeredCapital: c.registeredCapital ?? undefined,
        licenseExpiry: c.licenseExpiry ? dayjs(c.licenseExpiry) : undefined,
      });
    }
  }, [existing.data, form]);

  const onFinish = async (v: Values) => {
    setSubmitError(null);
    const input: CompanyInput = {
      name: v.name,
      creditCode: v.creditCode,
      licenseNo: v.licenseNo,
      licenseExpiry: toApiDate(v.licenseExpiry),
      registeredCapital: v.registeredCapital,
      address: v.address,
      district: v.district,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
    };
    try {
      if (editing) {
        await update({ variables: { id: id!, input, version: existing.data?.company.version } });
        unsaved.saved();
        message.success('已保存修改');
        navigate(`/companies/${id}`);
      } else {
        const res = await create({ variables: { input: { ...input, account: v.withAccount ? v.account : undefined } } });
        const created = res.data!.createCompany;
        unsaved.saved();
        message.success('公司已登记');
        // The manager's one-time password shows once; the company page opens when the officer closes it.
        if (created.issuedAccount) setIssued({ issued: created.issuedAccount, issuedAt: new Date().toISOString(), companyId: created.id });
        else navigate(`/companies/${created.id}`);
      }
    } catch (e) {
      applyFieldErrors(form, e);
      setSubmitError(e);
    }
  };

  if (editing && existing.loading && !existing.data) return <PageContainer title="修改公司"><Card><Skeleton active /></Card></PageContainer>;
  // An organizer's own register has no company registration to edit (the server refuses updateCompany on it).
  const ownRegister = editing ? existing.data?.company : null;
  if (ownRegister?.selfRecruitedRegister) {
    return (
      <PageContainer title="修改公司">
        <Alert
          type="warning"
          showIcon
          title={`“${ownRegister.name}”为自招保安单位的自招名册，不是保安服务公司，不能修改保安服务公司登记信息`}
          action={<Button onClick={() => navigate(`/companies/${id}`)}>返回</Button>}
        />
      </PageContainer>
    );
  }

  return (
    <PageContainer title={editing ? '修改公司登记信息' : '登记保安服务公司'} subTitle="《保安服务管理条例》第八条：须持保安服务许可证，注册资本不少于100万元">
      <Card variant="borderless">
        <Form<Values> form={form} layout="vertical" scrollToFirstError={{ focus: true, block: 'center' }} onFinish={onFinish} onValuesChange={unsaved.changed} style={{ maxWidth: 900 }}>
          <ErrorAlert error={submitError} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="公司名称" rules={[{ required: true, whitespace: true, message: '请填写公司名称' }]}>
                <Input placeholder="如：盘锦XX保安服务有限公司" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="creditCode"
                label="统一社会信用代码"
                normalize={(v: string) => v?.toUpperCase()}
                rules={[{ required: true, message: '请填写统一社会信用代码' }, { validator: async (_, v) => { const p = v && creditCodeProblem(v); if (p) throw new Error(p); } }]}
              >
                <Input maxLength={18} placeholder="18位，含校验码" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="licenseNo" label="保安服务许可证号" rules={[{ required: true, whitespace: true, message: '请填写许可证号' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="licenseExpiry" label="许可证有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="registeredCapital"
                label="注册资本（元）"
                rules={[{ required: true, message: '请填写注册资本' }, { type: 'number', message: '注册资本应为数字' }]}
                extra="不少于1,000,000元"
              >
                <NumberInput thousands style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="address" label="住所" rules={[{ required: true, whitespace: true, message: '请填写住所' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="district" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
                <Select options={Object.values(District).map((d) => ({ value: d, label: districtLabels[d] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          {!editing && (
            <>
              <Form.Item name="withAccount" valuePropName="checked">
                <Checkbox>同时为该公司开设登录账号</Checkbox>
              </Form.Item>
              {withAccount && (
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={['account', 'username']}
                      label="用户名"
                      normalize={(v: string) => v?.trim().toLowerCase()}
                      rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z0-9_.-]{3,32}$/, message: '3–32位小写字母、数字或 _ . -' }]}
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['account', 'displayName']} label="使用人姓名" rules={[{ required: true, message: '请填写使用人姓名' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>初始密码由系统生成，登记后显示一次并可打印开户通知；首次登录须修改。</Typography.Paragraph>
                  </Col>
                </Row>
              )}
            </>
          )}
          <Typography.Paragraph type="secondary">保存后记入审计日志。</Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={creating.loading || updating.loading}>
            {editing ? '保存修改' : '登记'}
          </Button>
          <Button style={{ marginLeft: 8 }} onClick={() => navigate(-1)}>取消</Button>
        </Form>
      </Card>
      <IssuedAccountModal
        value={issued}
        onClose={() => {
          const id = issued?.companyId;
          setIssued(null);
          if (id) navigate(`/companies/${id}`);
        }}
      />
    </PageContainer>
  );
}
