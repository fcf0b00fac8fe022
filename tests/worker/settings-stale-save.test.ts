/**
 * BALKS's two versioned settings (certificate number and signer, supervision thresholds) answer a
 * save made on a version no longer current the same way: one problem+json shape (StaleSaveProblem)
 * with the version saved now and, per differing field, the value saved now next to the one sent,
 * the fields named in words in its detail; nothing is saved. Sent again after a lost answer, a save
 * that is already saved answers 200 and saves nothing more.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, auditActions, expectProblem, login } from "./helpers.ts";

const key = () => ({ "idempotency-key": crypto.randomUUID() });
let balks: string;
beforeAll(async () => {
  balks = (await login("balks@akrab.test")).token;
});

type Settings = Record<string, unknown> & { version: number };

interface Kind {
  path: string;
  audit: string;
  table: string;
  /** The settings a save sends, from a read. */
  fields: (read: Settings) => Record<string, unknown>;
  /** Someone else's change and this editor's, to two fields: two values each, the one not saved is used. */
  theirs: [field: string, values: [unknown, unknown], words: RegExp];
  mine: [field: string, values: [unknown, unknown], words: RegExp];
}

const KINDS: Record<string, Kind> = {
  certificate: {
    path: "/api/v1/national/certificate-settings",
    audit: "certificate.settings_changed",
    table: "certificate_settings",
    fields: ({ numberTemplate, signerName, signerPosition }) => ({ numberTemplate, signerName, signerPosition }),
    theirs: ["signerName", ["Dr. Sari Dewi", "Dr. Sari Wulan"], /nama penanda tangan.* \/ .*the signer's name/],
    mine: [
      "numberTemplate",
      ["SK-{year}-{seq:5}", "{seq:4}/BALKS/{grade}/{month}/{year}"],
      /format nomor.* \/ .*the number format/,
    ],
  },
  supervision: {
    path: "/api/v1/national/supervision-settings",
    audit: "supervision.settings_changed",
    table: "supervision_settings",
    fields: ({ correctionDays, planDays, remindBeforeDays, escalateDinsosAfterDays, escalateBalksAfterDays }) => ({
      correctionDays,
      planDays,
      remindBeforeDays,
      escalateDinsosAfterDays,
      escalateBalksAfterDays,
    }),
    theirs: ["remindBeforeDays", [5, 6], /pengingat sebelum tenggat.* \/ .*the reminder before the due day/],
    mine: ["escalateBalksAfterDays", [45, 46], /eskalasi ke BALKS.* \/ .*the escalation to BALKS/],
  },
};

const read = async (kind: Kind) => (await (await api(kind.path, { token: balks })).json()) as Settings;
const put = (kind: Kind, json: Record<string, unknown>) =>
  api(kind.path, { method: "PUT", token: balks, headers: key(), json });
const stored = async (kind: Kind) => (await env.DB.prepare(`SELECT * FROM ${kind.table}`).all()).results;

/** A stale save's 409 for `kind`, after someone else saved; what it answered and what it left. */
async function staleSave(kind: Kind) {
  const start = await read(kind);
  const form = kind.fields(start);
  const [theirField, theirValues, theirWords] = kind.theirs;
  const [myField, myValues, myWords] = kind.mine;
  const theirValue = theirValues.find((v) => v !== form[theirField]);
  const myValue = myValues.find((v) => v !== form[myField]);
  const first = { ...form, [theirField]: theirValue, expectedVersion: start.version };
  const saved = await put(kind, first);
  expect(saved.status, await saved.clone().text()).toBe(200);

  const before = await stored(kind);
  const audits = (await auditActions({ action: kind.audit })).length;
  const problem = (await expectProblem(
    await put(kind, { ...form, [myField]: myValue, expectedVersion: start.version }),
    409,
    "conflict",
  )) as Awaited<ReturnType<typeof expectProblem>> & { version?: number; conflicts?: unknown };
  // Nothing saved, nothing audited.
  expect(await stored(kind)).toEqual(before);
  expect(await auditActions({ action: kind.audit })).toHaveLength(audits);
  return { start, form, first, problem, theirField, theirValue, theirWords, myField, myValue, myWords };
}

describe.each(Object.entries(KINDS))("%s settings: a save on a stale version", (_name, kind) => {
  it("is a 409 with the version saved now and each differing field's saved value, named in words; a retry of what is saved is 200", async () => {
    const { start, form, first, problem, theirField, theirValue, theirWords, myField, myValue, myWords } =
      await staleSave(kind);
    expect(problem.version).toBe(start.version + 1);
    // In the order of the settings' fields, both values of each field that differs.
    const fieldOrder = Object.keys(form);
    expect(problem.conflicts).toEqual(
      [
        { field: theirField, server: theirValue, client: form[theirField] },
        { field: myField, server: form[myField], client: myValue },
      ].sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field)),
    );
    expect(problem.detail).toMatch(theirWords);
    expect(problem.detail).toMatch(myWords);

    // The first save sent again (its answer lost): already saved, so 200 and no second save.
    const audits = (await auditActions({ action: kind.audit })).length;
    const retry = await put(kind, first);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as Settings).version).toBe(start.version + 1);
    expect(await auditActions({ action: kind.audit })).toHaveLength(audits);

    // Saved again on the version the 409 named: this editor's value, and theirs kept.
    const again = await put(kind, {
      ...form,
      [theirField]: theirValue,
      [myField]: myValue,
      expectedVersion: problem.version,
    });
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await read(kind)).toMatchObject({
      [theirField]: theirValue,
      [myField]: myValue,
      version: start.version + 2,
    });
  });
});

describe("both settings", () => {
  it("answer a stale save with the same problem shape", async () => {
    const shapes = [];
    for (const kind of Object.values(KINDS)) {
      const { problem } = await staleSave(kind);
      shapes.push({
        keys: Object.keys(problem).sort(),
        conflictKeys: [...new Set((problem.conflicts as object[]).flatMap((c) => Object.keys(c)))].sort(),
      });
    }
    expect(shapes[0]).toEqual({
      keys: ["conflicts", "detail", "instance", "requestId", "status", "title", "type", "version"],
      conflictKeys: ["client", "field", "server"],
    });
    expect(shapes[1]).toEqual(shapes[0]);
  });
});
