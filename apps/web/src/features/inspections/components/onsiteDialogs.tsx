import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import '@/app/antd.css';
import { SIGNED_IN_THEME } from '@/app/theme';

/**
 * The on-site screen's dialogs (the checklist, the correction, the start and the 总结), loaded as one
 * chunk after its first screen (pages/InspectionPage.tsx), with the antd they need: the screen itself
 * is plain markup. The service worker keeps this chunk with the page's own (vite.config.ts), so they
 * open in a dead zone too.
 */
dayjs.locale('zh-cn');

/** antd's locale, theme and message hooks, around the dialogs only. */
export function DialogProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={SIGNED_IN_THEME}>
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}

export { CheckDrawer } from './CheckDrawer';
export { CloseActivityModal } from './CloseActivityModal';
export { CorrectFindingModal } from './CorrectFindingModal';
export { StartActivityModal } from './StartActivityModal';
