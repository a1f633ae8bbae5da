import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { CompanyOverview } from '@/features/companies/components/CompanyOverview';
import { CompanyDetailQuery, UpdateCompanyProfileMutation } from '@/features/companies/operations';
import type { CompanyProfileInput } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { useSession } from '@/shared/session';

/** 公司资料: the company's own register entry; it may change its address and contact only. */
export default function CompanyProfilePage() {
  const session = useSession();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(CompanyDetailQuery, { variables: { id: session.unit.id } });
  const [save, saving] = useMutation(UpdateCompanyProfileMutation);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CompanyProfileInput>();
  const [saveError, setSaveError] = useState<unknown>(null);
  const c = data?.company;

  const onFinish = async (input: CompanyProfileInput) => {
    setSaveError(null);
    try {
      await save({ variables: { input } });
      message.success('已保存');
      setOpen(false);
    } catch (e) {
      applyFieldErrors(form, e);
      setSaveError(e);
    }
  };

  return (
    <PageContainer
      title={c?.name}
      subTitle="许可证、注册资本等登记信息由保安管理支队维护"
      extra={c && <Button type="primary" onClick={() => { form.setFieldsValue({ address: c.address, contactName: c.contactName, contactPhone: c.contactPhone }); setOpen(true); }}>修改住所与联系人</Button>}
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      {loading && !c ? <Card><Skeleton active /></Card> : c && <CompanyOverview company={c} />}
      <Modal open={open} title="修改住所与联系人" okText="保存" onOk={() => form.submit()} okButtonProps={{ loading: saving.loading }} onCancel={() => setOpen(false)}>
        <ErrorAlert error={saveError} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="address" label="住所" rules={[{ required: true, whitespace: true, message: '请填写住所' }]}><Input /></Form.Item>
          <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}><Input /></Form.Item>
          <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}><Input inputMode="tel" /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
