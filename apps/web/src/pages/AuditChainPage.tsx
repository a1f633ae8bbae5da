import { useLazyQuery } from '@apollo/client/react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Typography } from 'antd';
import { VerifyAuditChainQuery } from '@/features/audit/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import { formatTimestamp } from '@/shared/format';

/** The auditor proves the audit log untouched: every entry's hash recomputed along the chain. */
export default function AuditChainPage() {
  const [verify, { data, loading, error }] = useLazyQuery(VerifyAuditChainQuery, { fetchPolicy: 'network-only' });
  const report = data?.verifyAuditChain;
  return (
    <PageContainer subTitle="审计日志只能追加；每条记录的哈希都与上一条相链，任何修改、删除都会在这里暴露">
      <Card variant="borderless">
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={loading} onClick={() => void verify()}>
          立即校验
        </Button>
        <ErrorAlert error={error} style={{ marginTop: 16 }} />
        {report && (
          <Result
            status={report.intact ? 'success' : 'error'}
            title={report.intact ? `哈希链完整：${report.checked} 条审计记录均未被修改或删除` : '哈希链已被破坏'}
            subTitle={report.firstBroken?.reason}
            style={{ paddingBottom: 0 }}
          >
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="校验时间">{formatTimestamp(report.verifiedAt)}</Descriptions.Item>
              <Descriptions.Item label="链头">
                第 {report.headSeq} 条 <Typography.Text code copyable>{`${report.headSeq}:${report.headHash}`}</Typography.Text>
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
              请定期把链头（序号:哈希）记录在系统之外；日后用 <Typography.Text code>npm run audit:verify -- --anchor 序号:哈希</Typography.Text> 可证明此前的记录未被整体重算。
            </Typography.Paragraph>
          </Result>
        )}
      </Card>
    </PageContainer>
  );
}
