/** What a logout says while the account's on-site checks wait on the device (review 11-B F1). */
export const unsentWarning = (count: number) => `有${count}条现场检查记录尚未发送。退出后记录加密保存在本机，须您本人再次登录后才能发送。`;
