import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';

/** The one-time recovery codes, shown once: copy or save them, each works a single time. */
export function RecoveryCodes({ codes, username }: { codes: string[]; username: string }) {
  const { message } = App.useApp();
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`安保前置审核系统 ${username} 的恢复码（每个只能使用一次）\n\n${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `恢复码-${username}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="请把恢复码保存在安全的地方：手机丢失时，每个恢复码可代替动态验证码登录一次。关闭后不再显示。"
      />
      <div data-testid="recovery-codes" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 8, fontFamily: 'monospace', fontSize: 15, marginBottom: 12 }}>
        {codes.map((c) => (
          <Typography.Text key={c} code>
            {c}
          </Typography.Text>
        ))}
      </div>
      <Space>
        <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(text).then(() => message.success('已复制'))}>
          复制
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          下载为文本文件
        </Button>
      </Space>
    </div>
  );
}
