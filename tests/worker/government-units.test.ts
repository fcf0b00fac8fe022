import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { lksProfile } from "./fixtures.ts";
import { api, expectProblem, login } from "./helpers.ts";
import { createUpload, fakeFile, pathOf, sendAll } from "./tus.ts";

/** A panti owned by the province of DKI Jakarta (Jakarta Timur, kecamatan Matraman). */
function provincialPanti(overrides: Record<string, unknown> = {}) {
  const { legalForm: _f, deed: _d, kemenkumham: _k, npwp: _n, ...rest } = lksProfile();
  return {
    ...rest,
    name: "Panti Sosial Bina Remaja Taruna Jaya",
    ownership: "provincial_government",
    institutionKind: "panti_pemerintah",
    owningAgency: "Dinas Sosial Provinsi DKI Jakarta",
    decree: { number: "Pergub 57 Tahun 2022", date: "2022-06-20", issuer: "Gubernur DKI Jakarta" },
    address: {
      street: "Jl. Tanah Merdeka No. 1",
      provinceCode: "31",
      regencyCode: "31.75",
      districtCode: "31.75.01",
      villageCode: "31.75.01.1002",
    },
    ...overrides,
  };
}

/** A Kemensos Sentra in Kota Tangerang (Banten): it belongs to the Banten province tenant. */
function kemensosUnit(overrides: Record<string, unknown> = {}) {
  return provincialPanti({
    name: "Sentra Terpadu Pangudi Luhur",
    ownership: "central_government",
    institutionKind: "sentra_balai",
    owningAgency: "Kementerian Sosial RI",
    decree: { number: "Permensos 3 Tahun 2022", date: "2022-02-01", issuer: "Menteri Sosial" },
    address: {
      street: "Jl. Pangudi Luhur No. 1",
      provinceCode: "36",
      regencyCode: "36.71",
      districtCode: "36.71.01",
      villageCode: "36.71.01.1001",
    },
    ...overrides,
  });
}

type Detail = {
  id: string;
  status: string;
  version: number;
  tenant: { slug: string };
  profile: Record<string, unknown>;
};
const JAKARTA = "dinsos.jakarta@akrab.test";

async function count(sql: string) {
  return (await env.DB.prepare(sql).first<{ n: number }>())!.n;
}

