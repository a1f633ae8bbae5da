/**
 * What a route's error page says (`BootErrorPage` in `app/boot.tsx`, plain markup, shown by the first
 * load and inside the signed-in layout alike).
 * A page whose chunk is gone (typically a new version was deployed while the tab was open) asks for a
 * reload; anything else asks to retry and then to call the administrator.
 */
export function isChunkMissing(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
}

export function routeErrorText(error: unknown): { title: string; subTitle: string } {
  return isChunkMissing(error)
    ? { title: '系统已更新，请刷新页面', subTitle: '页面文件已更新，刷新后即可继续使用。' }
    : { title: '页面加载出错', subTitle: '请刷新页面重试；如仍有问题，请联系系统管理员。' };
}
