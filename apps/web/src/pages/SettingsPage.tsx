import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { SettingsQuery, UpdateSettingsMutation } from '@/features/settings/operations';
import { changedSettings, settingField, settingFormValues, settingNumberRule, type SettingValues } from '@/features/settings/settingsForm';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { NumberInput } from '@/shared/NumberInput';
import { PageContainer } from '@/shared/PageContainer';

/** Local policy (SPEC §3–§5): limits, weights, windows and deadlines; every change is audited. */
export default function SettingsPage() {
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(SettingsQuery);
  const [update, { loading: saving, error: saveError }] = useMutation(UpdateSettingsMutation);
  const [form] = Form.useForm<SettingValues>();
  const [dirty, setDirty] = useState(false);
  const settings = data?.settings ?? [];

  useEffect(() => {
    if (data) {
      form.setFieldsValue(settingFormValues(data.settings));
      setDirty(false);
    }
  }, [data, form]);

  const onFinish = async (values: SettingValues) => {
    const changes = changedSettings(settings, values);
    if (changes.length === 0) return;
    try {
      await update({ variables: { changes } });
      message.success(`已保存 ${changes.length} 项设置`);
      setDirty(false);
    } catch {
      /* shown by ErrorAlert */
    }
  };

  return (
    <PageContainer
      subTitle="本地政策参数，修改后记入审计日志"
      extra={
        <Button type="primary" disabled={!dirty} loading={saving} onClick={() => form.submit()}>
          保存设置
        </Button>
      }
    >
      <Card variant="borderless">
        <ErrorAlert error={error ?? saveError} style={{ marginBottom: 16 }} />
        {loading && !data ? (
          <Skeleton active />
        ) : (
          <Form form={form} labelCol={{ xs: 24, md: 10, lg: 8 }} wrapperCol={{ xs: 24, md: 14, lg: 16 }} onFinish={onFinish} onValuesChange={() => setDirty(true)} style={{ maxWidth: 760 }}>
            {settings.map((s, i) => (
              <Form.Item
                key={s.key}
                name={settingField(i)}
                label={s.label}
                valuePropName={typeof s.defaultValue === 'boolean' ? 'checked' : 'value'}
                // a blank or text (1e2) is refused here; the range and whole numbers the server checks, naming the setting
                rules={typeof s.defaultValue === 'boolean' ? undefined : [settingNumberRule(s)]}
                extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>默认值：{typeof s.defaultValue === 'boolean' ? (s.defaultValue ? '是' : '否') : `${String(s.defaultValue)}${s.unit ?? ''}`}{s.note ? `。${s.note}` : ''}</Typography.Text>}
              >
                {typeof s.defaultValue === 'boolean' ? (
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                ) : (
                  <NumberInput style={{ width: 200 }} suffix={s.unit ?? undefined} />
                )}
              </Form.Item>
            ))}
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
