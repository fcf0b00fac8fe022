/** Checks of the assignment letter (surat tugas/SK) before it is sent: a PDF of at most 5 MB. */
const LETTER_MAX_BYTES = 5 * 1024 * 1024;

export type LetterProblem = "not_pdf" | "too_large" | "empty";

/** The file's own bytes decide (a PDF starts with "%PDF-"), not its name. */
export async function checkLetter(file: Blob): Promise<LetterProblem | null> {
  if (file.size === 0) return "empty";
  if (file.size > LETTER_MAX_BYTES) return "too_large";
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  const magic = String.fromCharCode(...head);
  return magic === "%PDF-" ? null : "not_pdf";
}
