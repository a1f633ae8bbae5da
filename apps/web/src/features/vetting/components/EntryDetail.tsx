import { useLazyQuery } from '@apollo/client/react';
import { List, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { recordCategoryLabels, relativeRelationLabels, VettingDecision, vettingDecisionLabels, vettingReasonCategoryLabels } from '@evs/schema';
import { EntryDetailQuery } from '@/features/vetting/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { formatDate } from '@/shared/format';
import { labelOf } from '@/shared/labels';

/**
 * Hits, relatives and the person's earlier decisions (any register, any activity: review 11-A F1) of one
 * entry, loaded only when the officer opens it (each read is audited).
 */
export function EntryDetail({ id }: { id: string }) {
  const [load, { data, loading, error }] = useLazyQuery(EntryDetailQuery, { fetchPolicy: 'network-only' });
  useEffect(() => {
    void load({ variables: { id } });
  }, [id, load]);
  const e = data?.rosterEntry;
  return (
    <div style={{ padding: '4px 0' }}>
      <ErrorAlert error={error} />
      {loading && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {e && (
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          <Typography.Text strong>比中记录（{e.hits.length}）</Typography.Text>
          {e.hits.length === 0 ? (
            <Typography.Text type="secondary">本人及直系亲属均未比中记录</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={e.hits}
              renderItem={(h) => (
                <List.Item>
                  <Space wrap size={[8, 2]}>
                    <Tag color={h.relation ? 'orange' : 'red'}>{h.relation ? labelOf(relativeRelationLabels, h.relation) : '本人'}</Tag>
                    <span>{h.subjectName}</span>
                    <Typography.Text code>{h.subjectIdNumber}</Typography.Text>
                    <Tag>{labelOf(recordCategoryLabels, h.record.category)}</Tag>
                    <span>{h.record.occurredOn}</span>
                    <Typography.Text type="secondary">{h.record.source}{h.record.severity ? ` · ${h.record.severity}` : ''}</Typography.Text>
                    {h.record.name !== h.subjectName && <Typography.Text type="warning">记录姓名：{h.record.name}（按身份证号比中）</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Typography.Text strong>直系亲属（{e.relatives.length}）</Typography.Text>
          <Space wrap>
            {e.relatives.length === 0 && <Typography.Text type="secondary">未登记直系亲属</Typography.Text>}
            {e.relatives.map((r, i) => (
              <Tag key={i}>{labelOf(relativeRelationLabels, r.relation)} {r.name} {r.idNumber}</Tag>
            ))}
          </Space>
          <Typography.Text strong>既往审核（{e.priorDecisions.length}）</Typography.Text>
          {e.priorDecisions.length === 0 ? (
            <Typography.Text type="secondary">此人无其他审核结论</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={e.priorDecisions}
              renderItem={(d) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <Typography.Text type={d.decision === VettingDecision.FAILED ? 'danger' : undefined}>
                      {`${formatDate(d.decidedAt)} ${labelOf(vettingDecisionLabels, d.decision)}`}
                      {d.decision === VettingDecision.FAILED && d.reasonCategory ? `（${labelOf(vettingReasonCategoryLabels, d.reasonCategory)}）` : ''}
                      {` · ${d.activityName} · ${d.companyName}`}
                      {d.reused ? '（沿用结论）' : ''}
                      {d.removed ? '（已移出名单）' : ''}
                    </Typography.Text>
                    {d.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>审核意见：{d.note}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>本次查阅已记入审计日志</Typography.Text>
        </Space>
      )}
    </div>
  );
}
