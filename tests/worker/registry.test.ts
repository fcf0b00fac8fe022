import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { TANDA_DAFTAR, lksProfile } from "./fixtures.ts";
import { api, auditActions, expectProblem, linkTokenFor, login, outboxFor } from "./helpers.ts";

type Detail = {
  id: string;
  status: string;
  version: number;
  tenant: { slug: string };
  profile: ReturnType<typeof lksProfile> & { board: { idNumber: string }[]; tandaDaftar?: unknown };
  returnComments: { field: string }[];
};

async function selfRegister(email: string, overrides: Record<string, unknown> = {}) {
  return api("/api/v1/public/lks-registrations", {
    method: "POST",
    json: { lks: lksProfile(overrides), operator: { name: "Budi Santoso", email, password: "harapan-baru-2026" } },
  });
}

async function registeredOperator(email: string, overrides: Record<string, unknown> = {}) {
  const res = await selfRegister(email, overrides);
  expect(res.status, await res.clone().text()).toBe(201);
  const { lksId } = (await res.json()) as { lksId: string };
  const token = await linkTokenFor(email, "/verify-email/");
  expect((await api("/api/v1/auth/verify-email", { method: "POST", json: { token } })).status).toBe(204);
  return { lksId, operator: await login(email, "harapan-baru-2026") };
}

describe("LKS self-registration", () => {
  it("registers into the kab/kota's tenant; the operator signs in only after confirming the email", async () => {
    const res = await selfRegister("op1@harapan.org");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: "pending_verification", tenant: { slug: "kota-tangerang" } });
    await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        json: { email: "op1@harapan.org", password: "harapan-baru-2026" },
      }),
      403,
      "email-unverified",
    );
    const token = await linkTokenFor("op1@harapan.org", "/verify-email/");
    expect((await api("/api/v1/auth/verify-email", { method: "POST", json: { token } })).status).toBe(204);
    await expectProblem(await api("/api/v1/auth/verify-email", { method: "POST", json: { token } }), 404, "not-found");
    const { memberships } = await login("op1@harapan.org", "harapan-baru-2026");
    expect(memberships).toEqual([
      expect.objectContaining({ role: "lks_operator", tenant: expect.objectContaining({ slug: "kota-tangerang" }) }),
    ]);
  });

  it("falls back to the province's Dinsos when the kab/kota has none, and refuses an area with neither", async () => {
    const serang = {
      address: {
        street: "Jl. Veteran No. 1",
        provinceCode: "36",
        regencyCode: "36.73",
        districtCode: "36.73.01",
        villageCode: "36.73.01.1001",
      },
    };
    const res = await selfRegister("op2@harapan.org", serang);
    expect(await res.json()).toMatchObject({ tenant: { slug: "prov-banten" } });
    const bandung = {
      address: {
        street: "Jl. Asia Afrika No. 1",
        provinceCode: "32",
        regencyCode: "32.73",
        districtCode: "32.73.01",
        villageCode: "32.73.01.1001",
      },
    };
    await expectProblem(await selfRegister("op3@harapan.org", bandung), 409, "conflict");
    await expectProblem(await selfRegister("lks@akrab.test"), 409, "conflict");
  });

  it("explains every bad field, in Indonesian first, and creates nothing", async () => {
    const before = await env.DB.prepare("SELECT (SELECT count(*) FROM lks) + (SELECT count(*) FROM users) AS n").first<{
      n: number;
    }>();
    const cases: [Record<string, unknown>, string][] = [
      [{ npwp: "12.345" }, "lks.npwp"],
      [{ name: "A" }, "lks.name"],
      [{ deed: undefined }, "lks.deed"],
      [{ legalisation: { number: "1", date: "2020-01-01" } }, "lks.legalisation"],
      [{ kemenkumham: { number: "AHU-1", date: "2017-01-01" } }, "lks.kemenkumham.date"],
      [{ deed: { number: "15", date: "2018-02-30" } }, "lks.deed.date"],
      [{ phone: "12345" }, "lks.phone"],
      [{ email: "not-email" }, "lks.email"],
      [{ board: [] }, "lks.board"],
      [{ board: [{ name: "Budi", position: "Ketua", idNumber: "123" }] }, "lks.board.0.idNumber"],
      [{ types: [] }, "lks.types"],
      [{ ppks: ["unicorns"] }, "lks.ppks.0"],
      [{ capacity: -1 }, "lks.capacity"],
      [{ location: { latitude: 40, longitude: 106 } }, "lks.location.latitude"],
      [{ tandaDaftar: { ...TANDA_DAFTAR, expiresAt: "2020-01-01" } }, "lks.tandaDaftar.expiresAt"],
      [
        {
          address: {
            street: "Jl. Merdeka No. 5",
            provinceCode: "36",
            regencyCode: "36.71",
            districtCode: "36.02.01",
            villageCode: "36.02.01.2002",
          },
        },
        "lks.address.districtCode",
      ],
      [
        {
          address: {
            street: "Jl. Merdeka No. 5",
            provinceCode: "36",
            regencyCode: "36.71",
            districtCode: "36.71.01",
            villageCode: "36.71.01.9999",
          },
        },
        "lks.address.villageCode",
      ],
      [
        {
          address: {
            street: "Jl. Merdeka No. 5",
            provinceCode: "36",
            regencyCode: "36.71",
            districtCode: "36.71.99",
            villageCode: "36.71.99.1001",
          },
        },
        "lks.address.districtCode",
      ],
    ];
    for (const [override, path] of cases) {
      const body = await expectProblem(await selfRegister(`bad-${path}@harapan.org`, override), 400, "validation");
      expect(
        body.errors?.map((e) => e.path),
        JSON.stringify(override),
      ).toContain(path);
      expect(body.errors?.find((e) => e.path === path)?.message).toMatch(/ \/ /);
    }
    const weak = await api("/api/v1/public/lks-registrations", {
      method: "POST",
      json: { lks: lksProfile(), operator: { name: "Budi", email: "weak@harapan.org", password: "password123" } },
    });
    expect((await expectProblem(weak, 400, "validation")).errors?.[0]?.path).toBe("operator.password");
    const after = await env.DB.prepare("SELECT (SELECT count(*) FROM lks) + (SELECT count(*) FROM users) AS n").first<{
      n: number;
    }>();
    expect(after?.n).toBe(before?.n);
  });
});

