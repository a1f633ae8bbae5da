import { withIdCheckDigit } from '@evs/schema';

/**
 * People of the demo import file (保安员名册): 韩立新 has his own record (故意犯罪刑事处罚), the
 * father of 邓海峰 has one (强制隔离戒毒), the others are clean. The Playwright journey and a manual
 * demo import these into company1's register and put them on the marathon's roster.
 */
export const demoImportPeople = {
  selfHit: { name: '韩立新', idNumber: withIdCheckDigit('21110219880312031'), education: '高中', certificateNo: '辽盘保2019031' },
  relativeHit: {
    name: '邓海峰',
    idNumber: withIdCheckDigit('21110319910705053'),
    education: '中专/技校',
    certificateNo: '辽盘保2020053',
    father: { name: '邓国强', idNumber: withIdCheckDigit('21110319630211011') },
  },
  clean: {
    name: '冯晓东',
    idNumber: withIdCheckDigit('21110419930918071'),
    education: '大专',
    certificateNo: '辽盘保2021071',
    mother: { name: '冯秀英', idNumber: withIdCheckDigit('21110419680520022') },
  },
  replacement: { name: '曹文博', idNumber: withIdCheckDigit('21110219950101015'), education: '高中', certificateNo: '辽盘保2022015' },
};
