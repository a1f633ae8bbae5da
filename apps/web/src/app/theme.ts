import type { ThemeConfig } from 'antd';

/** A sober government blue, dense tables, the Chinese system font stack. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f9c',
    colorInfo: '#1d4f9c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f0f2f5',
  },
  components: {
    Layout: { siderBg: '#0b2a5b', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px', triggerBg: '#08204a' },
    Menu: {
      darkItemBg: '#0b2a5b',
      darkSubMenuItemBg: '#08204a',
      darkItemSelectedBg: '#1d4f9c',
      darkGroupTitleColor: 'rgba(255,255,255,0.45)',
    },
    Card: { headerFontSize: 15 },
  },
};
