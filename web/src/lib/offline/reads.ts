/**
 * Where a person's answers read are kept on the device (the Cache API, one cache per person) and who
 * the device's last person was: plain functions, shared by the signed-in pages (state.svelte.ts) and
 * the sign-in page's script (src/login/main.ts), which keeps the session the server has just given
 * so that the home opens with it without waiting for `/auth/me` on the link.
 */
export const LAST_USER = "akrab.offline.user";
export const readsName = (userId: string) => `akrab-reads-${userId}`;
const readsOf = (userId: string) => caches.open(readsName(userId));

export interface StoredRead {
  data: unknown;
  fetchedAt: number;
}

export async function getRead(userId: string, url: string): Promise<StoredRead | undefined> {
  const response = await (await readsOf(userId)).match(url);
  return response ? ((await response.json()) as StoredRead) : undefined;
}

export async function putRead(userId: string, url: string, data: unknown): Promise<void> {
  const read: StoredRead = { data, fetchedAt: Date.now() };
  await (await readsOf(userId)).put(url, new Response(JSON.stringify(read)));
}
