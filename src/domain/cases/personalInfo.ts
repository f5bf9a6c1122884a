/**
 * Spots personal information a manager may have pasted into a case summary, so the dialog can warn and
 * offer a rewrite. It flags; it never alters the text, and it reports kinds only (never the matches),
 * so nothing it finds can travel further (logs, analytics).
 */
export type PersonalInfoKind = 'email' | 'phone' | 'sin';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
// North American numbers: 613-555-0199, (613) 555 0199, +1 613.555.0199, 6135550199.
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/;
// A social insurance number: nine digits, often 3-3-3, that passes the Luhn check.
const SIN = /\b\d{3}[\s-]?\d{3}[\s-]?\d{3}\b/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function detectPersonalInfo(text: string): PersonalInfoKind[] {
  const found: PersonalInfoKind[] = [];
  if (EMAIL.test(text)) found.push('email');
  const sins = [...text.matchAll(SIN)].map((m) => m[0].replace(/\D/g, ''));
  const hasSin = sins.some((digits) => digits.length === 9 && luhnValid(digits));
  if (hasSin) found.push('sin');
  // A SIN written 3-3-3 is not also reported as a phone number; ten digits are.
  if (PHONE.test(text.replace(SIN, (m) => (luhnValid(m.replace(/\D/g, '')) ? '' : m)))) found.push('phone');
  return found;
}
