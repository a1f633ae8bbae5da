import { ageOn, Education, educationLabels, GuardStatus } from '@evs/schema';
import { addYears } from '../../common/calendar';

/** 条例 = 《保安服务管理条例》(2022). */
export const ART16 = '《保安服务管理条例》第十六条';
export const ART17 = '《保安服务管理条例》第十七条';
/** Art. 16: a guard is at least 18. */
export const LEGAL_MIN_AGE = 18;
/** Art. 17: a certificate revoked less than 3 years ago, or revoked twice, bars the person. */
export const REVOCATION_BAR_YEARS = 3;

export type EligibilityCode =
  | 'LEFT'
  | 'UNDER_AGE'
  | 'OVER_AGE'
  | 'EDUCATION'
  | 'NO_CERTIFICATE'
  | 'REVOKED_RECENTLY'
  | 'REVOKED_TWICE';

export interface EligibilityProblem {
  code: EligibilityCode;
  /** The article a refusal rests on; null for local policy (the upper age limit) and status. */
  article: string | null;
  message: string;
}

export interface EligibilityLimits {
  minAge: number;
  maxAge: number;
}

export interface GuardFacts {
  birthDate: string;
  education: Education;
  certificateNo: string | null;
  status: GuardStatus;
  leftOn: string | null;
}

const EDUCATION_ORDER: Education[] = [
  Education.PRIMARY,
  Education.JUNIOR_MIDDLE,
  Education.SENIOR_MIDDLE,
  Education.VOCATIONAL,
  Education.COLLEGE,
  Education.BACHELOR,
  Education.POSTGRADUATE,
];

/** Art. 16: junior-middle school (初中) or above. */
export function meetsEducation(e: Education): boolean {
  return EDUCATION_ORDER.indexOf(e) >= EDUCATION_ORDER.indexOf(Education.JUNIOR_MIDDLE);
}

export function ageProblem(birthDate: string, onDate: string, limits: EligibilityLimits): EligibilityProblem | null {
  const age = ageOn(birthDate, onDate);
  if (age < LEGAL_MIN_AGE) {
    return { code: 'UNDER_AGE', article: ART16, message: `${onDate}时年龄${age}岁，未满18周岁（${ART16}）` };
  }
  if (age < limits.minAge) {
    return { code: 'UNDER_AGE', article: null, message: `${onDate}时年龄${age}岁，低于本市规定的最低年龄${limits.minAge}岁` };
  }
  if (age > limits.maxAge) {
    return { code: 'OVER_AGE', article: null, message: `${onDate}时年龄${age}岁，超过本市规定的年龄上限${limits.maxAge}岁` };
  }
  return null;
}

export function educationProblem(e: Education): EligibilityProblem | null {
  if (meetsEducation(e)) return null;
  return {
    code: 'EDUCATION',
    article: ART16,
    message: `学历为${educationLabels[e]}，未达到初中以上文化程度（${ART16}）`,
  };
}

/**
 * A revocation in force as the rules read it: its day, and the 保安员证 revoked (null: not known, a
 * revocation stored before the number was kept). A cancelled one (entered in error) is not among them.
 */
export interface RevocationFact {
  revokedOn: string;
  certificateNo?: string | null;
}

/**
 * How many certificates these revocations revoked: 条例第十七条's "revoked twice" is two certificates (no
 * new one is issued within 3 years of a revocation, so one certificate is not revoked twice; red-team L4).
 * A number counts once however many rows name it; a revocation whose number is not known counts on its
 * own (as `revokedCertificateKeySql` counts in SQL).
 */
export function revokedCertificates(revocations: readonly RevocationFact[]): number {
  return new Set(revocations.map((r) => (r.certificateNo ? certificateKey(r.certificateNo) : `@${r.revokedOn}`))).size;
}

/**
 * A 保安员证 number as compared (red-team 6 M1): full-width letters, digits and signs as half-width (NFKC),
 * no spaces, upper case. "辽盘保２０１９ａ１" and "辽盘保2019A1 " are one number; the stored spelling is the
 * register's (or this form, for a number no register holds).
 */
