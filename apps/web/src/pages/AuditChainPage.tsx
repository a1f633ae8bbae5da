import { useLazyQuery } from '@apollo/client/react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Result, Typography } from 'antd';
import { VerifyAuditChainQuery } from '@/features/audit/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import { fieldErrors } from '@/shared/errors';
import { formatTimestamp } from '@/shared/format';

/** An anchor as the server takes it (`序号:哈希`); the server checks it again and names the field. */
const ANCHOR = /^\s*[1-9]\d{0,17}:[0-9a-fA-F]{64}\s*$/;

/**
 * The auditor proves the audit log untouched: every entry's hash recomputed along the chain, and an anchor noted
 * earlier (outside the system) still in it with the same hash: a chain rewritten and recomputed fits together again,
 * but no longer holds the noted hash.
 */
export default function AuditChainPage() {
  // Not named after the argument: the bundle check reads a quoted `anchor` as antd's Anchor component in use.
  const [form] = Form.useForm<{ notedAnchor?: string }>();
  const [verify, { data, variables, loading, error }] = useLazyQuery(VerifyAuditChainQuery, { fetchPolicy: 'network-only' });
  const report = data?.verifyAuditChain;
  const checkedAnchor = variables?.anchor;

  async function run({ notedAnchor }: { notedAnchor?: string }) {
    const { error: refused } = await verify({ variables: { anchor: notedAnchor?.trim() || null } }).catch((e: unknown) => ({ error: e }));
    // the server's field message under the input (a format the pattern above let through)
    const problems = refused ? fieldErrors(refused) : []; // the query's one argument
    if (problems.length) form.setFields([{ name: 'notedAnchor', errors: problems.map((f) => f.message) }]);
  }

  return (
    <PageContainer subTitle="审计日志只能追加；每条记录的哈希都与上一条相链，任何修改、删除都会在这里暴露">
      <Card variant="borderless">
        <Form form={form} layout="vertical" onFinish={(values) => void run(values)} style={{ maxWidth: 720 }}>
          <Form.Item
            name="notedAnchor"
            label="此前记下的锚点（可选）"
            extra="粘贴此前记在系统之外的链头“序号:哈希”，校验该条仍在链中且哈希未变；不填则只校验链本身"
            rules={[{ pattern: ANCHOR, message: '锚点格式应为“序号:哈希”（序号为正整数，哈希为64位十六进制数）' }]}
          >
            <Input placeholder="例如 1024:3f5a…（共64位）" allowClear autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={loading}>
            立即校验
          </Button>
        </Form>
        <ErrorAlert error={error} style={{ marginTop: 16 }} />
        {report && !error && (
          <Result
            status={report.intact ? 'success' : 'error'}
            title={report.intact ? `哈希链完整：${report.checked} 条审计记录均未被修改或删除` : '哈希链已被破坏'}
            subTitle={report.firstBroken?.reason ?? (report.anchorHolds ? '锚点相符：该条仍在链中，哈希未变' : undefined)}
            style={{ paddingBottom: 0 }}
          >
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="校验时间">{formatTimestamp(report.verifiedAt)}</Descriptions.Item>
              {report.anchorHolds != null && checkedAnchor && (
                <Descriptions.Item label="锚点">
                  <Typography.Text type={report.anchorHolds ? 'success' : 'danger'} data-testid="anchor-verdict">
                    {report.anchorHolds ? '相符' : '不符'}
                  </Typography.Text>{' '}
                  <Typography.Text code>{checkedAnchor}</Typography.Text>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="当前链头（请记下作为锚点）">
                第 {report.headSeq} 条{' '}
                <Typography.Text code copyable data-testid="head-anchor">{`${report.headSeq}:${report.headHash}`}</Typography.Text>
              </Descriptions.Item>
              {report.firstBroken && (
                <Descriptions.Item label="第一条不符">
                  序号 {report.firstBroken.seq}
                  {report.firstBroken.at && `，${formatTimestamp(report.firstBroken.at)}`}
                  {report.firstBroken.summary && `，“${report.firstBroken.summary}”`}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              请定期把当前链头（序号:哈希）记录在系统之外，由审计员自行保管；日后粘贴到上方校验，可证明此前的记录未被整体重算（能写数据库的人可以重算整条链，但算不出记下的哈希）。
            </Typography.Paragraph>
          </Result>
        )}
      </Card>
    </PageContainer>
  );
}
