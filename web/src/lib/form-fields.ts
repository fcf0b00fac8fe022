/**
 * Names and input ids of form fields that pages other than the LKS profile form need (the text
 * field, the letter form, the application page, return dialogs). Kept apart from lks-form.ts so
 * those pages do not load the profile form's model, validation and texts.
 */

/** Top-level profile fields, in form order: the keys of return comments and history entries. */
export const PROFILE_FIELDS = [
  "name",
  "ownership",
  "institutionKind",
  "owningAgency",
  "decree",
  "legalForm",
  "deed",
  "kemenkumham",
  "legalisation",
  "npwp",
  "siksNgId",
  "address",
  "location",
  "phone",
  "email",
  "board",
  "types",
  "serviceMode",
  "ppks",
  "capacity",
  "currentClients",
  "staffCount",
  "tandaDaftar",
  "izinOperasional",
] as const;

/** The id of the input that shows a path's error: "board.0.idNumber" → "f-board-0-idNumber". */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}
