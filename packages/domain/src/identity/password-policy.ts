/**
 * Password rules (NIST SP 800-63B style): long enough, not a well-known password, not the
 * user's own email. No composition rules: they push people to "Password1!".
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords seen most often in breach corpora, plus local favourites. Compared case-insensitively. */
const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "1111111111",
  "0000000000",
  "1234512345",
  "9876543210",
  "qwertyuiop",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "asdfghjkl;",
  "zxcvbnm123",
  "qwerty1234",
  "qwerty12345",
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "p@ssw0rd123",
  "iloveyou123",
  "abcdefghij",
  "abc1234567",
  "abcd123456",
  "aaaaaaaaaa",
  "letmein123",
  "welcome123",
  "admin12345",
  "administrator",
  "changeme123",
  "football123",
  "monkey12345",
  "dragon12345",
  "sunshine123",
  "bismillah",
  "bismillah123",
  "indonesia",
  "indonesia123",
  "indonesia45",
  "merdeka123",
  "merdeka1945",
  "sayangku123",
  "rahasia123",
  "katasandi",
  "katasandi123",
  "jakarta123",
  "garuda12345",
  "pancasila",
  "pancasila45",
  "akrab12345",
  "akreditasi",
  "akreditasi123",
  "dinsos12345",
  "kemensos123",
]);

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_email";

export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (length > PASSWORD_MAX_LENGTH) problems.push("too_long");
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push("common");
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) problems.push("contains_email");
  return problems;
}

/** Messages in Indonesian first (the UI language), English after a slash for API clients. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter / Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter / Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  common: "Kata sandi ini terlalu umum / This password is too common",
  contains_email: "Kata sandi tidak boleh memuat alamat email / Password must not contain your email",
};
