import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** Shown in the authenticator app above the account name. */
export const TOTP_ISSUER = '安保前置审核系统';
export const RECOVERY_CODE_COUNT = 10;

/** A new RFC 6238 secret: 20 random bytes, Base32 (what authenticator apps expect). */
export const newTotpSecret = (): string => generateSecret();

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
}

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step of a valid code, or null. One step of clock drift either way (RFC 6238 §5.2); a code
 * whose step is not after `afterStep` (the last one accepted) is refused, so each code works once.
 */
export async function totpStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!isTotpCode(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  } catch {
    return null;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 Base32 characters (80 random bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What a typed recovery code is compared as: upper case, no separators; null when it cannot be one. */
export function normalizeRecoveryCode(code: string): string | null {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z2-7]{16}$/.test(plain) ? plain : null;
}

/** Recovery codes have 80 random bits each, so a fast hash suffices (no guessing them offline). */
export const hashRecoveryCode = (normalized: string) => crypto.createHash('sha256').update(normalized).digest('hex');
