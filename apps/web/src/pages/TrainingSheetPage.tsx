import { useQuery } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { TrainingTopic, trainingTopicLabels } from '@evs/schema';
import { TrainingSessionQuery } from '@/features/training/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import '@/features/inspections/onsite.css';
import { formatDateTime } from '@/shared/format';
import { MULTILINE } from '@/shared/MultilineText';

/** 签到表: printable, with a signature column and the recorded results. */
export default function TrainingSheetPage() {
  const { sessionId = '' } = useParams();
  const { data, loading, error } = useQuery(TrainingSessionQuery, { variables: { id: sessionId } });
  const s = data?.trainingSession;
  if (loading && !s) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  if (!s) return <PageContainer title="签到表"><ErrorAlert error={error} /></PageContainer>;
  const topics = s.topics as TrainingTopic[];
  return (
    <PageContainer
      title="签到表"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/exports/training/${s.id}.xlsx`}>导出 Excel</Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        </>
      }
    >
      <div className="print-sheet">
        <h1>{s.activityName} {s.isMakeup ? '补训' : '岗前培训'}签到表</h1>
        <div className="facts">
          <span>培训时间：{formatDateTime(s.startsAt)}</span>
          <span>地点：{s.place}</span>
          <span>授课人：{s.instructor}</span>
          <span>科目：{topics.map((x) => trainingTopicLabels[x]).join('、')}</span>
          <span>学时：{s.periods}（每学时45分钟）</span>
          <span>应到：{s.attendance.length}人</span>
          <span>合格分数：每科{s.passScore}分</span>
          {s.cancelledAt && <span style={MULTILINE}>已取消：{s.cancelReason}</span>}
          {s.resultsRecorded && <span>实到：{s.attendance.filter((x) => x.attended).length}人，本次科目全部合格：{s.attendance.filter((x) => x.passed).length}人</span>}
        </div>
        <table>
          <thead>
            <tr>
              <th style={{ width: 48 }}>序号</th>
              <th>姓名</th>
              <th>保安员证号</th>
              <th>所属公司</th>
              <th style={{ width: 110 }}>本人签字</th>
              <th style={{ width: 56 }}>到课</th>
              {topics.map((x) => <th key={x}>{trainingTopicLabels[x]}</th>)}
              <th>考核结果</th>
            </tr>
          </thead>
          <tbody>
            {s.attendance.map((a, i) => (
              <tr key={a.rosterEntryId}>
                <td style={{ textAlign: 'center' }}>{i + 1}</td>
                <td>{a.guardName}</td>
                <td>{a.certificateNo}</td>
                <td>{a.companyName}</td>
                <td />
                <td style={{ textAlign: 'center' }}>{a.attended == null ? '' : a.attended ? '到' : '缺'}</td>
                {topics.map((x) => {
                  const sc = a.scores.find((y) => y.topic === x);
                  return <td key={x} style={{ textAlign: 'center' }} data-testid={`score-${x}`}>{sc ? `${sc.score}（${sc.passed ? '合格' : '不合格'}）` : ''}</td>;
                })}
                <td style={{ textAlign: 'center' }}>{a.passed == null ? '' : a.passed ? '合格' : `不合格${a.attended ? `（${topics.filter((x) => !a.passedTopics.includes(x)).map((x) => trainingTopicLabels[x]).join('、')}）` : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ marginTop: 24 }}>授课人签字：______________　　记录人签字：______________　　日期：______________</p>
      </div>
    </PageContainer>
  );
}
