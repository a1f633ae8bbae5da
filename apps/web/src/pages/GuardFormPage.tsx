import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Skeleton, Space, Switch, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Education, educationLabels, GuardStatus, idNumberFacts, idNumberProblem, MOBILE_PATTERN, RelativeRelation, relativeRelationLabels, Role, sexLabels } from '@evs/schema';
import { CreateGuardMutation, GuardDetailQuery, GuardRelativesQuery, SetGuardRelativesMutation, UpdateGuardMutation } from '@/features/guards/operations';
import { EligibilityTag, GuardStatusTag } from '@/features/guards/components/GuardTags';
import type { RelativeInput } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';
import { toApiDate } from '@/shared/format';

const MAX_PHOTO = 300 * 1024;

interface Values {
  name: string;
  idNumber?: string;
  phone?: string;
  certificateNo?: string;
  certificateIssuedOn?: Dayjs | null;
  education: Education;
  relatives?: RelativeInput[];
  relativesStatement?: string;
}

const idRule = (required: boolean) => ({
  validator: async (_: unknown, v?: string) => {
    if (!v) {
      if (required) throw new Error('请填写身份证号');
      return;
    }
    const p = idNumberProblem(v);
    if (p) throw new Error(p);
  },
});

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Add or edit a guard, with photo and the relatives editor; the server's row/field errors show in place. */
export default function GuardFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const [params] = useSearchParams();
  const role = useRole();
  const isDetachment = role === Role.SECURITY_DETACHMENT;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [photo, setPhoto] = useState<string | null | undefined>(undefined);
  const [replaceRelatives, setReplaceRelatives] = useState(!editing);
  const existing = useQuery(GuardDetailQuery, { variables: { id: id ?? '' }, skip: !editing });
  const [loadRelatives, relativesResult] = useLazyQuery(GuardRelativesQuery);
  const [create, creating] = useMutation(CreateGuardMutation);
  const [update, updating] = useMutation(UpdateGuardMutation);
  const [saveRelatives, savingRelatives] = useMutation(SetGuardRelativesMutation);
  const idNumber = Form.useWatch('idNumber', form);
  const g = existing.data?.guard;
  const companyId = params.get('companyId') ?? undefined;

  useEffect(() => {
    if (!g) return;
    form.setFieldsValue({
      name: g.name,
      phone: g.phone ?? undefined,
      certificateNo: g.certificateNo ?? undefined,
      certificateIssuedOn: g.certificateIssuedOn ? dayjs(g.certificateIssuedOn) : null,
      education: g.education as Education,
      relativesStatement: g.relativesStatement ?? undefined,
    });
  }, [g, form]);

  // 保安管理支队 alone sees relatives; each read is written to the audit log, so only on request.
  const showRelatives = async () => {
    const res = await loadRelatives({ variables: { id: id! } });
    form.setFieldValue('relatives', (res.data?.guard.relatives ?? []).map(({ name, relation, idNumber: rid }) => ({ name, relation, idNumber: rid })));
    setReplaceRelatives(true);
  };

  const onFinish = async (v: Values) => {
    setSubmitError(null);
    const fields = {
      name: v.name,
      phone: v.phone || null,
      certificateNo: v.certificateNo || null,
      certificateIssuedOn: v.certificateIssuedOn ? toApiDate(v.certificateIssuedOn) : null,
      education: v.education,
      ...(photo === undefined ? {} : { photo: photo ?? '' }),
    };
    const relatives = (v.relatives ?? []).map((r) => ({ name: r.name, relation: r.relation, idNumber: r.idNumber }));
    const statement = v.relativesStatement?.trim() || null;
    try {
      if (editing) {
        await update({ variables: { id: id!, input: { ...fields, idNumber: v.idNumber || null } } });
        if (replaceRelatives) await saveRelatives({ variables: { guardId: id!, relatives, statement } });
        message.success('已保存');
      } else {
        await create({ variables: { input: { ...fields, idNumber: v.idNumber!, companyId, relatives, relativesStatement: statement } } });
        message.success('保安员已登记');
      }
      navigate(-1);
    } catch (e) {
      applyFieldErrors(form, e);
      setSubmitError(e);
    }
  };

  if (editing && existing.loading && !g) return <PageContainer title="保安员"><Card><Skeleton active /></Card></PageContainer>;
  if (editing && !g) return <PageContainer title="保安员"><ErrorAlert error={existing.error} /></PageContainer>;
  const facts = idNumber && !idNumberProblem(idNumber) ? idNumberFacts(idNumber) : null;
  const shownPhoto = photo === undefined ? g?.photo : photo;
  const readOnly = g?.status === GuardStatus.LEFT;

  return (
    <PageContainer
      title={editing ? g!.name : '登记保安员'}
      subTitle={g && <Space><GuardStatusTag status={g.status} leftOn={g.leftOn} />{g.company.name}</Space>}
    >
      <Card variant="borderless">
        <Form<Values> form={form} layout="vertical" scrollToFirstError onFinish={onFinish} disabled={readOnly} initialValues={{ education: Education.SENIOR_MIDDLE, relatives: [] }} style={{ maxWidth: 900 }}>
          <ErrorAlert error={submitError} style={{ marginBottom: 16 }} />
          {g && g.status === GuardStatus.ACTIVE && (
            <Alert
              style={{ marginBottom: 16 }}
              type={g.eligibilityProblems.length ? 'warning' : 'success'}
              message={<Space wrap>今日上岗条件：<EligibilityTag problems={g.eligibilityProblems} /></Space>}
              description={g.eligibilityProblems.length ? g.eligibilityProblems.map((p) => <div key={p.code}>{p.message}</div>) : undefined}
            />
          )}
          <Flex gap={24} wrap>
            <Flex vertical align="center" gap={8} style={{ width: 120 }}>
              <Avatar shape="square" size={112} src={shownPhoto || undefined}>照片</Avatar>
              <Upload
                accept="image/jpeg,image/png"
                showUploadList={false}
                beforeUpload={async (file) => {
                  if (!['image/jpeg', 'image/png'].includes(file.type)) message.error('照片只接受 JPEG 或 PNG');
                  else if (file.size > MAX_PHOTO) message.error(`照片不能超过300KB（当前${Math.ceil(file.size / 1024)}KB）`);
                  else setPhoto(await readAsDataUrl(file));
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />}>上传照片</Button>
              </Upload>
              {shownPhoto && <Button size="small" type="link" danger onClick={() => setPhoto(null)}>删除照片</Button>}
              <Form.Item name="photo" hidden><Input /></Form.Item>
            </Flex>
            <Row gutter={16} style={{ flex: 1, minWidth: 260 }}>
              <Col xs={24} md={8}>
                <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item
                  name="idNumber"
                  label="居民身份证号"
                  normalize={(v: string) => v?.toUpperCase()}
                  rules={[{ required: !editing, message: '请填写身份证号' }, idRule(false)]}
                  extra={
                    facts
                      ? `出生日期 ${facts.birthDate}，${sexLabels[facts.sex]}`
                      : editing
                        ? `当前：${g!.idNumber}（${g!.birthDate ?? `${g!.age}岁`}，${sexLabels[g!.sex as keyof typeof sexLabels]}）；如需更正请填写完整号码`
                        : '出生日期与性别由身份证号得出'
                  }
                >
                  <Input maxLength={18} placeholder={editing ? '不修改请留空' : '18位'} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="phone" label="手机号" rules={[{ pattern: MOBILE_PATTERN, message: '手机号应为11位，以1开头' }]}>
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="education" label="学历" rules={[{ required: true }]} extra="条例第十六条：初中以上">
                  <Select options={Object.values(Education).map((e) => ({ value: e, label: educationLabels[e] }))} />
                </Form.Item>
              </Col>
              <Col xs={0} md={8} />
              <Col xs={24} md={8}>
                <Form.Item name="certificateNo" label="保安员证号">
                  <Input placeholder="未取得可留空" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="certificateIssuedOn" label="发证日期">
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
              </Col>
            </Row>
          </Flex>
          {g && g.revocations.length > 0 && (
            <Alert type="error" style={{ marginBottom: 16 }} message="保安员证吊销记录" description={g.revocations.map((r) => <div key={r.id}>{r.revokedOn}{r.reason ? `：${r.reason}` : ''}</div>)} />
          )}

          <Typography.Title level={5} style={{ marginTop: 8 }}>直系亲属（父母、配偶、子女）</Typography.Title>
          {editing && !replaceRelatives && (
            <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
              <Tag>已登记 {g!.relativeCount} 位</Tag>
              {g!.relativesDeclared === false && <Tag color="warning">直系亲属未申报完整</Tag>}
              {g!.relativesStatement && <Typography.Text type="secondary">说明：{g!.relativesStatement}</Typography.Text>}
              {isDetachment ? (
                <Button onClick={showRelatives} loading={relativesResult.loading}>查阅并修改（记入审计日志）</Button>
              ) : (
                <>
                  <Typography.Text type="secondary">亲属身份信息仅保安管理支队可查阅；如需更正，请重新填写全部直系亲属</Typography.Text>
                  <Switch checkedChildren="重新填写" unCheckedChildren="不修改" checked={replaceRelatives} onChange={setReplaceRelatives} />
                </>
              )}
            </Flex>
          )}
          {replaceRelatives && (
            <Form.List name="relatives">
              {(items, { add, remove }) => (
                <>
                  {items.map((item) => (
                    <Row key={item.key} gutter={8} align="top">
                      <Col xs={8} md={4}>
                        <Form.Item name={[item.name, 'relation']} rules={[{ required: true, message: '关系' }]}>
                          <Select placeholder="关系" options={Object.values(RelativeRelation).map((r) => ({ value: r, label: relativeRelationLabels[r] }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={16} md={6}>
                        <Form.Item name={[item.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                          <Input placeholder="姓名" />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={12}>
                        <Form.Item name={[item.name, 'idNumber']} normalize={(v: string) => v?.toUpperCase()} rules={[idRule(true)]}>
                          <Input placeholder="身份证号" maxLength={18} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={2}>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="删除该亲属" />
                      </Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ relation: items.length === 0 ? RelativeRelation.FATHER : items.length === 1 ? RelativeRelation.MOTHER : RelativeRelation.CHILD })} style={{ marginBottom: 16 }}>
                    添加亲属
                  </Button>
                </>
              )}
            </Form.List>
          )}
          {replaceRelatives && (
            <Form.Item
              name="relativesStatement"
              label="未登记父亲或母亲的原因"
              extra="父母均须登记；如已故、不详等无法登记，请在此说明。未申报完整的人员不会被建议审核通过。"
              rules={[{ max: 200, message: '不能超过200字' }]}
            >
              <Input.TextArea rows={2} maxLength={200} placeholder="如：父亲已故" />
            </Form.Item>
          )}
          {!readOnly && (
            <div>
              <Button type="primary" htmlType="submit" loading={creating.loading || updating.loading || savingRelatives.loading}>
                {editing ? '保存' : '登记'}
              </Button>
              <Button style={{ marginLeft: 8 }} onClick={() => navigate(-1)} disabled={false}>返回</Button>
            </div>
          )}
        </Form>
      </Card>
    </PageContainer>
  );
}
