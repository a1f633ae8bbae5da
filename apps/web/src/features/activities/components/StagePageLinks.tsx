import { Button, Space } from 'antd';
import { Link } from 'react-router';
import type { StagePage } from '../activityDetail';

/** Buttons to the pages of the stages the activity has reached. */
export function StagePageLinks({ pages }: { pages: StagePage[] }) {
  return (
    <Space wrap data-testid="activity-stage-pages">
      {pages.map((p) => (
        <Link key={p.pattern} to={p.to}>
          <Button size="small">{p.label}</Button>
        </Link>
      ))}
    </Space>
  );
}
