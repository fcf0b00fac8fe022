/**
 * Certificate numbers (issue 14): BALKS configures the format as a template, e.g. the default
 * `{seq:4}/BALKS/{grade}/{month}/{year}` gives `0123/BALKS/B/XII/2026`. The sequence counts per
 * year and is never reused (the counter lives in D1; this module only formats and reads numbers),
 * so a template must carry both `{seq}` and `{year}` for two certificates never to share a number.
 */
import { GRADES, type Grade } from "../instruments/types.ts";

export const DEFAULT_NUMBER_TEMPLATE = "{seq:4}/BALKS/{grade}/{month}/{year}";

/** Longest number accepted anywhere (the public lookup refuses longer input before any query). */
export const MAX_NUMBER_LENGTH = 64;

export interface NumberParts {
  sequence: number;
  grade: Grade;
  /** 1–12. */
  month: number;
  year: number;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;

export const romanMonth = (month: number): string => ROMAN[month - 1] ?? "";

type Token =
  | { kind: "literal"; text: string }
  | { kind: "seq"; width: number }
  | { kind: "grade" }
  | { kind: "month" }
  | { kind: "year" };

/** Literal text may use letters, digits and `/ - .` only: numbers travel in URLs and QR codes. */
const LITERAL = /^[A-Za-z0-9/.-]*$/;

/** The template's tokens, or the problem with it (Bahasa Indonesia / English). */
export function parseNumberTemplate(template: string): { ok: true; tokens: Token[] } | { ok: false; problem: string } {
  const tokens: Token[] = [];
  const seen = new Set<string>();
  const pattern = /\{(seq(?::(\d))?|grade|month|year)\}/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    const literal = template.slice(last, match.index);
    if (literal) tokens.push({ kind: "literal", text: literal });
    const name = match[1]?.startsWith("seq") ? "seq" : (match[1] as "grade" | "month" | "year");
    if (seen.has(name)) return { ok: false, problem: `{${name}} muncul dua kali / {${name}} appears twice` };
    seen.add(name);
    const prev = tokens.at(-1);
    if (prev && prev.kind !== "literal")
      return { ok: false, problem: "Pisahkan setiap bagian dengan teks / Separate every part with literal text" };
    tokens.push(name === "seq" ? { kind: "seq", width: Number(match[2] ?? "4") } : { kind: name });
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  if (tail) tokens.push({ kind: "literal", text: tail });
  for (const t of tokens) {
    if (t.kind === "literal" && !LITERAL.test(t.text))
      return {
        ok: false,
        problem: `Teks "${t.text}" hanya boleh huruf, angka, / - . / Text "${t.text}" may hold only letters, digits, / - .`,
      };
  }
  if (!seen.has("seq") || !seen.has("year"))
    return {
      ok: false,
      problem:
        "Format harus memuat {seq} dan {year} agar nomor tidak pernah sama / The format must hold {seq} and {year} so no two numbers are the same",
    };
  if (template.length > 40) return { ok: false, problem: "Format terlalu panjang / The format is too long" };
  return { ok: true, tokens };
}

function tokensOf(template: string): Token[] {
  const parsed = parseNumberTemplate(template);
  if (!parsed.ok) throw new Error(`Invalid certificate number template: ${parsed.problem}`);
  return parsed.tokens;
}

/** The number of a certificate with these parts under `template`. */
export function formatCertificateNumber(template: string, parts: NumberParts): string {
  return tokensOf(template)
    .map((t) => {
      switch (t.kind) {
        case "literal":
          return t.text;
        case "seq":
          return String(parts.sequence).padStart(t.width, "0");
        case "grade":
          return parts.grade;
        case "month":
          return romanMonth(parts.month);
        default:
          return String(parts.year);
      }
    })
    .join("");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/**
 * The parts of `text` read under `template`, or null when it is not such a number: the exact
 * inverse of `formatCertificateNumber` (a number is accepted only in its one canonical spelling).
 */
export function parseCertificateNumber(template: string, text: string): Partial<NumberParts> | null {
  if (text.length > MAX_NUMBER_LENGTH) return null;
  const tokens = tokensOf(template);
  const source = tokens
    .map((t) => {
      switch (t.kind) {
        case "literal":
          return escapeRegExp(t.text);
        case "seq":
          return `(?<seq>\\d{${t.width},9})`;
        case "grade":
          return `(?<grade>${GRADES.join("|")})`;
        case "month":
          return `(?<month>${[...ROMAN].reverse().join("|")})`;
        default:
          return "(?<year>\\d{4})";
      }
    })
    .join("");
  const groups = new RegExp(`^${source}$`).exec(text)?.groups;
  if (!groups) return null;
  const parts: Partial<NumberParts> = {};
  if (groups.seq !== undefined) parts.sequence = Number(groups.seq);
  if (groups.grade !== undefined) parts.grade = groups.grade as Grade;
  if (groups.month !== undefined) parts.month = ROMAN.indexOf(groups.month as (typeof ROMAN)[number]) + 1;
  if (groups.year !== undefined) parts.year = Number(groups.year);
  if (parts.sequence === 0) return null;
  // Only the canonical spelling (a sequence with extra leading zeros is another string).
  const seqToken = tokens.find((t) => t.kind === "seq");
  if (seqToken?.kind === "seq" && groups.seq && groups.seq.length > seqToken.width && groups.seq.startsWith("0"))
    return null;
  return parts;
}

/**
 * Whether a string could be a certificate number of any format (the public lookup's first, constant
 * check: printable, URL-safe characters, bounded length). Which format issued it is not known there:
 * formats change over time and old numbers stay valid.
 */
export function plausibleCertificateNumber(text: string): boolean {
  return text.length > 0 && text.length <= MAX_NUMBER_LENGTH && /^[A-Za-z0-9/.-]+$/.test(text);
}