describe("verification, history and re-verification", () => {
  it("returns with comments, resubmits, verifies, then sends legal changes back to verification", async () => {
    const { lksId, operator } = await registeredOperator("op4@harapan.org", { name: "Panti Asuhan Cahaya" });
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const url = `/api/v1/t/kota-tangerang/lks/${lksId}`;
    const detail = async (token: string) => (await (await api(url, { token })).json()) as Detail;

    expect((await detail(dinsos.token)).profile.board[0]!.idNumber).toBe("3671********0001");
    await expectProblem(
      await api(`${url}/verify`, { method: "POST", token: operator.token, json: { tandaDaftar: TANDA_DAFTAR } }),
      403,
      "forbidden",
    );

    const returned = await api(`${url}/return`, {
      method: "POST",
      token: dinsos.token,
      json: { comments: [{ field: "npwp", message: "NPWP tidak sesuai kartu" }] },
    });
    expect(await returned.json()).toMatchObject({ status: "returned", returnComments: [{ field: "npwp" }] });
    const returnMail = (await outboxFor("op4@harapan.org")).at(-1);
    expect(returnMail?.body).toContain("NPWP tidak sesuai kartu");
    // Its link is the profile's page, the tenant in the path (the app's own link to it is the same function's).
    expect(returnMail?.body).toContain(`/t/kota-tangerang/lks/${lksId}`);
    await expectProblem(
      await api(`${url}/verify`, { method: "POST", token: dinsos.token, json: { tandaDaftar: TANDA_DAFTAR } }),
      409,
      "conflict",
    );

    const current = await detail(operator.token);
    const fixed = await api(url, {
      method: "PATCH",
      token: operator.token,
      json: { profile: { ...current.profile, npwp: "01.234.567.8-901.333" }, expectedVersion: current.version },
    });
    expect(fixed.status).toBe(200);
    expect((await api(`${url}/resubmit`, { method: "POST", token: operator.token })).status).toBe(200);

    const verified = await api(`${url}/verify`, {
      method: "POST",
      token: dinsos.token,
      json: { tandaDaftar: TANDA_DAFTAR },
    });
    expect(await verified.json()).toMatchObject({
      status: "registered",
      returnComments: [],
      profile: { tandaDaftar: TANDA_DAFTAR },
    });

    // A phone change keeps the registration; a board change sends it back to the Dinsos.
    let now = await detail(operator.token);
    const phone = await api(url, {
      method: "PATCH",
      token: operator.token,
      json: { profile: { ...now.profile, phone: "0812-9999-0000" }, expectedVersion: now.version },
    });
    expect(await phone.json()).toMatchObject({ status: "registered" });
    now = await detail(operator.token);
    const board = [...now.profile.board, { name: "Dewi Lestari", position: "Bendahara", idNumber: "3671014107900003" }];
    const legal = await api(url, {
      method: "PATCH",
      token: operator.token,
      json: { profile: { ...now.profile, board }, expectedVersion: now.version },
    });
    const afterLegal = (await legal.json()) as Detail;
    expect(afterLegal.status).toBe("pending_verification");
    expect(afterLegal.profile.board.map((m) => m.idNumber)).toEqual([
      "3671********0001",
      "3671********0002",
      "3671********0003",
    ]);
    // The operator cannot rewrite its own tanda daftar: it is the Dinsos' record.
    expect(afterLegal.profile.tandaDaftar).toEqual(TANDA_DAFTAR);

    const history = (await (await api(`${url}/history?limit=50`, { token: dinsos.token })).json()) as {
      items: { field: string; oldValue: unknown; newValue: unknown; changedBy: { name: string } | null }[];
    };
    const fields = history.items.map((h) => h.field);
    expect(fields).toEqual(expect.arrayContaining(["npwp", "phone", "board", "status", "tandaDaftar", "*"]));
    const npwp = history.items.find((h) => h.field === "npwp")!;
    expect(npwp).toMatchObject({
      oldValue: "012345678901222",
      newValue: "012345678901333",
      changedBy: { name: "Budi Santoso" },
    });
    expect(JSON.stringify(history.items.find((h) => h.field === "board"))).not.toMatch(/3671014107900003/);
    expect((await auditActions({ action: "lks.verified" })).length).toBe(1);
  });

  it("refuses a stale edit with 409 and changes nothing", async () => {
    const { lksId, operator } = await registeredOperator("op5@harapan.org", { name: "Panti Asuhan Bintang" });
    const url = `/api/v1/t/kota-tangerang/lks/${lksId}`;
    const base = (await (await api(url, { token: operator.token })).json()) as Detail;
    const edit = (phone: string) =>
      api(url, {
        method: "PATCH",
        token: operator.token,
        json: { profile: { ...base.profile, phone }, expectedVersion: base.version },
      });
    const results = await Promise.all([edit("0812-0000-0001"), edit("0812-0000-0002")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await edit("0812-0000-0003")).status).toBe(409);
    const history = (await (await api(`${url}/history`, { token: operator.token })).json()) as {
      items: { field: string }[];
    };
    expect(history.items.filter((h) => h.field === "phone")).toHaveLength(1);
  });

  it("lets a Dinsos verifier register an LKS in its own area only", async () => {
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const created = await api("/api/v1/t/kota-tangerang/lks", {
      method: "POST",
      token: dinsos.token,
      json: lksProfile({ name: "LKS Lansia Sejahtera" }),
    });
    expect(await created.json()).toMatchObject({ status: "pending_verification", tenant: { slug: "kota-tangerang" } });
    const lebakAddress = {
      street: "Jl. Multatuli No. 9",
      provinceCode: "36",
      regencyCode: "36.02",
      districtCode: "36.02.14",
      villageCode: "36.02.14.1002",
    };
    await expectProblem(
      await api("/api/v1/t/kota-tangerang/lks", {
        method: "POST",
        token: dinsos.token,
        json: lksProfile({ address: lebakAddress }),
      }),
      400,
      "validation",
    );
    const operator = await login("lks@akrab.test");
    await expectProblem(
      await api("/api/v1/t/kota-tangerang/lks", { method: "POST", token: operator.token, json: lksProfile() }),
      403,
      "forbidden",
    );
  });
});

