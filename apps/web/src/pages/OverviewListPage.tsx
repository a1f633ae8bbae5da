import { useQuery } from '@apollo/client/react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import {
  activityStatusLabels,
  ageBandLabels,
  districtLabels,
  drilldownKindLabels,
  inspectionItemLabels,
  lateStageLabels,
  trainingOutcomeLabels,
  vettingDecisionLabels,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import type { DrilldownFilterInput, DrilldownKind, OverviewDrilldownQuery as DrilldownResult } from '@/gql/graphql';
import { drilldownFromSearch } from '@/features/dashboard/drilldown';
import { OverviewDrilldownQuery } from '@/features/dashboard/operations';
import { ListScaffold, type ListColumn } from '@/shared/ListScaffold';
import { PageContainer } from '@/shared/PageContainer';

type Row = DrilldownResult['overviewDrilldown']['items'][number];

const yesNo = (yes: string, no: string) => (v: unknown) => (v === true ? yes : no);
/** How each filter reads as a tag above the list. */
const describe: Record<string, (v: unknown) => string> = {
  district: (v) => districtLabels[v as keyof typeof districtLabels] ?? String(v),
  status: (v) => activityStatusLabels[v as keyof typeof activityStatusLabels] ?? String(v),
  lateStage: (v) => lateStageLabels[v as keyof typeof lateStageLabels] ?? String(v),
  late: yesNo('逾期', '按期'),
  fewCandidates: yesNo('候选不足3家', '候选3家及以上'),
  qualified: yesNo('合格', '不合格'),
  decision: (v) => `审核${vettingDecisionLabels[v as keyof typeof vettingDecisionLabels] ?? v}`,
  reasonCategory: (v) => vettingReasonCategoryLabels[v as keyof typeof vettingReasonCategoryLabels] ?? String(v),
  trainingOutcome: (v) => trainingOutcomeLabels[v as keyof typeof trainingOutcomeLabels] ?? String(v),
  item: (v) => inspectionItemLabels[v as keyof typeof inspectionItemLabels] ?? String(v),
  open: yesNo('未纠正', '已纠正'),
  companyId: () => '指定公司',
  ageBand: (v) => ageBandLabels[v as keyof typeof ageBandLabels] ?? String(v),
};

/** The list behind a figure of the overview, already filtered (the URL holds the filter). */
export default function OverviewListPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { kind, filter, title } = drilldownFromSearch(search);
  const page = Number(search.get('page') ?? 1);
  const pageSize = Number(search.get('pageSize') ?? 20);
  const { data, previousData, loading, error } = useQuery(OverviewDrilldownQuery, {
    variables: { kind: kind as DrilldownKind, filter: filter as DrilldownFilterInput, page: { page, pageSize } },
  });
  const list = (data ?? previousData)?.overviewDrilldown;
  const columns: ListColumn<Row>[] = (list?.columns ?? []).map((label, i) => ({
    key: String(i),
    title: label,
    dataIndex: ['cells', i],
    ellipsis: i > 0 && label !== '活动名称' && label !== '公司名称',
  }));
  const period = filter.from || filter.to ? `${filter.from ?? '…'} 至 ${filter.to ?? '…'}` : null;
  const tags = Object.entries(filter).filter(([k]) => k in describe);

  return (
    <PageContainer
      title={title ?? drilldownKindLabels[kind as keyof typeof drilldownKindLabels] ?? '列表'}
      subTitle={list ? `共 ${list.total} 条` : undefined}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          返回总览
        </Button>
      }
    >
      <Card variant="borderless">
        <Flex wrap gap={6} style={{ marginBottom: 12 }} data-testid="drilldown-filters">
          <Tag color="blue">{drilldownKindLabels[kind as keyof typeof drilldownKindLabels] ?? kind}</Tag>
          {period && <Tag>活动开始：{period}</Tag>}
          {!filter.district && <Tag>全市</Tag>}
          {tags.map(([k, v]) => (
            <Tag key={k}>{describe[k](v)}</Tag>
          ))}
        </Flex>
        {/* the wide table scrolls in a region the keyboard can reach (WCAG 2.1.1; axe scrollable-region-focusable) */}
        <div role="region" aria-label="明细表，可左右滚动" tabIndex={0} style={{ overflowX: 'auto' }} data-testid="drilldown-table">
          <ListScaffold<Row>
            label="明细"
            rowKey="id"
            rowName={(r) => String(r.cells[0] ?? '')}
            loading={loading}
            error={error}
            columns={columns}
            dataSource={list?.items ?? []}
            empty="没有符合条件的记录"
            rowProps={(r) => (r.link?.startsWith('/activities/') ? { onClick: () => navigate(r.link!), style: { cursor: 'pointer' } } : {})}
            pagination={{
              current: list?.page ?? page,
              pageSize: list?.pageSize ?? pageSize,
              total: list?.total ?? 0,
              sizeChanger: true,
              unit: '条',
              onChange: (p, s) => {
                const next = new URLSearchParams(search);
                next.set('page', String(p));
                next.set('pageSize', String(s));
                setSearch(next, { replace: true });
              },
            }}
          />
        </div>
      </Card>
    </PageContainer>
  );
}
