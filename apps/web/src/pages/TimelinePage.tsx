import { useQuery } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { TimelineQuery } from '@/features/timeline/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import '@/features/inspections/onsite.css';
import { formatDateTime } from '@/shared/format';
import { MULTILINE } from '@/shared/MultilineText';

/** 台账: every step of the activity with who and when; printable and exportable. */
export default function TimelinePage() {
  const { activityId = '' } = useParams();
  const { data, loading, error } = useQuery(TimelineQuery, { variables: { activityId } });
  const t = data?.activityTimeline;
  if (loading && !t) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  if (!t) return <PageContainer title="台账"><ErrorAlert error={error} /></PageContainer>;
  return (
    <PageContainer
      title="活动台账"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/exports/timeline/${t.activityId}.xlsx`}>导出 Excel</Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        </>
      }
    >
      <div className="print-sheet">
        <h1>{t.activityName}（{t.activityCode}）安保工作台账</h1>
        <div className="facts"><span>共 {t.entries.length} 条</span><span>打印时间：{formatDateTime(new Date())}</span></div>
        <table>
          <thead>
            <tr>
              <th style={{ width: 48 }}>序号</th>
              <th style={{ width: 130 }}>时间</th>
              <th style={{ width: 80 }}>类别</th>
              <th>事项</th>
              <th>说明</th>
              <th style={{ width: 170 }}>操作人</th>
            </tr>
          </thead>
          <tbody>
            {t.entries.map((e, i) => (
              <tr key={i} data-testid="timeline-entry">
                <td style={{ textAlign: 'center' }}>{i + 1}</td>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.kindLabel}</td>
                <td className={e.important ? 'important' : undefined}>{e.title}</td>
                <td style={MULTILINE}>{e.detail}</td>
                <td>{e.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PageContainer>
  );
}