describe("transfer between tenants", () => {
  it("moves an LKS with its history and operator to the Dinsos of its new kab/kota; both tenants see it", async () => {
    const { lksId, operator } = await registeredOperator("op6@harapan.org", { name: "Panti Asuhan Pindahan" });
    const url = `/api/v1/t/kota-tangerang/lks/${lksId}`;
    const base = (await (await api(url, { token: operator.token })).json()) as Detail;
    const lebak = {
      street: "Jl. Sunan Kalijaga No. 2",
      provinceCode: "36",
      regencyCode: "36.02",
      districtCode: "36.02.14",
      villageCode: "36.02.14.1002",
    };
    const moved = await api(url, {
      method: "PATCH",
      token: operator.token,
      json: { profile: { ...base.profile, address: lebak }, expectedVersion: base.version },
    });
    expect(await moved.json()).toMatchObject({ status: "pending_verification", tenant: { slug: "kab-lebak" } });

    const lebakDinsos = await login("dinsos.lebak@akrab.test");
    const there = await api(`/api/v1/t/kab-lebak/lks/${lksId}`, { token: lebakDinsos.token });
    expect(there.status).toBe(200);
    const history = (await (
      await api(`/api/v1/t/kab-lebak/lks/${lksId}/history`, { token: lebakDinsos.token })
    ).json()) as { items: { field: string }[] };
    expect(history.items.map((h) => h.field)).toEqual(expect.arrayContaining(["*", "address"]));

    const tangerang = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(await api(url, { token: tangerang.token }), 404, "not-found");
    const { memberships } = await login("op6@harapan.org", "harapan-baru-2026");
    expect(memberships[0]?.tenant?.slug).toBe("kab-lebak");

    const auditOf = async (token: string, tenant: string) =>
      (
        (await (await api(`/api/v1/t/${tenant}/audit?action=lks.`, { token })).json()) as {
          items: { action: string }[];
        }
      ).items.map((e) => e.action);
    expect(await auditOf(tangerang.token, "kota-tangerang")).toContain("lks.transferred_out");
    expect(await auditOf(lebakDinsos.token, "kab-lebak")).toContain("lks.transferred_in");
  });
});

