import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { comparisonLines, QUOTES_AWAITED_ID, selectionBlocker, type Candidate, type Comparison, type ComparisonLine } from '../hooks/useComparison';

interface Props {
  comparison: Comparison;
  onQuote: (candidate: Candidate) => void;
  onSelect: (candidate: Candidate) => void;
}

/** Candidates as columns, measures as rows (grouped), the best value of each row marked; 报价 and 遴选 on each candidate. */
export function ComparisonTable({ comparison: c, onQuote, onSelect }: Props) {
  // 遴选 waits for every quote (the server refuses without them): disabled until then, saying whose is awaited.
  const blocker = selectionBlocker(c);
  const columns = [
    {
      title: '比选指标',
      dataIndex: 'label',
      key: 'label',
      fixed: 'left' as const,
      width: 132,
      render: (label: string, line: ComparisonLine) =>
        line.group ? (
          label
        ) : (
          <Space size={4}>
            <span>{label}</span>
            {line.hint && (
              <Tooltip title={line.hint}>
                <Typography.Text type="secondary" style={{ cursor: 'help' }}>ⓘ</Typography.Text>
              </Tooltip>
            )}
          </Space>
        ),
    },
    ...c.candidates.map((cand) => ({
      key: cand.companyId,
      width: 190,
      title: (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space size={4} wrap>
            <Tag color="blue">第{cand.rank}名</Tag>
            {cand.selected && (
              <Tag color="success" icon={<CheckCircleFilled />}>
                中选
              </Tag>
            )}
          </Space>
          <Typography.Text strong style={{ whiteSpace: 'normal' }}>{cand.companyName}</Typography.Text>
          {/* after the chosen company lapsed (before any roster) the others may be quoted and chosen instead; its own quote stays */}
          {c.canSelect && !cand.selected && (
            <Space size={4} wrap>
              <Button size="small" icon={<EditOutlined />} onClick={() => onQuote(cand)} aria-label={`报价 ${cand.companyName}`}>
                报价
              </Button>
              {blocker ? (
                <Tooltip title={blocker}>
                  {/* a disabled button gets no pointer events: the tooltip hangs on its wrapper */}
                  <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
                    <Button size="small" type="primary" disabled aria-label={`遴选 ${cand.companyName}`} aria-describedby={QUOTES_AWAITED_ID} style={{ pointerEvents: 'none' }}>
                      遴选
                    </Button>
                  </span>
                </Tooltip>
              ) : (
                <Button size="small" type="primary" onClick={() => onSelect(cand)} aria-label={`遴选 ${cand.companyName}`}>
                  遴选
                </Button>
              )}
            </Space>
          )}
        </Space>
      ),
      onCell: (line: ComparisonLine) => ({ className: line.cells[cand.companyId]?.best ? 'cmp-best' : undefined }),
      render: (_: unknown, line: ComparisonLine) => {
        if (line.group) return null;
        const cell = line.cells[cand.companyId];
        if (!cell) return '—';
        return (
          <Space size={4} align="start">
            <span>{cell.display}</span>
            {cell.best && <TrophyOutlined style={{ color: '#52c41a' }} aria-label="本行最优" />}
          </Space>
        );
      },
    })),
  ];

  return (
    <Card variant="borderless" styles={{ body: { padding: 0 } }}>
      <Table<ComparisonLine>
        className="cmp-table"
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={comparisonLines(c)}
        columns={columns}
        rowClassName={(line) => (line.group ? 'cmp-group' : '')}
        scroll={{ x: 132 + 190 * c.candidates.length }}
        locale={{ emptyText: '尚未推荐候选公司' }}
      />
    </Card>
  );
}
