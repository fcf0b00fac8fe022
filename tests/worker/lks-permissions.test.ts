import { describe, expect, it } from "vitest";
import { lksProfile, TANDA_DAFTAR } from "./fixtures.ts";
import { api, linkTokenFor, login } from "./helpers.ts";

type Permissions = { mayEdit: boolean; mayDecide: boolean; mayResubmit: boolean; mayOpenApplication: boolean };
type Detail = {
  id: string;
  status: string;
  version: number;
  profile: Record<string, unknown>;
  permissions: Permissions;
};

const KOTA = "kota-tangerang";
const LETTER = { number: "1/2026", date: "2026-01-05", signatoryName: "Dra. Endang", signatoryPosition: "Ketua" };
const NONE: Permissions = { mayEdit: false, mayDecide: false, mayResubmit: false, mayOpenApplication: false };
const may = (...acts: (keyof Permissions)[]): Permissions => ({
  ...NONE,
  ...Object.fromEntries(acts.map((act) => [act, true])),
});

/** A user holding exactly one role in Kota Tangerang, through the invitation a tenant admin sends. */
async function invited(role: string, lksId?: string): Promise<string> {
  const admin = await login("dinsos.kota-tangerang@akrab.test");
  const email = `${role.replace("_", ".")}.${lksId ?? "dinsos"}@akrab.test`.toLowerCase();
  const res = await api(`/api/v1/t/${KOTA}/invitations`, {
    method: "POST",
    token: admin.token,
    json: { email, role, ...(lksId ? { lksId } : {}) },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const token = await linkTokenFor(email, "/invite/");
  const accepted = await api(`/api/v1/auth/invitations/${token}/accept`, {
    method: "POST",
    json: { name: "Pengguna Uji", password: "kopi-tubruk-pagi-hari" },
  });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  return ((await accepted.json()) as { token: string }).token;
}

async function show(token: string, lksId: string, tenant = KOTA): Promise<Detail> {
  const res = await api(`/api/v1/t/${tenant}/lks/${lksId}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Detail;
}

/** Every act the LKS routes offer, sent so that an allowed one changes nothing or is undone by the test. */
async function attempt(token: string, lks: Detail, act: keyof Permissions): Promise<number> {
  const base = `/api/v1/t/${KOTA}/lks/${lks.id}`;
  switch (act) {
    case "mayEdit": {
      // The unchanged profile: allowed, it answers 200 and writes nothing.
      const json = { profile: lksProfile(), expectedVersion: lks.version };
      return (await api(base, { method: "PATCH", token, json })).status;
    }
    case "mayDecide":
      return (
        await api(`${base}/return`, {
          method: "POST",
          token,
          json: { comments: [{ field: "npwp", message: "NPWP tidak terbaca" }] },
        })
      ).status;
    case "mayResubmit":
      return (await api(`${base}/resubmit`, { method: "POST", token })).status;
    case "mayOpenApplication":
      return (
        await api(`/api/v1/t/${KOTA}/applications`, {
          method: "POST",
          token,
          json: { lksId: lks.id, kind: "first", letter: LETTER },
        })
      ).status;
  }
}

describe("LKS permissions", () => {
  it("tell each caller what it may do with an LKS, and the API refuses exactly the rest with 403", async () => {
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const created = await api(`/api/v1/t/${KOTA}/lks`, { method: "POST", token: dinsos.token, json: lksProfile() });
    expect(created.status, await created.clone().text()).toBe(201);
    const lks = (await created.json()) as Detail;
    expect(lks).toMatchObject({ status: "pending_verification", permissions: may("mayEdit", "mayDecide") });

    const callers = {
      operator: await invited("lks_operator", lks.id),
      verifier: await invited("dinsos_verifier"),
      admin: await invited("tenant_admin"),
      head: await invited("dinsos_head"),
      province: (await login("dinsos.banten@akrab.test")).token,
      national: (await login("viewer@akrab.test")).token,
    };
    // While the registration waits for the Dinsos.
    const pending: Record<keyof typeof callers, Permissions> = {
      operator: may("mayEdit"),
      verifier: may("mayEdit", "mayDecide"),
      admin: may("mayEdit"),
      head: may("mayDecide"),
      province: NONE,
      national: NONE,
    };
    // Who may resubmit once it is returned (409 now, while it is pending, rather than 403).
    const resubmitters = ["operator", "verifier", "admin"];
    for (const [name, token] of Object.entries(callers) as [keyof typeof callers, string][]) {
      const seen = await show(token, lks.id);
      expect(seen.permissions, name).toEqual(pending[name]);
      expect(await attempt(token, seen, "mayEdit"), `${name} edits`).toBe(seen.permissions.mayEdit ? 200 : 403);
      if (!seen.permissions.mayDecide) expect(await attempt(token, seen, "mayDecide"), `${name} decides`).toBe(403);
      expect(await attempt(token, seen, "mayResubmit"), `${name} resubmits`).toBe(
        resubmitters.includes(name) ? 409 : 403,
      );
    }

    // The head returns it: now it is the operator's (or the Dinsos keeping the registry) to resubmit.
    const returned = await api(`/api/v1/t/${KOTA}/lks/${lks.id}/return`, {
      method: "POST",
      token: callers.head,
      json: { comments: [{ field: "npwp", message: "NPWP tidak terbaca" }] },
    });
    expect(returned.status, await returned.clone().text()).toBe(200);
    expect(((await returned.json()) as Detail).permissions).toEqual(NONE);
    expect((await show(callers.operator, lks.id)).permissions).toEqual(may("mayEdit", "mayResubmit"));
    expect((await show(callers.verifier, lks.id)).permissions).toEqual(may("mayEdit", "mayResubmit"));
    for (const name of ["head", "province", "national"] as const) {
      const seen = await show(callers[name], lks.id);
      expect(seen.permissions, name).toEqual(NONE);
      expect(await attempt(callers[name], seen, "mayResubmit"), `${name} resubmits`).toBe(403);
    }
    const resubmitted = await api(`/api/v1/t/${KOTA}/lks/${lks.id}/resubmit`, {
      method: "POST",
      token: callers.operator,
    });
    expect(((await resubmitted.json()) as Detail).permissions).toEqual(may("mayEdit"));

    const verified = await api(`/api/v1/t/${KOTA}/lks/${lks.id}/verify`, {
      method: "POST",
      token: callers.verifier,
      json: { tandaDaftar: TANDA_DAFTAR },
    });
    expect(verified.status, await verified.clone().text()).toBe(200);
    expect(((await verified.json()) as Detail).permissions).toEqual(may("mayEdit"));

    // Registered: a community LKS opens its own application; the Dinsos does not open it for it.
    const registered = await show(callers.operator, lks.id);
    expect(registered.permissions).toEqual(may("mayEdit", "mayOpenApplication"));
    for (const name of ["verifier", "admin", "head"] as const) {
      const seen = await show(callers[name], lks.id);
      expect(seen.permissions.mayOpenApplication, name).toBe(false);
      expect(await attempt(callers[name], seen, "mayOpenApplication"), `${name} opens`).toBe(403);
    }
    expect(await attempt(callers.operator, registered, "mayOpenApplication")).toBe(201);
  });

  it("keep a Kemensos unit BALKS's to change: its tenant reads it and opens its applications", async () => {
    const balks = await login("balks@akrab.test");
    const unit = {
      ...lksProfile({ name: "Sentra Terpadu Pangudi Luhur" }),
      legalForm: undefined,
      deed: undefined,
      kemenkumham: undefined,
      npwp: undefined,
      ownership: "central_government",
      institutionKind: "sentra_balai",
      owningAgency: "Kementerian Sosial RI",
      decree: { number: "Permensos 3 Tahun 2022", date: "2022-02-01", issuer: "Menteri Sosial" },
    };
    const created = await api("/api/v1/national/lks", { method: "POST", token: balks.token, json: unit });
    expect(created.status, await created.clone().text()).toBe(201);
    const sentra = (await created.json()) as Detail;
    expect(sentra.permissions).toEqual(may("mayEdit"));

    const banten = await login("dinsos.banten@akrab.test");
    const seen = await show(banten.token, sentra.id, "prov-banten");
    expect(seen.permissions).toEqual(may("mayOpenApplication"));
    const refused = await api(`/api/v1/t/prov-banten/lks/${sentra.id}`, {
      method: "PATCH",
      token: banten.token,
      json: { profile: unit, expectedVersion: seen.version },
    });
    expect(refused.status).toBe(403);

    const changed = await api(`/api/v1/national/lks/${sentra.id}`, {
      method: "PATCH",
      token: balks.token,
      json: { profile: { ...unit, phone: "021-555-0101" }, expectedVersion: sentra.version },
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect(((await changed.json()) as Detail).permissions).toEqual(may("mayEdit"));
  });

  it("the session says in which tenants the user may register an LKS, and registration is refused elsewhere", async () => {
    const tenants = async (email: string) =>
      (
        (await (await api("/api/v1/auth/me", { token: (await login(email)).token })).json()) as {
          tenantPermissions: { tenant: string; mayRegisterLks: boolean }[];
        }
      ).tenantPermissions;
    expect(await tenants("dinsos.kota-tangerang@akrab.test")).toEqual([{ tenant: KOTA, mayRegisterLks: true }]);
    expect(await tenants("lks@akrab.test")).toEqual([{ tenant: KOTA, mayRegisterLks: false }]);
    expect(await tenants("viewer@akrab.test")).toEqual([]);
    const banten = await tenants("dinsos.banten@akrab.test");
    expect(banten).toHaveLength(2);
    expect(banten).toEqual(expect.arrayContaining([{ tenant: "prov-banten", mayRegisterLks: true }]));

    const head = await invited("dinsos_head");
    const me = (await (await api("/api/v1/auth/me", { token: head })).json()) as {
      tenantPermissions: { tenant: string; mayRegisterLks: boolean }[];
    };
    expect(me.tenantPermissions).toEqual([{ tenant: KOTA, mayRegisterLks: false }]);
    for (const token of [head, (await login("lks@akrab.test")).token]) {
      const res = await api(`/api/v1/t/${KOTA}/lks`, { method: "POST", token, json: lksProfile() });
      expect(res.status).toBe(403);
    }
  });
});