describe("registry views", () => {
  it("searches and filters, and a province sees its kab/kota's LKS", async () => {
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const names = async (token: string, tenant: string, query: string) =>
      (
        (await (await api(`/api/v1/t/${tenant}/lks${query}`, { token })).json()) as { items: { name: string }[] }
      ).items.map((l) => l.name);
    expect(await names(dinsos.token, "kota-tangerang", "?q=werdha")).toEqual(["Panti Werdha Sejahtera Cipondoh"]);
    expect(await names(dinsos.token, "kota-tangerang", "?type=LKSPD")).toEqual(["Yayasan Difabel Mandiri Tangerang"]);
    expect(await names(dinsos.token, "kota-tangerang", "?status=pending_verification")).toContain(
      "Yayasan Difabel Mandiri Tangerang",
    );
    expect(await names(dinsos.token, "kota-tangerang", "?district=36.71.05")).toEqual([
      "Panti Werdha Sejahtera Cipondoh",
    ]);
    expect(await names(dinsos.token, "kota-tangerang", "?expiring=90")).toEqual(["Panti Asuhan Kasih Bunda"]);
    expect(await names(dinsos.token, "kota-tangerang", "?q=100%25")).toEqual([]);
    await expectProblem(await api("/api/v1/t/kota-tangerang/lks?type=XYZ", { token: dinsos.token }), 400, "validation");

    const province = await login("dinsos.banten@akrab.test");
    const all = await names(province.token, "prov-banten", "?limit=200");
    expect(all).toEqual(
      expect.arrayContaining([
        "Panti Asuhan Kasih Bunda",
        "Panti Asuhan Al-Hikmah Rangkasbitung",
        "Rumah Singgah Anak Pandeglang",
      ]),
    );
    expect(all).not.toContain("LKS Lansia Bahagia Batang");
  });

  it("exports the filtered registry as CSV", async () => {
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const res = await api("/api/v1/t/kota-tangerang/lks.csv?type=LKSA", { token: dinsos.token });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="lks-kota-tangerang-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Nama LKS,Jenis,Status/);
    expect(lines.slice(1).every((line) => !line.includes("Werdha"))).toBe(true);
    expect(lines.some((line) => line.startsWith("Panti Asuhan Kasih Bunda,"))).toBe(true);
    const operator = await login("lks@akrab.test");
    const own = (await (await api("/api/v1/t/kota-tangerang/lks.csv", { token: operator.token })).text())
      .trim()
      .split("\r\n");
    expect(own).toHaveLength(2);
  });
});

describe("expiry reminders", () => {
  it("writes each 90/30/7-day reminder once", async () => {
    const run = (time: number) =>
      worker.scheduled(createScheduledController({ scheduledTime: time, cron: "0 1 * * *" }), env);
    const now = Date.now();
    await run(now);
    // Kasih Bunda's tanda daftar ends in 60 days (90-day reminder), Al-Hikmah's in 25 (30-day).
    const reminders = async () =>
      (
        await env.DB.prepare(
          "SELECT l.name, r.threshold_days AS days FROM lks_reminders r JOIN lks l ON l.id = r.lks_id ORDER BY l.name",
        ).all<{ name: string; days: number }>()
      ).results;
    expect(await reminders()).toEqual([
      { name: "Panti Asuhan Al-Hikmah Rangkasbitung", days: 30 },
      { name: "Panti Asuhan Kasih Bunda", days: 90 },
    ]);
    const mails = (await outboxFor("lks@akrab.test")).filter((m) => m.subject.includes("berakhir"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toMatch(/\/t\/kota-tangerang\/lks\/[^/?\s]+/);
    await run(now);
    await run(now + 3600_000);
    expect((await outboxFor("lks@akrab.test")).filter((m) => m.subject.includes("berakhir"))).toHaveLength(1);
    // 35 days on, Kasih Bunda crosses 30 days: one new reminder.
    await run(now + 35 * 86_400_000);
    expect((await outboxFor("lks@akrab.test")).filter((m) => m.subject.includes("berakhir"))).toHaveLength(2);
  });
});
