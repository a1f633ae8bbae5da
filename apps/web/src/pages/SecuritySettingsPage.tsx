import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { SecuritySettingsQuery, UpdateSecuritySettingsMutation } from '@/features/settings/operations';
import { changedSettings, securityNumberRule, settingField, settingFormValues, type SettingValues } from '@/features/settings/settingsForm';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { NumberInput } from '@/shared/NumberInput';
import { PageContainer } from '@/shared/PageContainer';

/** The security policy (系统管理员): password validity, which roles must use two-factor login. Audited. */
export default function SecuritySettingsPage() {
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(SecuritySettingsQuery);
  const [update, { loading: saving, error: saveError }] = useMutation(UpdateSecuritySettingsMutation);
  const [form] = Form.useForm<SettingValues>();
  const settings = data?.securitySettings ?? [];

  useEffect(() => {
    if (data) form.setFieldsValue(settingFormValues(data.securitySettings));
  }, [data, form]);

  const onFinish = async (values: SettingValues) => {
    const changes = changedSettings(settings, values);
    if (changes.length === 0) return;
    try {
      await update({ variables: { changes } });
      message.success(`已保存 ${changes.length} 项安全策略`);
    } catch {
      /* shown by ErrorAlert */
    }
  };

  return (
    <PageContainer subTitle="等保 2.0 三级：密码定期更换，警务账号使用两步验证；每次修改记入审计日志">
      <Card variant="borderless">
        <ErrorAlert error={error ?? saveError} style={{ marginBottom: 16 }} />
        {loading && !data ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="horizontal" labelCol={{ flex: '320px' }} labelWrap onFinish={onFinish}>
            {settings.map((s, i) => (
              <Form.Item
                key={s.key}
                name={settingField(i)}
                label={s.label}
                valuePropName={typeof s.defaultValue === 'boolean' ? 'checked' : 'value'}
                // checked here, not clamped by the input: a typed 400 is refused with the allowed range
                rules={typeof s.defaultValue === 'boolean' ? undefined : [securityNumberRule(s)]}
              >
                {typeof s.defaultValue === 'boolean' ? <Switch checkedChildren="必须" unCheckedChildren="可选" /> : <NumberInput integer style={{ width: 200 }} addonAfter={s.unit} />}
              </Form.Item>
            ))}
            <Typography.Paragraph type="secondary">新要求在相应账号下次操作时生效：须先绑定身份验证器。</Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
