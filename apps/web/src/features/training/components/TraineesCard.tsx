import { Card, Space, Table, Tag } from 'antd';
import { trainingTopicLabels } from '@evs/schema';
import { standingLabels, TOPICS, type Trainee } from '../training';

/** 已通过审核人员: each cleared guard's training standing and the subjects passed so far. */
export function TraineesCard({ trainees }: { trainees: Trainee[] }) {
  return (
    <Card title={`已通过审核人员（${trainees.length}）`} variant="borderless" style={{ marginTop: 16 }}>
      <Table
        rowKey="rosterEntryId"
        size="small"
        dataSource={trainees}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'guardName' },
          { title: '保安员证号', dataIndex: 'certificateNo', responsive: ['md'] },
          { title: '公司', dataIndex: 'companyName', responsive: ['lg'] },
          { title: '培训情况', dataIndex: 'standing', render: (v: string) => <Tag color={standingLabels[v]?.color}>{standingLabels[v]?.text ?? v}</Tag> },
          {
            title: '科目',
            render: (_: unknown, x: { passedTopics: string[]; missingTopics: string[] }) => (
              <Space size={4} wrap data-testid="trainee-topics">
                {TOPICS.map((topic) => (
                  <Tag key={topic} color={x.passedTopics.includes(topic) ? 'success' : 'default'}>
                    {trainingTopicLabels[topic]}{x.passedTopics.includes(topic) ? ' ✓' : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
