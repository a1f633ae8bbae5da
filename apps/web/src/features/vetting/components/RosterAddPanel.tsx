import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { RosterState } from '@/features/vetting/hooks/useRoster';
import { ImportGuardsMutation } from '@/features/vetting/operations';
import { postWithProgress } from '@/features/vetting/upload';
import { CandidatePicker } from './CandidatePicker';
import { ImportPanel } from './ImportPanel';

/** 添加人员: pick guards from the register (or fill up to the number required) or import them, then submit. */
export function RosterAddPanel({ roster, activityId }: { roster: RosterState; activityId: string }) {
  const { modal } = App.useApp();
  const [tab, setTab] = useState('pick');
  const { selected, room, limit } = roster;
  const over = selected.length > room;
  return (
    <Card size="small" title="添加人员">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'pick',
            label: '从名册选择',
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Button onClick={roster.fillToRequired}>按所需人数补选预审无问题的人员</Button>
                  <Button
                    type="primary"
                    icon={<SendOutlined />}
                    disabled={!selected.length || over}
                    loading={roster.submitting}
                    onClick={() =>
                      modal.confirm({
                        title: `上报 ${selected.length} 名保安员？`,
                        content: '上报后名单交保安管理支队进行背景审核（本人及直系亲属）；审核期间可追加、移出或替换未通过人员。',
                        okText: '确认上报',
                        cancelText: '取消',
                        onOk: roster.submitSelected,
                      })
                    }
                  >
                    上报名单（{selected.length}人）
                  </Button>
                </Space>
                {over && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    data-testid="roster-over-limit"
                    title={`已选${selected.length}人，超过本名单还可上报的${room}人（名单上限${limit}人，不含审核不通过人员），请减少所选人员`}
                  />
                )}
                <CandidatePicker activityId={activityId} selected={selected} onChange={roster.setSelected} />
              </>
            ),
          },
          {
            key: 'import',
            label: '批量导入名册',
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  按模板填写保安员及其直系亲属（父亲、母亲、配偶、子女）的姓名和身份证号。先预览：所有问题行都会列出（行号、列、原因），不会保存；
                  确认后保存无误的行，同一身份证号重复导入只更新不重复。导入后的人员自动勾选，可直接上报。
                </Typography.Paragraph>
                <ImportPanel
                  noun="保安员"
                  templateUrl="/templates/guards.xlsx"
                  run={async (file, mode, onProgress) => (await postWithProgress(ImportGuardsMutation, { input: { file, mode } }, onProgress)).importGuards}
                  onCommitted={(r) => roster.pickImported(r.ids)}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
