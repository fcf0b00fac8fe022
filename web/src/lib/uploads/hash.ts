/**
 * SHA-256 of a file in the browser, for the `sha256` upload metadata: the server computes the
 * same while the bytes stream in and refuses a mismatch (a corrupted transfer never becomes a
 * document). Files are at most a few tens of MB, so one `digest` over the whole is fine.
 */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return toHex(new Uint8Array(digest));
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}
