/** The public statistics as the API serves them (packages/contracts/src/reports.ts): a withheld count is null. */
type Count = number | null;
export interface PublicStatistics {
  dataAsOf: string;
  dataAsOfText: string;
  suppressionThreshold: number;
  country: { lks: Count; accredited: Count; A: Count; B: Count; C: Count };
  provinces: {
    code: string;
    name: string;
    onAkrab: boolean;
    lks: Count;
    accredited: Count;
    A: Count;
    B: Count;
    C: Count;
  }[];
  types: { type: string; lks: Count; accredited: Count }[];
}
