import { Card, Grid, Timeline, Typography } from 'antd';
import { activityStatusLabels } from '@evs/schema';
import type { ActivityDetailQuery } from '@/gql/graphql';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import { MultilineText } from '@/shared/MultilineText';

type Transition = ActivityDetailQuery['activity']['transitions'][number];

/** The colour of a step: a cancellation red, a return to draft grey, every other step blue. */
export const transitionColor = (t: Pick<Transition, 'fromStatus' | 'toStatus'>) =>
  t.toStatus === 'CANCELLED' ? 'red' : t.toStatus === 'DRAFT' && t.fromStatus ? 'gray' : 'blue';

/** 台账: the activity's status changes, who made them and why. */
export function TransitionsCard({ transitions }: { transitions: Transition[] }) {
  // On a phone the history's dates go above each step, leaving the width to the text.
  const wide = Grid.useBreakpoint().sm ?? true;
  return (
    <Card title="台账" variant="borderless">
      <Timeline
        items={transitions.map((t) => ({
          key: t.id,
          color: transitionColor(t),
          title: wide ? formatDateTime(t.at) : undefined,
          content: (
            <>
              {!wide && <Typography.Text type="secondary">{formatDateTime(t.at)}</Typography.Text>}
              <div>
                <strong>{labelOf(activityStatusLabels, t.toStatus)}</strong> · {t.actorName}
              </div>
              {t.comment && <Typography.Text type="secondary"><MultilineText>{t.comment}</MultilineText></Typography.Text>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
