import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, ConfigProvider, DatePicker, Flex, Form, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Education, educationLabels, GuardStatus, MOBILE_PATTERN, Role } from '@evs/schema';
import { FormRefusalAlert, useFormRefusal } from '@/shared/formRefusal';
import { MultilineText } from '@/shared/MultilineText';
import { useSession } from '@/shared/session';
import { useUnsavedChangesPrompt } from '@/shared/useUnsavedChangesPrompt';
import { birthDateOf, certificateIssuedOnRule, compactCode, guardFields, guardFormValues, idNumberHint, idNumberRule, personNameRule, relativesOf, type GuardDetail, type GuardFormValues } from '../guardForm';
import { CreateGuardMutation, GuardRelativesQuery, SetGuardRelativesMutation, UpdateGuardMutation } from '../operations';
import { EligibilityTag } from './GuardTags';
import { GuardPhotoField } from './GuardPhotoField';
import { RelativesEditor } from './RelativesEditor';
import { Revocations } from './Revocations';
import { notAfterToday } from '@/shared/dateRules';

interface Props {
  /** The guard being edited; none when registering a new one. */
  guard?: GuardDetail;
  /** The company a new guard joins (保安管理支队 registering for a company); the company's own users need none. */
  companyId?: string;
}

/** Add or edit a guard, with photo and the relatives editor; the server's row/field errors show in place. */
export function GuardForm({ guard: g, companyId }: Props) {
  const editing = !!g;
  const session = useSession();
  const isDetachment = session.role === Role.SECURITY_DETACHMENT;
  // The register's keeper edits (a company its own, a self-recruiting organizer its unit's: the register's id is
  // the unit's), 保安管理支队 any; anyone else reads (an organizer: a company's cleared guard of its activity's roster).
  const keeps = !g || isDetachment || g.companyId === session.unit.id;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<GuardFormValues>();
  // the server's refusal where the user sees it; leaving with unsaved typing asks first (review 8-C F4, F7)
  const refusal = useFormRefusal(form);
  const unsaved = useUnsavedChangesPrompt();
  const [photo, setPhoto] = useState<string | null | undefined>(undefined);
  const [replaceRelatives, setReplaceRelatives] = useState(!editing);
  // the relatives the form was opened on: a colleague's change since is not overwritten (the API answers CONFLICT)
  const [relativesVersion, setRelativesVersion] = useState<string | null>(null);
  const [loadRelatives, relativesResult] = useLazyQuery(GuardRelativesQuery);
  const [create, creating] = useMutation(CreateGuardMutation);
  const [update, updating] = useMutation(UpdateGuardMutation);
  const [saveRelatives, savingRelatives] = useMutation(SetGuardRelativesMutation);
  const idNumber = Form.useWatch('idNumber', form);
  // on an open roster the vetted identity, 保安员证 and photo hold through the day (the API refuses them too)
  const locked = !!g?.rosterLock;
  // a LEFT record, or a guard of a register the reader does not keep: read only
  const readOnly = g?.status === GuardStatus.LEFT || !keeps;
  // what cannot change here: an explicit `disabled` on a field wins over the form's
  const fixed = locked || readOnly;

  useEffect(() => {
    if (g) form.setFieldsValue(guardFormValues(g));
  }, [g, form]);
  useEffect(() => {
    if (g && !replaceRelatives) setRelativesVersion(g.relativesVersion ?? null);
  }, [g, replaceRelatives]);

  // 保安管理支队 alone sees relatives; each read is written to the audit log, so only on request.
  const showRelatives = async () => {
    const res = await loadRelatives({ variables: { id: g!.id } });
    form.setFieldValue('relatives', (res.data?.guard.relatives ?? []).map(({ name, relation, idNumber: rid }) => ({ name, relation, idNumber: rid })));
    setRelativesVersion(res.data?.guard.relativesVersion ?? null);
    setReplaceRelatives(true);
  };

  const onFinish = async (v: GuardFormValues) => {
    refusal.clear();
    const fields = guardFields(v, photo);
    const { relatives, statement } = relativesOf(v);
    try {
      if (g) {
        // the record as opened: a colleague's save since is not overwritten (the API answers CONFLICT)
        await update({ variables: { id: g.id, input: { ...fields, idNumber: v.idNumber || null }, expectedUpdatedAt: g.updatedAt } });
        if (replaceRelatives && !locked) await saveRelatives({ variables: { guardId: g.id, relatives, statement, expectedVersion: relativesVersion } });
        message.success('已保存');
      } else {
        await create({ variables: { input: { ...fields, idNumber: v.idNumber!, companyId, relatives, relativesStatement: statement } } });
        message.success('保安员已登记');
      }
      unsaved.saved();
      navigate(-1);
    } catch (e) {
      refusal.refuse(e);
    }
  };

  return (
    <Card variant="borderless">
      {/* outside the form: 保安管理支队 corrects a revocation of a record it may not edit (a LEFT one) too */}
      {g && <div style={{ maxWidth: 900 }}><Revocations guard={g} /></div>}
      <Form<GuardFormValues>
        form={form}
        layout="vertical"
        scrollToFirstError={{ focus: true, block: 'center' }}
        onFinish={onFinish}
        onValuesChange={unsaved.changed}
        disabled={readOnly}
        initialValues={{ education: Education.SENIOR_MIDDLE, relatives: [] }}
        style={{ maxWidth: 900 }}
      >
        <FormRefusalAlert refusal={refusal} style={{ marginBottom: 16 }} />
        {g?.rosterLock && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${g.name}${g.rosterLock}`} data-testid="roster-lock" />}
        {g && g.status === GuardStatus.ACTIVE && (
          <Alert
            style={{ marginBottom: 16 }}
            type={g.eligibilityProblems.length ? 'warning' : 'success'}
            message={<Space wrap>今日上岗条件：<EligibilityTag problems={g.eligibilityProblems} /></Space>}
            description={g.eligibilityProblems.length ? g.eligibilityProblems.map((p) => <div key={p.code}>{p.message}</div>) : undefined}
          />
        )}
        <Flex gap={24} wrap>
          <GuardPhotoField
            shown={photo === undefined ? g?.photo : photo}
            onChange={(p) => {
              setPhoto(p);
              unsaved.changed();
            }}
            locked={fixed}
          />
          <Row gutter={16} style={{ flex: 1, minWidth: 260 }}>
            <Col xs={24} md={8}>
              <Form.Item name="name" label="姓名" rules={[personNameRule()]}>
                <Input disabled={fixed} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="idNumber"
                label="居民身份证号"
                normalize={compactCode}
                rules={[{ required: !editing, message: '请填写身份证号' }, idNumberRule(false, true)]}
                extra={idNumberHint(idNumber, g)}
              >
                <Input maxLength={18} placeholder={editing ? '不修改请留空' : '18位'} disabled={fixed} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="phone" label="手机号" normalize={compactCode} rules={[{ pattern: MOBILE_PATTERN, message: '手机号应为11位，以1开头' }]}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="education" label="学历" rules={[{ required: true }]} extra="条例第十六条：初中以上">
                <Select options={Object.values(Education).map((e) => ({ value: e, label: educationLabels[e] }))} disabled={fixed} />
              </Form.Item>
            </Col>
            <Col xs={0} md={8} />
            <Col xs={24} md={8}>
              <Form.Item name="certificateNo" label="保安员证号">
                <Input placeholder="未取得可留空" disabled={fixed} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="certificateIssuedOn" label="发证日期" dependencies={['idNumber']} rules={[notAfterToday('保安员证发证日期'), certificateIssuedOnRule(birthDateOf(idNumber, g))]}>
                <DatePicker style={{ width: '100%' }} disabled={fixed} />
              </Form.Item>
            </Col>
          </Row>
        </Flex>

        {/* relatives are the register's (and 保安管理支队's): nothing of them for a reader who does not keep it */}
        {keeps && <Typography.Title level={5} style={{ marginTop: 8 }}>直系亲属（父母、配偶、子女）</Typography.Title>}
        {keeps && g && !replaceRelatives && (
          <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
            <Tag>已登记 {g.relativeCount} 位</Tag>
            {g.relativesDeclared === false && <Tag color="warning">直系亲属未申报完整</Tag>}
            {g.relativesStatement && <Typography.Text type="secondary"><MultilineText>说明：{g.relativesStatement}</MultilineText></Typography.Text>}
            {isDetachment ? (
              <Button onClick={showRelatives} loading={relativesResult.loading}>{locked ? '查阅（记入审计日志）' : '查阅并修改（记入审计日志）'}</Button>
            ) : (
              <>
                <Typography.Text type="secondary">亲属身份信息仅保安管理支队可查阅；如需更正，请重新填写全部直系亲属</Typography.Text>
                <Switch checkedChildren="重新填写" unCheckedChildren="不修改" checked={replaceRelatives} onChange={setReplaceRelatives} disabled={fixed} />
              </>
            )}
          </Flex>
        )}
        {replaceRelatives && (
          <ConfigProvider componentDisabled={fixed}>
            <RelativesEditor />
          </ConfigProvider>
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
  );
}