describe("government units in the registry", () => {
  it("the DKI Dinsos registers its provincial panti on its decree, registered at once, and opens an application with the government checklist", async () => {
    const { token } = await login(JAKARTA);
    const res = await api("/api/v1/t/prov-dki-jakarta/lks", { method: "POST", token, json: provincialPanti() });
    expect(res.status, await res.clone().text()).toBe(201);
    const panti = (await res.json()) as Detail;
    expect(panti).toMatchObject({
      status: "registered",
      tenant: { slug: "prov-dki-jakarta" },
      profile: { ownership: "provincial_government", institutionKind: "panti_pemerintah" },
    });
    expect(panti.profile).not.toHaveProperty("npwp");
    const row = await env.DB.prepare("SELECT ownership, institution_kind FROM lks WHERE id = ?").bind(panti.id).first();
    expect(row).toEqual({ ownership: "provincial_government", institution_kind: "panti_pemerintah" });

    const letter = {
      number: "1/2026",
      date: "2026-01-05",
      signatoryName: "Dra. Endang",
      signatoryPosition: "Kepala Panti",
    };
    const app = await api("/api/v1/t/prov-dki-jakarta/applications", {
      method: "POST",
      token,
      json: { lksId: panti.id, kind: "first", letter },
      headers: { "idempotency-key": "gov-app-1" },
    });
    expect(app.status, await app.clone().text()).toBe(201);
    const keys = ((await app.json()) as { checklist: { key: string }[] }).checklist.map((i) => i.key);
    expect(keys).toContain("sk_pendirian_unit");
    for (const key of ["akta_pendirian", "sk_kemenkumham", "npwp", "rekening_bank"]) expect(keys).not.toContain(key);
  });

  it("stores the decree document through the tus upload, as the unit's `decree` profile field", async () => {
    const { token } = await login(JAKARTA);
    const panti = (await (
      await api("/api/v1/t/prov-dki-jakarta/lks", {
        method: "POST",
        token,
        json: provincialPanti({ name: "Panti Sosial Bina Netra" }),
      })
    ).json()) as Detail;
    const file = fakeFile(90_000, "pdf", 31);
    const res = await createUpload(
      "prov-dki-jakarta",
      token,
      file,
      { lksId: panti.id, profileField: "decree" },
      { filename: "pergub-57-2022.pdf", filetype: "application/pdf" },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const last = await sendAll(pathOf(res.headers.get("location")!), token, file, [64 * 1024]);
    expect(last.status, await last.clone().text()).toBe(204);
    const doc = await env.DB.prepare("SELECT lks_id, profile_field FROM documents WHERE id = ?")
      .bind(last.headers.get("akrab-document-id"))
      .first();
    expect(doc).toEqual({ lks_id: panti.id, profile_field: "decree" });
  });

  it("lists an LKS's profile documents with every version, and takes only the documents its ownership keeps", async () => {
    const { token } = await login(JAKARTA);
    const panti = (await (
      await api("/api/v1/t/prov-dki-jakarta/lks", {
        method: "POST",
        token,
        json: provincialPanti({ name: "Panti Sosial Tresna Werdha Budi Mulia 1" }),
      })
    ).json()) as Detail;
    const documents = `/api/v1/t/prov-dki-jakarta/lks/${panti.id}/documents`;
    expect(await (await api(documents, { token })).json()).toEqual({ items: [] });

    for (const [seed, name] of [
      [41, "sk-pendirian.pdf"],
      [42, "sk-pendirian-perubahan.pdf"],
    ] as const) {
      const file = fakeFile(70_000, "pdf", seed);
      const target = { lksId: panti.id, profileField: "decree" };
      const res = await createUpload("prov-dki-jakarta", token, file, target, {
        filename: name,
        filetype: "application/pdf",
      });
      expect(res.status, await res.clone().text()).toBe(201);
      expect((await sendAll(pathOf(res.headers.get("location")!), token, file, [64 * 1024])).status).toBe(204);
    }
    const list = await api(documents, { token });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as {
      items: { profileField: string; current: { version: number; filename: string }; versions: unknown[] }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      profileField: "decree",
      current: { version: 2, filename: "sk-pendirian-perubahan.pdf" },
    });
    expect(items[0]!.versions).toHaveLength(2);

    // A panti keeps no notarial deed; a yayasan no government decree. Refused at creation, nothing stored.
    const uploadsBefore = await count("SELECT COUNT(*) AS n FROM uploads");
    const deed = await createUpload("prov-dki-jakarta", token, fakeFile(5_000, "pdf", 43), {
      lksId: panti.id,
      profileField: "deed",
    });
    const problem = await expectProblem(deed, 400, "validation");
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "profileField", message: expect.stringContaining("decree") }),
    ]);
    const tangerang = (await login("dinsos.kota-tangerang@akrab.test")).token;
    const yayasan = await env.DB.prepare("SELECT id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'").first<{
      id: string;
    }>();
    const decree = await createUpload("kota-tangerang", tangerang, fakeFile(5_000, "pdf", 44), {
      lksId: yayasan!.id,
      profileField: "decree",
    });
    await expectProblem(decree, 400, "validation");
    expect(await count("SELECT COUNT(*) AS n FROM uploads")).toBe(uploadsBefore);
  });

  it("refuses the community legal documents for a provincial panti and a government decree for a yayasan, naming the fields, and creates nothing", async () => {
    const { token } = await login(JAKARTA);
    const before = await count("SELECT count(*) AS n FROM lks");
    const deed = { number: "15", date: "2018-02-01" };
    const problem = await expectProblem(
      await api("/api/v1/t/prov-dki-jakarta/lks", {
        method: "POST",
        token,
        json: provincialPanti({ legalForm: "yayasan", deed, kemenkumham: deed }),
      }),
      400,
      "validation",
    );
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(["deed", "kemenkumham", "legalForm"]);
    expect(problem.errors!.find((e) => e.path === "deed")!.message).toMatch(
      /^Akta notaris hanya untuk LKS masyarakat.* \/ A notarial deed/,
    );
    const missing = await expectProblem(
      await api("/api/v1/t/prov-dki-jakarta/lks", {
        method: "POST",
        token,
        json: provincialPanti({ decree: undefined }),
      }),
      400,
      "validation",
    );
    expect(missing.errors).toEqual([
      expect.objectContaining({ path: "decree", message: expect.stringContaining("SK pendirian wajib") }),
    ]);

    const tangerang = await login("dinsos.kota-tangerang@akrab.test");
    const yayasan = lksProfile({ decree: { number: "Pergub 1/2020", date: "2020-01-01", issuer: "Gubernur" } });
    const refused = await expectProblem(
      await api("/api/v1/t/kota-tangerang/lks", { method: "POST", token: tangerang.token, json: yayasan }),
      400,
      "validation",
    );
    expect(refused.errors).toEqual([
      expect.objectContaining({
        path: "decree",
        message: expect.stringMatching(/bukan yayasan \/ A government decree/),
      }),
    ]);
    expect(await count("SELECT count(*) AS n FROM lks")).toBe(before);
  });

  it("keeps each Dinsos to its own level's units, and the public form to community LKS", async () => {
    const tangerang = await login("dinsos.kota-tangerang@akrab.test");
    const provincial = provincialPanti({ address: lksProfile().address });
    const wrongLevel = await expectProblem(
      await api("/api/v1/t/kota-tangerang/lks", { method: "POST", token: tangerang.token, json: provincial }),
      400,
      "validation",
    );
    expect(wrongLevel.errors).toEqual([expect.objectContaining({ path: "ownership" })]);
    const kota = provincialPanti({
      ownership: "regency_government",
      owningAgency: "Dinas Sosial Kota Tangerang",
      address: lksProfile().address,
    });
    expect(
      (await api("/api/v1/t/kota-tangerang/lks", { method: "POST", token: tangerang.token, json: kota })).status,
    ).toBe(201);
    const central = await expectProblem(
      await api("/api/v1/t/kota-tangerang/lks", { method: "POST", token: tangerang.token, json: kemensosUnit() }),
      400,
      "validation",
    );
    expect(central.errors![0]!.message).toContain("BALKS");

    const before = await count("SELECT count(*) AS n FROM lks");
    const self = await api("/api/v1/public/lks-registrations", {
      method: "POST",
      json: {
        lks: kota,
        operator: { name: "Budi Santoso", email: "gov.self@example.org", password: "harapan-baru-2026" },
      },
    });
    const body = await expectProblem(self, 400, "validation");
    expect(body.errors).toEqual([expect.objectContaining({ path: "lks.ownership" })]);
    expect(await count("SELECT count(*) AS n FROM lks")).toBe(before);
  });

  it("filters the registry by ownership and shows it in the list and the CSV", async () => {
    const { token } = await login(JAKARTA);
    const list = async (query: string) =>
      (
        (await (await api(`/api/v1/t/prov-dki-jakarta/lks?${query}`, { token })).json()) as {
          items: { name: string; ownership: string; institutionKind: string }[];
        }
      ).items;
    const government = await list("ownership=government");
    expect(government.map((l) => l.name)).toEqual(
      expect.arrayContaining(["Loka Bina Karya Jakarta Timur", "Panti Sosial Tresna Werdha Budi Mulia 1"]),
    );
    expect(government.every((l) => l.ownership !== "community")).toBe(true);
    expect(government.find((l) => l.name.startsWith("Loka"))!.institutionKind).toBe("lbk");
    const community = await list("ownership=community");
    expect(community.map((l) => l.name)).toEqual(["Yayasan Bina Laras Jakarta Timur"]);
    expect((await list("ownership=provincial_government")).length).toBe(government.length);
    await expectProblem(await api("/api/v1/t/prov-dki-jakarta/lks?ownership=swasta", { token }), 400, "validation");

    const csv = await (await api("/api/v1/t/prov-dki-jakarta/lks.csv?ownership=government", { token })).text();
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toContain("Kepemilikan,Jenis lembaga,Bentuk lembaga,Instansi pemilik,SK pendirian");
    expect(lines.length).toBe(government.length);
    expect(csv).toContain("Pemerintah provinsi,Loka Bina Karya (LBK),,Dinas Sosial Provinsi DKI Jakarta");
    expect(csv).not.toContain("Bina Laras");
  });

  it("BALKS registers a Kemensos unit into its province's tenant, which reads it and cannot change it; BALKS can", async () => {
    const balks = await login("balks@akrab.test");
    await expectProblem(
      await api("/api/v1/national/lks", { method: "POST", token: balks.token, json: provincialPanti() }),
      400,
      "validation",
    );
    const res = await api("/api/v1/national/lks", { method: "POST", token: balks.token, json: kemensosUnit() });
    expect(res.status, await res.clone().text()).toBe(201);
    const unit = (await res.json()) as Detail;
    expect(unit).toMatchObject({ status: "registered", tenant: { slug: "prov-banten" } });
    // BALKS's list of the units it keeps: the national registry filtered by ownership.
    const listed = await api("/api/v1/national/lks?ownership=central_government", { token: balks.token });
    expect(listed.status).toBe(200);
    const units = ((await listed.json()) as { items: { id: string; ownership: string }[] }).items;
    expect(units.map((u) => u.id)).toContain(unit.id);
    expect(new Set(units.map((u) => u.ownership))).toEqual(new Set(["central_government"]));
    // BALKS reads the unit through its tenant, with the edit that only the national route makes.
    const read = await api(`/api/v1/t/prov-banten/lks/${unit.id}`, { token: balks.token });
    expect(read.status).toBe(200);

    // The province reads it; the kab/kota it sits in does not hold it (it is not the kab/kota's unit).
    const banten = await login("dinsos.banten@akrab.test");
    const shown = await api(`/api/v1/t/prov-banten/lks/${unit.id}`, { token: banten.token });
    expect(shown.status).toBe(200);
    const edited = {
      ...kemensosUnit({ name: "Sentra Diubah Dinsos" }),
      board: (unit.profile as { board: unknown[] }).board,
    };
    const before = await env.DB.prepare("SELECT * FROM lks WHERE id = ?").bind(unit.id).first();
    await expectProblem(
      await api(`/api/v1/t/prov-banten/lks/${unit.id}`, {
        method: "PATCH",
        token: banten.token,
        json: { profile: edited, expectedVersion: 1 },
      }),
      403,
      "forbidden",
    );
    expect(await env.DB.prepare("SELECT * FROM lks WHERE id = ?").bind(unit.id).first()).toEqual(before);
    // Its decree is part of the profile BALKS keeps: the holding tenant cannot upload it either.
    const uploads = await env.DB.prepare("SELECT count(*) AS n FROM uploads").first<{ n: number }>();
    const refused = await createUpload(
      "prov-banten",
      banten.token,
      fakeFile(5_000, "pdf", 45),
      { lksId: unit.id, profileField: "decree" },
      { filename: "permensos.pdf", filetype: "application/pdf" },
    );
    await expectProblem(refused, 403, "forbidden");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM uploads").first<{ n: number }>()).toEqual(uploads);
    const tangerang = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(
      await api(`/api/v1/t/kota-tangerang/lks/${unit.id}`, { token: tangerang.token }),
      404,
      "not-found",
    );

    const changed = await api(`/api/v1/national/lks/${unit.id}`, {
      method: "PATCH",
      token: balks.token,
      json: { profile: { ...edited, name: "Sentra Pangudi Luhur Bekasi" }, expectedVersion: 1 },
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect(await changed.json()).toMatchObject({ version: 2, profile: { name: "Sentra Pangudi Luhur Bekasi" } });
    await expectProblem(
      await api(`/api/v1/national/lks/${unit.id}`, {
        method: "PATCH",
        token: balks.token,
        json: { profile: edited, expectedVersion: 1 },
      }),
      409,
      "conflict",
    );
  });

  it("reaches national LKS routes only as the BALKS secretariat, and no community LKS through them", async () => {
    const community = await env.DB.prepare(
      "SELECT id, version, profile FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'",
    ).first<{ id: string; version: number; profile: string }>();
    const update = { profile: JSON.parse(community!.profile), expectedVersion: community!.version };
    const balks = await login("balks@akrab.test");
    await expectProblem(
      await api(`/api/v1/national/lks/${community!.id}`, { method: "PATCH", token: balks.token, json: update }),
      404,
      "not-found",
    );
    for (const email of ["dinsos.jakarta@akrab.test", "asesor@akrab.test", "viewer@akrab.test", "lks@akrab.test"]) {
      const { token } = await login(email);
      await expectProblem(
        await api("/api/v1/national/lks", { method: "POST", token, json: kemensosUnit() }),
        404,
        "not-found",
      );
    }
    await expectProblem(
      await api("/api/v1/national/lks", { method: "POST", json: kemensosUnit() }),
      401,
      "unauthenticated",
    );
  });

  it("keeps a separate checklist for government units, refusing community-only documents in it and the decree in the community one", async () => {
    const { token } = await login(JAKARTA);
    const path = "/api/v1/t/prov-dki-jakarta/checklists/first";
    const government = (await (await api(`${path}?ownership=government`, { token })).json()) as {
      items: { key: string }[];
    };
    expect(government.items.map((i) => i.key)).toContain("sk_pendirian_unit");
    const community = (await (await api(path, { token })).json()) as { items: { key: string }[] };
    expect(community.items.map((i) => i.key)).toContain("akta_pendirian");

    const item = (key: string) => ({
      key,
      name: "Dokumen",
      description: "",
      required: true,
      acceptedTypes: ["pdf"],
      maxBytes: 2097152,
    });
    const before = await count("SELECT count(*) AS n FROM document_requirements");
    const refused = await expectProblem(
      await api(`${path}?ownership=government`, {
        method: "PUT",
        token,
        json: { items: [item("formulir_a"), item("akta_pendirian")] },
      }),
      400,
      "validation",
    );
    expect(refused.errors).toEqual([
      { path: "items.1.key", message: expect.stringContaining("hanya untuk LKS masyarakat") },
    ]);
    const decree = await expectProblem(
      await api(path, { method: "PUT", token, json: { items: [item("sk_pendirian_unit")] } }),
      400,
      "validation",
    );
    expect(decree.errors![0]!.message).toContain("bukan yayasan");
    expect(await count("SELECT count(*) AS n FROM document_requirements")).toBe(before);

    const saved = await api(`${path}?ownership=government`, {
      method: "PUT",
      token,
      json: { items: [item("sk_pendirian_unit"), item("formulir_a")] },
    });
    expect(saved.status).toBe(200);
    expect(
      ((await (await api(`${path}?ownership=government`, { token })).json()) as { items: unknown[] }).items,
    ).toHaveLength(2);
    expect(((await (await api(path, { token })).json()) as { items: unknown[] }).items).toHaveLength(
      community.items.length,
    );
  });

  it("refuses changing a unit's ownership and moving a government unit out of its owner's area", async () => {
    const { token } = await login(JAKARTA);
    const created = (await (
      await api("/api/v1/t/prov-dki-jakarta/lks", {
        method: "POST",
        token,
        json: provincialPanti({ name: "UILS Jakarta Barat", institutionKind: "uils" }),
      })
    ).json()) as Detail;
    const board = (created.profile as { board: unknown[] }).board;
    const patch = (profile: Record<string, unknown>) =>
      api(`/api/v1/t/prov-dki-jakarta/lks/${created.id}`, {
        method: "PATCH",
        token,
        json: { profile: { ...profile, board }, expectedVersion: 1 },
      });
    const ownership = await expectProblem(
      await patch(lksProfile({ address: provincialPanti().address })),
      400,
      "validation",
    );
    expect(ownership.errors).toEqual([expect.objectContaining({ path: "profile.ownership" })]);
    const away = await expectProblem(
      await patch(
        provincialPanti({ name: "UILS Jakarta Barat", institutionKind: "uils", address: lksProfile().address }),
      ),
      400,
      "validation",
    );
    expect(away.errors).toEqual([expect.objectContaining({ path: "profile.address.regencyCode" })]);
    // Within the province it moves freely (another kota of DKI), staying in the province's tenant.
    const moved = await patch(
      provincialPanti({
        name: "UILS Jakarta Barat",
        institutionKind: "uils",
        address: {
          street: "Jl. Daan Mogot No. 1",
          provinceCode: "31",
          regencyCode: "31.73",
          districtCode: "31.73.01",
          villageCode: "31.73.01.1001",
        },
      }),
    );
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ tenant: { slug: "prov-dki-jakarta" }, status: "registered" });
  });
});
