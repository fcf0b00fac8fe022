import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, auditActions, expectProblem, login } from "./helpers.ts";

const PATH = "/api/v1/national/certificate-settings";
let balks: string;

type View = { numberTemplate: string; signerName: string; signerPosition: string; version: number };

const put = (json: Record<string, unknown>) => api(PATH, { method: "PUT", token: balks, json });
const stored = async () =>
  (await env.DB.prepare(
    "SELECT number_template, signer_name, signer_position, version FROM certificate_settings",
  ).first())!;

beforeAll(async () => {
  balks = (await login("balks@akrab.test")).token;
});

describe("BALKS's certificate settings: a save names the version it read", () => {
  it("answers a stale save with 409 and the current values, saving nothing; a retry of what is saved is 200", async () => {
    const read = (await (await api(PATH, { token: balks })).json()) as View;
    expect(read.version).toBe(1);
    const { version: _, ...fields } = read;
    const form = {
      numberTemplate: fields.numberTemplate,
      signerName: fields.signerName,
      signerPosition: fields.signerPosition,
    };

    // Two editors read version 1; the first saves a new signer.
    const first = await put({ ...form, signerName: "Dr. Sari Dewi", expectedVersion: 1 });
    expect(first.status, await first.clone().text()).toBe(200);
    expect(((await first.json()) as View).version).toBe(2);

    // The second, still on version 1, changes the format and the signer: nothing saved, both fields named.
    const stale = await put({
      ...form,
      numberTemplate: "SK-{year}-{seq:5}",
      signerName: "Drs. Budi",
      expectedVersion: 1,
    });
    const problem = await expectProblem(stale, 409, "conflict");
    expect((problem as { conflicts?: unknown }).conflicts).toEqual([
      { field: "numberTemplate", server: form.numberTemplate, client: "SK-{year}-{seq:5}" },
      { field: "signerName", server: "Dr. Sari Dewi", client: "Drs. Budi" },
    ]);
    expect(await stored()).toEqual({
      number_template: form.numberTemplate,
      signer_name: "Dr. Sari Dewi",
      signer_position: form.signerPosition,
      version: 2,
    });

    // The first editor's request sent again (its answer lost): already saved, so 200 and no second save.
    const retry = await put({ ...form, signerName: "Dr. Sari Dewi", expectedVersion: 1 });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as View).version).toBe(2);

    // The second editor, having seen the current values, saves on version 2.
    const resolved = await put({
      ...form,
      signerName: "Dr. Sari Dewi",
      numberTemplate: "SK-{year}-{seq:5}",
      expectedVersion: 2,
    });
    expect(resolved.status).toBe(200);
    expect(((await resolved.json()) as View).version).toBe(3);
    expect((await stored()).number_template).toBe("SK-{year}-{seq:5}");
    expect(await auditActions({ action: "certificate.settings_changed" })).toHaveLength(2);
  });

  it("of two saves racing on the same version, exactly one is saved", async () => {
    const { version } = (await (await api(PATH, { token: balks })).json()) as View;
    const base = { numberTemplate: "SK-{year}-{seq:5}", signerPosition: "Ketua BALKS", expectedVersion: version };
    const answers = await Promise.all([
      put({ ...base, signerName: "Penanda Tangan Satu" }),
      put({ ...base, signerName: "Penanda Tangan Dua" }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await stored()).version).toBe(version + 1);
  });

  it("refuses a save without the version, naming the field", async () => {
    const problem = await expectProblem(
      await put({ numberTemplate: "SK-{year}-{seq:5}", signerName: "Dr. Sari Dewi", signerPosition: "Ketua BALKS" }),
      400,
      "validation",
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(["expectedVersion"]);
  });
});
