/** Who reads a team's sheets nationally once all are in (`visibleSheets` decides whose). */
export const SHEET_READERS = ["balks_secretariat", "balks_decider"] as const;

export const TAG = "Visit scoring";
