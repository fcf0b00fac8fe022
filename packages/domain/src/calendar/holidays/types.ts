/**
 * One year's days off across Indonesia, as decreed: national public holidays (`libur`, Keppres on
 * hari libur and the yearly SKB) and collective leave (`cuti_bersama`, the same SKB). The offices
 * Akrab serves (Dinsos, BALKS) are closed on both, so SLA working days skip both.
 */
export type HolidayKind = "libur" | "cuti_bersama";

export interface Holiday {
  date: string;
  kind: HolidayKind;
  name: string;
  /** Set when the date is an estimate, e.g. an Islamic holiday awaiting sidang isbat, or a year without its SKB yet. */
  estimate?: true;
}

export interface HolidayYear {
  year: number;
  /** The decree the dates come from (SKB number and date), or why there is none yet. */
  source: string;
  /** True until the year's SKB is published and the data updated from it. */
  provisional: boolean;
  days: readonly Holiday[];
}
