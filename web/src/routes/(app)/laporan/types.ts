import type { CoverageCategory } from "@akrab/domain";
import type { Drill } from "./view.ts";

/** The report API's answers as the page reads them (packages/contracts/src/reports.ts). */
type Label = { id: string; en: string };
type Fresh = { dataAsOf: string; dataAsOfText: string };

export interface CoverageArea {
  code: string;
  name: string;
  level: "country" | "province" | "regency" | "type";
  tenant: "on_akrab" | "deactivated" | "not_onboarded" | null;
  counts: Record<CoverageCategory, number> | null;
  total: number | null;
  kabKotaOnAkrab?: number;
  kabKotaCount?: number;
  computedAt: string | null;
  drill: Drill;
}
export interface CoverageReport extends Fresh {
  categories: { key: CoverageCategory; label: Label }[];
  country: CoverageArea;
  provinces: CoverageArea[];
  regencies: CoverageArea[];
  types: CoverageArea[];
}
export interface PipelineReport extends Fresh {
  steps: {
    step: string;
    label: Label;
    count: number;
    medianDays: number;
    p90Days: number;
    longestDays: number;
    overdue: number;
    drill: Drill;
  }[];
  slaBreaches: {
    tenant: { slug: string; name: string; regionCode: string };
    step: string;
    overdue: number;
    drill: Drill;
  }[];
  returns: { count: number; drill: Drill; reasons: { reason: string; count: number; drill: Drill }[] };
  throughput: {
    month: string;
    accredited: number;
    notAccredited: number;
    target: number;
    cumulative: number;
    cumulativeTarget: number;
    drill: Drill;
  }[];
  forecast: { month: string; due: number; drill: Drill }[];
}
export interface AsesorReport extends Fresh {
  asesors: {
    id: string;
    name: string;
    provinceCode: string;
    assignments: number;
    openAssignments: number;
    drill: Drill;
  }[];
  visitsPerMonth: { month: string; visits: number; drill: Drill }[];
  pairs: {
    asesors: { id: string; name: string }[];
    visits: number;
    indicators: number;
    flagged: number;
    share: number;
    drill: Drill;
  }[];
  durations: {
    assignmentToVisitMedianDays: number | null;
    visitToDecisionMedianDays: number | null;
    assignmentToDecisionMedianDays: number | null;
  };
}
export interface ReportLksItem {
  id: string;
  name: string;
  lksType: string;
  regionCode: string;
  regionName: string;
  tenantSlug: string;
  category: CoverageCategory;
}
export interface ReportLksPage extends Fresh {
  items: ReportLksItem[];
  nextCursor: string | null;
}
export interface ReportApplicationItem {
  applicationId: string;
  lksId: string;
  lksName: string;
  regionCode: string;
  regionName: string;
  tenantSlug: string;
  step: string;
  at: string;
  dueAt: string | null;
  event: string | null;
}
export interface ReportApplicationsPage extends Fresh {
  items: ReportApplicationItem[];
  nextCursor: string | null;
}
