import type { Indicator } from "#lib/api-types.ts";
import { isApiError } from "#lib/api.ts";
import { localizeApiText } from "#lib/errors.ts";

/** An indicator as its edit form holds it: numbers as typed, so a wrong one stays on screen to fix. */
interface LevelForm {
  score: string;
  descriptorId: string;
  descriptorEn: string;
}
export interface IndicatorForm {
  textId: string;
  textEn: string;
  guidanceId: string;
  guidanceEn: string;
  weight: string;
  onSite: boolean;
  safeguarding: boolean;
  levels: LevelForm[];
}

export function indicatorForm(indicator: Indicator): IndicatorForm {
  return {
    textId: indicator.text.id,
    textEn: indicator.text.en,
    guidanceId: indicator.guidance.id,
    guidanceEn: indicator.guidance.en,
    weight: String(indicator.weight),
    onSite: indicator.onSite,
    safeguarding: indicator.safeguarding,
    levels: indicator.levels.map((level) => ({
      score: String(level.score),
      descriptorId: level.descriptor.id,
      descriptorEn: level.descriptor.en,
    })),
  };
}

/** A typed number with a decimal comma or point; anything else is sent as NaN→null for the API to name. */
const toNumber = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim().replace(",", ".")));

/** The indicator the form describes; its code and evidence are kept as they were. */
export function indicatorOfForm(base: Indicator, form: IndicatorForm): Indicator {
  return {
    code: base.code,
    text: { id: form.textId, en: form.textEn },
    guidance: { id: form.guidanceId, en: form.guidanceEn },
    weight: toNumber(form.weight),
    onSite: form.onSite,
    safeguarding: form.safeguarding,
    evidence: base.evidence,
    levels: form.levels.map((level) => ({
      score: toNumber(level.score),
      descriptor: { id: level.descriptorId, en: level.descriptorEn },
    })),
  };
}

/**
 * The API's problems with one indicator's edit, by the form's field keys (`text`, `guidance`,
 * `weight`, `levels`, `levels.2.score`, `levels.2.descriptor`; the number is the level's row) and
 * the rest, which the form lists above its fields. The domain names a level by its score
 * (`indicators.2.3.4.levels.3.descriptor`), the request check by its position
 * (`put.0.indicator.levels.1.descriptor.id`): both land on the row that was sent.
 */
export function placeIndicatorErrors(
  error: unknown,
  sent: Indicator,
): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (!isApiError(error)) return { fields, general };
  const byScore = `indicators.${sent.code}.`;
  const byPosition = "put.0.indicator.";
  for (const problem of error.errors) {
    const message = localizeApiText(problem.message);
    let rest: string[] | null = null;
    let levelRow: number | null = null;
    if (problem.path.startsWith(byScore)) {
      const parts = problem.path.slice(byScore.length).split(".");
      rest = parts;
      if (parts[0] === "levels" && parts.length > 2) {
        const index = sent.levels.findIndex((level) => String(level.score) === parts[1]);
        levelRow = index >= 0 ? index : Number(parts[1]);
      }
    } else if (problem.path.startsWith(byPosition)) {
      rest = problem.path.slice(byPosition.length).split(".");
      if (rest[0] === "levels" && rest.length > 2) levelRow = Number(rest[1]);
    }
    let key: string | null = null;
    if (rest?.[0] === "levels") key = levelRow !== null && rest[2] ? `levels.${levelRow}.${rest[2]}` : "levels";
    else if (rest?.[0] && ["text", "guidance", "weight", "onSite", "safeguarding"].includes(rest[0])) key = rest[0];
    if (key && !(key in fields)) fields[key] = message;
    else if (!key) general.push(message);
  }
  return { fields, general };
}
