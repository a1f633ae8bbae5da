import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';

/** The screen's sense of "now", refreshed each minute so a start or a close becomes possible on time. */
export function useNow(): Dayjs {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
