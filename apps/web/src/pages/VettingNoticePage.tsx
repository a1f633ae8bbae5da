import { useQuery } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { activityStatusLabels, securityModeLabels, vettingDecisionLabels, VettingReasonCategory, vettingReasonCategoryLabels } from '@evs/schema';
import { VettingSummaryQuery } from '@/features/vetting/operations';
import '@/features/vetting/notice.css';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';
import { MultilineText } from '@/shared/MultilineText';

const tierNote = {
  DETAIL: '保安管理支队版：含完整身份证号与审核意见；比中记录详情见背景审核工作台（查阅留痕）。',
  POLICE: '公安内部版：身份证号已脱敏。',
  SUBMITTER: '本单位版：逐人审核结论及原因类别；身份证号已脱敏；不含记录详情。',
  ORGANIZER: '主办单位版：审核人数统计及审核通过人员名单；身份证号已脱敏。',
} as const;

/** 审核通报: the same notice in-app and on paper (print CSS), and as Excel; each reader sees their tier. */
export default function VettingNoticePage() {
  const { activityId } = useParams();
  const { data, loading, error } = useQuery(VettingSummaryQuery, { variables: { activityId: activityId! }, fetchPolicy: 'network-only' });
  const s = data?.vettingSummary;
  return (
    <PageContainer
      title="背景审核通报"
      extra={
        s && (
          <>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
            <Button icon={<DownloadOutlined />} href={s.exportUrl}>下载 Excel</Button>
          </>
        )
      }
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      {loading && !s && <Skeleton active />}
      {s && (
        <Card className="vetting-notice">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            关于“{s.activity.name}”保安员背景审核情况的通报
          </Typography.Title>
          {!s.closed && <Alert className="no-print" type="info" showIcon style={{ marginBottom: 12 }} title="背景审核尚在进行中，以下为当前情况" />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} items={[
            { label: '活动时间', children: `${formatDateTime(s.activity.startsAt)} 至 ${formatDateTime(s.activity.endsAt)}` },
            { label: '地点', children: s.activity.venue },
            { label: '主办单位', children: s.activity.organizerName },
            { label: s.activity.securityMode === 'SELF_RECRUITED' ? '自招保安单位' : '保安服务公司', children: s.activity.submitterName ?? '—' },
            { label: '安保方式', children: labelOf(securityModeLabels, s.activity.securityMode) },
            { label: '活动状态', children: labelOf(activityStatusLabels, s.activity.status) },
            { label: '所需保安员', children: `${s.activity.guardsRequired}人` },
            { label: '审核情况', children: `名单${s.counts.total}人，通过${s.counts.passed}人，不通过${s.counts.failed}人，待审核${s.counts.pending}人` },
            ...(s.reasonCounts.length ? [{ label: '不通过原因', children: s.reasonCounts.map((r) => `${labelOf(vettingReasonCategoryLabels, r.reasonCategory)}${r.count}人`).join('，') }] : []),
            { label: '通报时间', children: formatDateTime(s.issuedAt) },
          ]} />
          {s.tier === 'ORGANIZER' ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>审核通过人员名单（{s.clearedRoster.length}人）</Typography.Title>
              <Table size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={s.clearedRoster} scroll={{ x: 480 }}
                columns={[
                  { title: '序号', width: 60, render: (_, __, i) => i + 1 },
                  { title: '姓名', dataIndex: 'guardName' },
                  { title: '身份证号', dataIndex: 'idNumber' },
                  { title: '保安服务公司', dataIndex: 'companyName' },
                  { title: '岗位', dataIndex: 'post' },
                ]} />
            </>
          ) : (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>逐人审核结果</Typography.Title>
              <Table size="small" rowKey="entryId" pagination={false} dataSource={s.entries} scroll={{ x: 600 }}
                columns={[
                  { title: '序号', width: 60, render: (_, __, i) => i + 1 },
                  { title: '姓名', dataIndex: 'guardName' },
                  { title: '身份证号', dataIndex: 'idNumber' },
                  ...(s.tier === 'SUBMITTER' ? [] : [{ title: '单位', dataIndex: 'companyName' }]),
                  { title: '岗位', dataIndex: 'post' },
                  {
                    title: '审核结论',
                    render: (_: unknown, e: (typeof s.entries)[number]) =>
                      `${labelOf(vettingDecisionLabels, e.decision)}${e.removed ? (e.replaced ? '（已替换）' : '（已移出）') : ''}${e.reused ? '（沿用）' : ''}`,
                  },
                  {
                    title: '原因类别',
                    render: (_: unknown, e: (typeof s.entries)[number]) =>
                      e.reasonCategory && e.reasonCategory !== VettingReasonCategory.CLEAR ? labelOf(vettingReasonCategoryLabels, e.reasonCategory) : e.reasonCategory ? '无异常' : '',
                  },
                  ...(s.tier === 'DETAIL' ? [{ title: '审核意见', dataIndex: 'decisionNote', render: (v: string | null) => <MultilineText>{v}</MultilineText> }, { title: '比中', dataIndex: 'hitCount', width: 60 }] : []),
                ]} />
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>{tierNote[s.tier]}</Typography.Paragraph>
          <div className="print-only" style={{ textAlign: 'right', marginTop: 32 }}>盘锦市公安局保安管理支队（章）</div>
        </Card>
      )}
    </PageContainer>
  );
}
