import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { serverNow } from '@/shared/clock';

/** The screen's sense of "now", refreshed each minute so a start or a close becomes possible on time. */
export function useNow(): Dayjs {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
