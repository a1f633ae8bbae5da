import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Flex, Modal, Space, Switch, Table, Tag } from 'antd';
import { TrainingTopic, trainingTopicLabels } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { formatDateTime } from '@/shared/format';
import { NumberInput } from '@/shared/NumberInput';
import type { ResultsDialog } from '../hooks/useResultsDialog';
import { RecordTrainingResultsMutation } from '../operations';
import { fillBlankScores, resultProblems, resultsInput, scoreProblem, TOPICS, topicNames } from '../training';

/** 登记结果: attendance and a score per subject for everyone in the session; problems are named by row before sending. */
export function RecordResultsModal({ dialog, onSaved }: { dialog: ResultsDialog; onSaved: () => Promise<unknown> }) {
  const { message } = App.useApp();
  const [record, recording] = useMutation(RecordTrainingResultsMutation);
  const { session: s, rows, setRows, setRow, error, setError } = dialog;

  const save = async () => {
    if (!s) return;
    setError(null);
    const problems = resultProblems(rows, s);
    if (problems.length) {
      setError(new Error(problems.join('；')));
      return;
    }
    try {
      // the version this officer saw: another officer's change since is a CONFLICT, not overwritten
      const r = await record({ variables: { sessionId: s.id, results: resultsInput(rows, s.topics), expectedResultsVersion: s.resultsVersion } });
      message.success(r.data?.recordTrainingResults.resultsRecorded ? '培训结果已登记' : '已保存');
      dialog.close();
      await onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open={!!s}
      title={s ? `登记结果：${formatDateTime(s.startsAt)} ${s.isMakeup ? '补训' : '集中培训'}` : ''}
      okText="保存结果"
      confirmLoading={recording.loading}
      onCancel={dialog.close}
      onOk={save}
      width={900}
      destroyOnHidden
    >
      {s && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`每科成绩不低于 ${s.passScore} 分为合格；${topicNames(TOPICS)}三科均合格者进入在岗名单。`} />}
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      {s && (
        <Table
          rowKey="rosterEntryId"
          size="small"
          pagination={false}
          scroll={{ x: 640, y: 480 }}
          dataSource={s.attendance.map((x, i) => ({ ...x, i }))}
          columns={[
            { title: '#', dataIndex: 'i', width: 44, render: (i: number) => i + 1 },
            { title: '姓名', dataIndex: 'guardName', width: 100 },
            {
              title: '到课',
              width: 80,
              render: (_: unknown, x: { i: number }) => (
                <Switch aria-label={`到课-${x.i + 1}`} checked={rows[x.i]?.attended} checkedChildren="到" unCheckedChildren="缺" onChange={(v) => setRow(x.i, { attended: v })} />
              ),
            },
            ...s.topics.map((topic) => ({
              title: trainingTopicLabels[topic as TrainingTopic],
              width: 150,
              render: (_: unknown, x: { i: number }) => {
                const v = rows[x.i]?.scores[topic as TrainingTopic] ?? null;
                const problem = rows[x.i]?.attended && v != null ? scoreProblem(v) : null;
                return (
                  <Space size={4}>
                    <NumberInput
                      aria-label={`${trainingTopicLabels[topic as TrainingTopic]}-${x.i + 1}`}
                      disabled={!rows[x.i]?.attended}
                      status={problem ? 'error' : undefined}
                      title={problem ?? undefined}
                      value={v}
                      onChange={(n) => setRow(x.i, { scores: { ...rows[x.i].scores, [topic]: n } })}
                      style={{ width: 80 }}
                    />
                    {rows[x.i]?.attended && typeof v === 'number' && !problem && <Tag color={v >= s.passScore ? 'success' : 'error'}>{v >= s.passScore ? '合格' : '不合格'}</Tag>}
                  </Space>
                );
              },
            })),
          ]}
        />
      )}
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Button size="small" onClick={() => setRows((rs) => fillBlankScores(rs, s!.topics, 85))}>
          空白成绩填85分
        </Button>
      </Flex>
    </Modal>
  );
}
