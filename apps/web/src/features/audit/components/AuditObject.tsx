import { Typography } from 'antd';
import { Link } from 'react-router';
import { auditEntityTypeLabels } from '@evs/schema';
import { mayOpen } from '@/app/routes';
import { useRole } from '@/shared/session';
import { auditObjectRoute } from '../auditObject';

/** An audit entry's object in Chinese (保安员, 大型活动…), linked to its page when the viewer may open it. */
export function AuditObject({ type, id }: { type: string; id?: string | null }) {
  const role = useRole();
  const label = auditEntityTypeLabels[type] ?? '其他记录';
  const route = auditObjectRoute(type, id);
  if (route && mayOpen(role, route.pattern)) {
    return (
      <Link to={route.href} title={id ?? undefined}>
        {label}
      </Link>
    );
  }
  // Downloads and refused operations name a path rather than a record: show it as it is.
  const named = id && !UUID.test(id) ? id : null;
  return (
    <span title={id ?? undefined}>
      {label}
      {named && <Typography.Text type="secondary"> {named}</Typography.Text>}
    </span>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
