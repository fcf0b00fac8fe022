import type { GradeRules, InstrumentVersion, LksType, RegulationId } from "@akrab/domain";
import type { instrumentVersions } from "./schema/instruments.ts";

type InstrumentVersionRow = typeof instrumentVersions.$inferSelect;

/**
 * How a domain instrument version sits in its row: the id, regulation, LKS types and status are
 * columns (lists filter on them); the name, standards and lineage are the `content` document.
 */
type StoredContent = Pick<InstrumentVersion, "name" | "standards" | "lineage">;

export function instrumentOfRow(row: InstrumentVersionRow): InstrumentVersion {
  const content = row.content as unknown as StoredContent;
  return {
    id: row.id,
    name: content.name,
    regulation: row.regulationId as RegulationId,
    lksTypes: row.lksTypes as LksType[],
    status: row.status,
    standards: content.standards,
    gradeRules: row.gradeRules as unknown as GradeRules,
    lineage: content.lineage,
  };
}

/** The columns a version's content fills (a draft's insert or edit, the seed migration). */
export function instrumentColumns(instrument: InstrumentVersion) {
  const content: StoredContent = {
    name: instrument.name,
    standards: instrument.standards,
    lineage: instrument.lineage,
  };
  return {
    regulationId: instrument.regulation,
    lksTypes: [...instrument.lksTypes],
    label: instrument.name.id,
    content: content as unknown as Record<string, unknown>,
    gradeRules: instrument.gradeRules as unknown as Record<string, unknown>,
  };
}