export function certificateKey(no: string): string {
  return no.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

/** SQL: what a revocation `alias` counts as in `revokedCertificates` (a certificate number has no "@"). */
export const revokedCertificateKeySql = (alias = 'cr') => `COALESCE(${alias}.certificate_no, '@' || ${alias}.revoked_on::text)`;

/** SQL: the revocation `alias` is in force (not cancelled as entered in error). */
export const revocationInForceSql = (alias = 'cr') => `${alias}.cancelled_at IS NULL`;

/** A revocation with what the register knows of the certificate revoked: its issue date (null: not known). */
export interface RevokedCertificate extends RevocationFact {
  certificateNo: string | null;
  issuedOn: string | null;
}

/**
 * Whether two revocations of one person are of two certificates, so that together they are "revoked
 * twice": a new certificate was issued after the earlier revocation and revoked by the later one. Not when
 * they name one number (as compared: `certificateKey`), nor when the later one's certificate was issued on
 * or before the earlier revocation. With no issue date to go by, two different numbers tell two
 * certificates apart only 3 years or more apart: no certificate is issued within 3 years of a revocation
 * (条例第十七条), so revocations of 12-01, 12-02 and 12-03 are of one certificate whatever numbers were typed
 * (red-team 6 M1). A number not known may be the same certificate: the later revocation is refused, and
 * the earlier one can be corrected.
 */
export function twoCertificates(a: RevokedCertificate, b: RevokedCertificate): boolean {
  const [earlier, later] = a.revokedOn <= b.revokedOn ? [a, b] : [b, a];
  if (earlier.certificateNo && later.certificateNo && certificateKey(earlier.certificateNo) === certificateKey(later.certificateNo)) return false;
  if (later.issuedOn) return later.issuedOn > earlier.revokedOn;
  return !!earlier.certificateNo && !!later.certificateNo && later.revokedOn >= addYears(earlier.revokedOn, REVOCATION_BAR_YEARS);
}

/** Art. 17 on the revocations (in force) of the person's 保安员证 up to `onDate`. */
export function revocationProblems(revocations: readonly RevocationFact[], onDate: string): EligibilityProblem[] {
  const past = revocations.filter((r) => r.revokedOn <= onDate);
  const problems: EligibilityProblem[] = [];
  const latest = past.map((r) => r.revokedOn).sort()[past.length - 1];
  // Counted back from the day, as the SQL filter and the pre-check count it (revoked_on > day − 3 years):
  // a 29 February revocation bars through 28 February three years on (review 5 C-8; 民法典第二百零二条).
  if (latest && latest > addYears(onDate, -REVOCATION_BAR_YEARS)) {
    problems.push({
      code: 'REVOKED_RECENTLY',
      article: ART17,
      message: `保安员证于${latest}被吊销，至${onDate}不满${REVOCATION_BAR_YEARS}年（${ART17}）`,
    });
  }
  const certificates = revokedCertificates(past);
  if (certificates >= 2) {
    problems.push({ code: 'REVOKED_TWICE', article: ART17, message: `保安员证曾被吊销${certificates}次（${ART17}）` });
  }
  return problems;
}

/** Every reason the guard may not serve on `onDate`; empty when eligible (pure; unit-tested). */
export function eligibilityProblems(
  guard: GuardFacts,
  revocations: readonly RevocationFact[],
  onDate: string,
  limits: EligibilityLimits,
): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (guard.status === GuardStatus.LEFT) {
    problems.push({ code: 'LEFT', article: null, message: `已于${guard.leftOn ?? '（日期未记录）'}离职` });
  }
  const age = ageProblem(guard.birthDate, onDate, limits);
  if (age) problems.push(age);
  const edu = educationProblem(guard.education);
  if (edu) problems.push(edu);
  if (!guard.certificateNo) {
    problems.push({ code: 'NO_CERTIFICATE', article: ART16, message: `未取得保安员证（${ART16}）` });
  }
  problems.push(...revocationProblems(revocations, onDate));
  return problems;
}

/**
 * The same rules as `eligibilityProblems` as one SQL condition over `guards` aliased `alias`, for
 * lists and counts (the guards filter `eligibleOn`, the recommendation's eligible-guard count).
 * Parameters: `:eligibleOn` (date), `:eligibleMinAge`, `:eligibleMaxAge`.
 */
export function eligibleGuardCondition(alias = 'g'): string {
  return `(${alias}.status = 'ACTIVE'
    AND ${alias}.certificate_no IS NOT NULL
    AND ${alias}.education <> 'PRIMARY'
    AND ${alias}.birth_date <= (CAST(:eligibleOn AS date) - make_interval(years => CAST(:eligibleMinAge AS int)))::date
    AND ${alias}.birth_date > (CAST(:eligibleOn AS date) - make_interval(years => CAST(:eligibleMaxAge AS int) + 1))::date
    AND NOT EXISTS (
      SELECT 1 FROM certificate_revocations cr
      WHERE cr.id_hash = ${alias}.id_hash AND ${revocationInForceSql('cr')} AND cr.revoked_on <= CAST(:eligibleOn AS date)
        AND cr.revoked_on > (CAST(:eligibleOn AS date) - interval '${REVOCATION_BAR_YEARS} years')::date)
    AND (SELECT count(DISTINCT ${revokedCertificateKeySql('cr')}) FROM certificate_revocations cr
         WHERE cr.id_hash = ${alias}.id_hash AND ${revocationInForceSql('cr')} AND cr.revoked_on <= CAST(:eligibleOn AS date)) < 2)`;
}

export function eligibleGuardParams(onDate: string, limits: EligibilityLimits) {
  return { eligibleOn: onDate, eligibleMinAge: Math.max(LEGAL_MIN_AGE, limits.minAge), eligibleMaxAge: limits.maxAge };
}
