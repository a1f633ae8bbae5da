import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A titled card of a role's home. */
export function HomeSection({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card title={title} extra={extra} variant="borderless" style={{ marginTop: 16 }} data-testid={testId} styles={{ body: { paddingTop: 4 } }}>
      {children}
    </Card>
  );
}
