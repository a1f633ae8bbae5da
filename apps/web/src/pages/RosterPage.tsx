import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ReplaceEntryModal } from '@/features/vetting/components/ReplaceEntryModal';
import { RosterActivityCard } from '@/features/vetting/components/RosterActivityCard';
import { RosterAddPanel } from '@/features/vetting/components/RosterAddPanel';
import { RosterEntryList } from '@/features/vetting/components/RosterEntryList';
import { useRoster } from '@/features/vetting/hooks/useRoster';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';

/** 名单报送: the selected company (or the self-recruiting organizer) submits and maintains its roster. */
export default function RosterPage() {
  const [params, setParams] = useSearchParams();
  const roster = useRoster(params.get('activity'), (id) => setParams({ activity: id }));
  const { activity, activityId } = roster;
  return (
    <PageContainer
      subTitle="从本单位名册选择或批量导入保安员，上报后立即进行资格预审与背景审查"
      extra={activity && <Link to={`/vetting/notice/${activity.id}`}><Button icon={<FileTextOutlined />}>审核通报</Button></Link>}
    >
      <ErrorAlert error={roster.acts.error} style={{ marginBottom: 16 }} />
      {roster.mine.length === 0 && !roster.acts.loading ? (
        <Card><Empty description={roster.organizer ? '暂无需要报送自招保安员名单的活动' : '暂无中选的活动'} /></Card>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <RosterActivityCard roster={roster} />
          <RosterEntryList roster={roster} />
          {roster.open && activityId && <RosterAddPanel roster={roster} activityId={activityId} />}
        </Space>
      )}
      <ReplaceEntryModal roster={roster} />
    </PageContainer>
  );
}
