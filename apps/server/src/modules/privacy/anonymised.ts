/** What an anonymised guard record shows in place of its name and ID number. */
export const ANONYMISED = '已匿名';
