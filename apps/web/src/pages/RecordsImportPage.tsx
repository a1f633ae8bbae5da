import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Space, Typography } from 'antd';
import { recordCategoryLabels } from '@evs/schema';
import { ImportPanel } from '@/features/vetting/components/ImportPanel';
import { ImportRecordsMutation, RecordsStatsQuery } from '@/features/vetting/operations';
import { postWithProgress } from '@/features/vetting/upload';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';

/** 记录库导入 (保安管理支队): the built-in records register that vetting checks people against. */
export default function RecordsImportPage() {
  const { data, error, refetch } = useQuery(RecordsStatsQuery);
  const stats = data?.recordsRegisterStats;
  return (
    <PageContainer subTitle="背景审查按身份证号比对本库记录（姓名仅供核对）">
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <ErrorAlert error={error} />
        <Card size="small" title="记录库概况">
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={[
            { label: '记录条数', children: stats?.total ?? '—' },
            { label: '涉及人数', children: stats?.people ?? '—' },
            { label: '最近导入', children: stats?.lastImportedAt ? formatDateTime(stats.lastImportedAt) : '—' },
            { label: '比对来源', children: stats ? (stats.source === 'http' ? '外部记录服务（RECORDS_SOURCE_URL）' : '内置记录库') : '—' },
          ]} />
        </Card>
        <Card size="small" title="导入记录">
          <Typography.Paragraph type="secondary">
            列：身份证号、姓名、类别（{Object.values(recordCategoryLabels).join('、')}）、发生日期、来源、严重程度、备注。
            同一身份证号、类别、日期、来源视为同一条记录，重复导入不会重复。新导入的记录会使此前通过的审核结论不再沿用。
          </Typography.Paragraph>
          <ImportPanel
            noun="记录"
            templateUrl="/templates/records.xlsx"
            run={async (file, mode, onProgress) => (await postWithProgress(ImportRecordsMutation, { file, mode }, onProgress)).importRecords}
            onCommitted={() => void refetch()}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
