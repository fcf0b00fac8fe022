import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** LIKE with the user's text taken literally: %, _ and \ in it match only themselves. */
function literal(text: string): string {
  return text.replace(/[%_\\]/g, (ch) => `\\${ch}`);
}

export function containsText(column: AnyColumn, text: string): SQL {
  return sql`${column} LIKE ${`%${literal(text)}%`} ESCAPE '\\'`;
}

export function startsWithText(column: AnyColumn, text: string): SQL {
  return sql`${column} LIKE ${`${literal(text)}%`} ESCAPE '\\'`;
}
