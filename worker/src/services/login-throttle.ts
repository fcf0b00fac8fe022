import { countHit, forgiveHit, type Db } from "@akrab/db";
import { Problem } from "../middleware/problem/index.ts";

/** At most this many failed sign-ins per account and per IP address in each window. */
const LOGIN_ATTEMPTS_PER_WINDOW = { account: 10, ip: 30 };
const LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Counts the attempt before the password is checked, so parallel guesses cannot slip past the
 * limit; a successful sign-in hands its count back (`forgiveSuccessfulLogin`). The IP limit is
 * higher than the account limit because one office often shares one address.
 */
export async function throttleLogin(db: Db, email: string, ip: string): Promise<void> {
  const [account, address] = await Promise.all([
    countHit(db, accountKey(email), LOGIN_WINDOW_SECONDS),
    countHit(db, ipKey(ip), LOGIN_WINDOW_SECONDS),
  ]);
  const blocked = [
    account.count > LOGIN_ATTEMPTS_PER_WINDOW.account ? account.resetsIn : 0,
    address.count > LOGIN_ATTEMPTS_PER_WINDOW.ip ? address.resetsIn : 0,
  ];
  const retryAfter = Math.max(...blocked);
  if (retryAfter > 0) {
    const minutes = Math.ceil(retryAfter / 60);
    throw new Problem(
      "rate-limited",
      `Terlalu banyak percobaan masuk. Coba lagi dalam ${minutes} menit / Too many sign-in attempts; try again in ${minutes} minutes`,
      {
        headers: { "retry-after": String(retryAfter) },
      },
    );
  }
}

export function forgiveSuccessfulLogin(db: Db, email: string, ip: string) {
  return [forgiveHit(db, accountKey(email)), forgiveHit(db, ipKey(ip))] as const;
}

const accountKey = (email: string) => `login:account:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;
