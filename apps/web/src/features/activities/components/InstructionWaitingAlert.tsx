import { Alert } from 'antd';
import { formatDateTime } from '@/shared/format';

/** A reported activity waits for the 保安管理支队's request, then for the leader's 批示. */
export function InstructionWaitingAlert({ requestedAt }: { requestedAt: string | null }) {
  return requestedAt ? (
    <Alert type="info" showIcon title={`保安管理支队已于 ${formatDateTime(requestedAt)} 请示，等待领导批示（条例第十四条：受理之日起7日内决定）`} />
  ) : (
    <Alert type="info" showIcon title="已通报，等待保安管理支队受理并向领导请示" />
  );
}
