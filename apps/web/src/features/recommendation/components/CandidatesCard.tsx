import { Card, Table, Tag } from 'antd';
import type { ActivityDetailQuery } from '@/gql/graphql';
import { formatCount } from '@/shared/format';

type Candidate = ActivityDetailQuery['activity']['candidates'][number];

/** 候选公司 of an activity: rank, score, quote, and which one was selected. */
export function CandidatesCard({ candidates }: { candidates: Candidate[] }) {
  return (
    <Card title="候选公司" variant="borderless">
      <Table
        rowKey="companyId"
        size="small"
        pagination={false}
        dataSource={candidates}
        scroll={{ x: 480 }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60 },
          { title: '公司', dataIndex: 'companyName', render: (n: string, c) => <>{n} {c.selected && <Tag color="green">中选</Tag>}</> },
          { title: '得分', dataIndex: 'score', width: 80 },
          { title: '报价（元）', dataIndex: 'quote', width: 140, render: (q: number | null) => (q == null ? '未报价' : formatCount(q)) },
        ]}
      />
    </Card>
  );
}
