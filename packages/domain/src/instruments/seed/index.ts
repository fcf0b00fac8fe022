/**
 * The seeded default instruments, DRAFTED FROM PUBLIC SOURCES and not the official BALKS
 * instrument (see `lksa.ts` and `adult.ts`): LKSA, LKS-LU, LKSPD and one general instrument for
 * LKS-NAPZA, LKS-ODHA and LKS-LAIN, under Permensos 17/2012 and Permensos 8/2025. Their weights and grade rules are a configurable default
 * (`CONFIGURABLE_DEFAULT_LABEL`).
 */
import type { InstrumentVersion } from "../types.ts";
import { published } from "./build.ts";
import { LKSA_2012, LKSA_2025 } from "./lksa.ts";
import { LKSPD_2012, LKSPD_2025, LKS_LU_2012, LKS_LU_2025, LKS_OTHER_2012, LKS_OTHER_2025 } from "./adult.ts";

export const SEED_INSTRUMENTS: InstrumentVersion[] = [
  LKSA_2012,
  LKSA_2025,
  LKS_LU_2012,
  LKS_LU_2025,
  LKSPD_2012,
  LKSPD_2025,
  LKS_OTHER_2012,
  LKS_OTHER_2025,
].map(published);
