import type { InstrumentDetail } from "@akrab/contracts";
import { instrumentOfRow, type InstrumentVersionRow, type InstrumentVersionSummary, type TenantScope } from "@akrab/db";
import {
  CONFIGURABLE_DEFAULT_LABEL,
  applicableInstrument,
  REGULATIONS,
  indicatorsOf,
  type InstrumentProblem,
  type LksType,
  type RegulationId,
} from "@akrab/domain";
import { Problem } from "../middleware/problem/index.ts";

function regulationOf(id: string) {
  const regulation = REGULATIONS[id as RegulationId];
  return { id: regulation.id, name: regulation.name.id };
}

/** A list entry (lists read the name and count from the content in SQL, not the whole document). */
export function presentSummary(row: InstrumentVersionSummary) {
  return {
    id: row.id,
    name: row.name,
    regulation: regulationOf(row.regulationId),
    lksTypes: row.lksTypes as LksType[],
    status: row.status,
    basedOn: row.basedOn,
    version: row.version,
    indicatorCount: row.indicatorCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  };
}

export function presentInstrument(row: InstrumentVersionRow): InstrumentDetail {
  const instrument = instrumentOfRow(row);
  return {
    ...presentSummary({ ...row, name: instrument.name, indicatorCount: indicatorsOf(instrument).length }),
    standards: instrument.standards,
    gradeRules: instrument.gradeRules,
    lineage: instrument.lineage,
    configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
  };
}

/** The dotted path of a problem's place in the version, as the editor names its inputs. */
function pathOf(problem: InstrumentProblem): string {
  const w = problem.where;
  const parts = [
    w.band ? `gradeRules.bands.${w.band}` : null,
    w.indicator
      ? `indicators.${w.indicator}`
      : w.aspect
        ? `aspects.${w.aspect}`
        : w.standard
          ? `standards.${w.standard}`
          : null,
    w.level !== undefined ? `levels.${w.level}` : w.levelIndex !== undefined ? `levels.${w.levelIndex}` : null,
    w.evidence ? `evidence.${w.evidence}` : null,
    w.field ?? null,
  ];
  return parts.filter(Boolean).join(".") || "instrument";
}

/** Every problem of a version that cannot be saved, each located; nothing is saved. */
export function invalidInstrument(problems: InstrumentProblem[]): Problem {
  return new Problem(
    "validation",
    `Instrumen memiliki ${problems.length} masalah / The instrument has ${problems.length} problems`,
    { errors: problems.map((p) => ({ path: pathOf(p), message: `${p.message.id} / ${p.message.en}` })) },
  );
}

/** The id of the published version an LKS of these types is assessed on now (see `applicableInstrument`). */
export async function applicableVersionId(scope: TenantScope, lksTypes: readonly string[]): Promise<string | null> {
  const published = (await scope.instruments.list()).map((v) => ({ ...v, regulation: v.regulationId }));
  return applicableInstrument(published, lksTypes)?.id ?? null;
}
