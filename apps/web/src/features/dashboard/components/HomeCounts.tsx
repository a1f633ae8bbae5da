import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { activate } from '@/shared/activate';
import { OKABE } from '../palette';
import type { HomeData } from '../hooks/useMyHome';

/** The figures at the top of every home; each opens the page it counts. */
export function HomeCounts({ counts }: { counts: HomeData['counts'] }) {
  const navigate = useNavigate();
  return (
    <Row gutter={[12, 12]} data-testid="home-counts">
      {counts.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={Math.max(4, Math.floor(24 / counts.length))}>
          <Card
            variant="borderless"
            className={`home-count${c.link ? ' clickable' : ''}`}
            {...(c.link ? activate(() => navigate(c.link!)) : {})}
            data-testid={`home-count-${c.key}`}
            styles={{ body: { padding: '12px 16px' } }}
          >
            <Statistic
              title={c.label}
              value={c.value}
              valueStyle={{ fontSize: 24, color: c.warn ? OKABE.vermillion : undefined }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
