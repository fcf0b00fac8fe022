import { LKS_TYPE_LABELS, PPKS_CATEGORIES, PPKS_CODES } from "@akrab/domain";
import { describe, expect, test } from "vitest";
import { ApiError } from "./api.ts";
import { apiFieldErrors } from "./errors.ts";
import { fitWithin } from "./image.ts";
import { lksTypeLabel } from "./labels.ts";
import { ppksLabel } from "./lks-profile-labels.ts";
import {
  draftFromProfile,
  draftToInput,
  emptyDraft,
  fieldId,
  focusTarget,
  lksPathLabel,
  restoreDraft,
  validateDraft,
  type LksDraft,
} from "./lks-form.ts";
import { commentsByField, daysUntil, formatNpwp, formatProfileValue } from "./lks-view.ts";
import { searchRegions } from "./regions.ts";
import type { LksDetail, Region } from "./api-types.ts";

function validDraft(): LksDraft {
  const d = emptyDraft({ provinceCode: "36", regencyCode: "36.71" });
  return {
    ...d,
    name: "Panti Asuhan Harapan",
    legalForm: "yayasan",
    deed: { number: "12", date: "2015-03-10" },
    kemenkumham: { number: "AHU-1", date: "2015-04-02" },
    legalisation: { number: "ignored", date: "2019-01-01" },
    npwp: "01.234.567.8-901.000",
    address: { ...d.address, street: "Jl. Daan Mogot 12", districtCode: "36.71.01", villageCode: "36.71.01.1001" },
    phone: "021 5523456",
    email: "lks@contoh.test",
    board: [{ name: "Siti", position: "Ketua", idNumber: "3671015501700003" }],
    types: ["LKSA"],
    serviceMode: "dalam_panti",
    ppks: ["anak_terlantar"],
    capacity: "30",
    currentClients: "24",
    staffCount: "6",
  };
}

describe("LKS form: browser-side checks mirror the contract", () => {
  test("a complete draft has no errors and becomes the API's input", () => {
    const draft = validDraft();
    expect(validateDraft(draft, undefined, "2026-01-01")).toEqual({});
    const input = draftToInput(draft);
    expect(input.deed).toEqual({ number: "12", date: "2015-03-10" });
    expect(input.legalisation).toBeUndefined(); // not for a yayasan
    expect(input.capacity).toBe(30);
    expect(input.location).toBeUndefined();
    expect(input.tandaDaftar).toBeUndefined();
    expect(input.address.postalCode).toBeUndefined();
  });

  test("an empty draft names every required field by its API path", () => {
    const errors = validateDraft(emptyDraft(), undefined, "2026-01-01");
    for (const path of [
      "name",
      "legalForm",
      "npwp",
      "address.street",
      "address.villageCode",
      "phone",
      "email",
      "board.0.idNumber",
      "types",
      "serviceMode",
      "ppks",
      "capacity",
    ]) {
      expect(errors, path).toHaveProperty([path]);
    }
  });

  test("NPWP with 15 or 16 digits, NIK with 16; dates in order and not in the future", () => {
    const draft = validDraft();
    draft.npwp = "01.234.567.8-901.00"; // 14 digits
    draft.board[0]!.idNumber = "367101550170000";
    draft.kemenkumham.date = "2015-01-01"; // before the deed
    draft.tandaDaftar = { number: "1", issuer: "Dinsos", issuedAt: "2027-01-01", expiresAt: "2026-01-01" };
    const errors = validateDraft(draft, undefined, "2026-01-01");
    expect(Object.keys(errors).sort()).toEqual([
      "board.0.idNumber",
      "kemenkumham.date",
      "npwp",
      "tandaDaftar.expiresAt",
      "tandaDaftar.issuedAt",
    ]);
  });

  test("a masked NIK the API showed may be sent back unchanged, a made-up one may not", () => {
    const original = {
      board: [{ name: "Siti", position: "Ketua", idNumber: "3671********0003" }],
    } as LksDetail["profile"];
    const draft = validDraft();
    draft.board[0]!.idNumber = "3671********0003";
    expect(validateDraft(draft, original, "2026-01-01")).toEqual({});
    draft.board[0]!.idNumber = "3671********9999";
    expect(validateDraft(draft, original, "2026-01-01")).toHaveProperty(["board.0.idNumber"]);
  });

  test("GPS only when both numbers are given, within Indonesia", () => {
    const draft = validDraft();
    draft.location = { latitude: "-6.1783", longitude: "106,6319" };
    expect(validateDraft(draft, undefined, "2026-01-01")).toEqual({});
    expect(draftToInput(draft).location).toEqual({ latitude: -6.1783, longitude: 106.6319 });
    draft.location.longitude = "151.2";
    expect(validateDraft(draft, undefined, "2026-01-01")).toHaveProperty(["location.longitude"]);
  });

  test("an old stored draft missing newer keys is completed; an edited profile round-trips", () => {
    const restored = restoreDraft({ name: "X", address: { street: "Jl." } });
    expect(restored.address.villageCode).toBe("");
    expect(restored.board).toHaveLength(1);
    const input = draftToInput(validDraft());
    const back = draftFromProfile(input as LksDetail["profile"]);
    expect(draftToInput(back)).toEqual(input);
  });

  test("a government unit stands on its agency and decree: no legal form, deed or NPWP sent", () => {
    const draft: LksDraft = {
      ...validDraft(),
      ownership: "provincial_government",
      institutionKind: "panti_pemerintah",
      npwp: "",
      legalForm: "",
    };
    const missing = validateDraft(draft, undefined, "2026-05-01");
    expect(Object.keys(missing).sort()).toEqual(["decree.date", "decree.issuer", "decree.number", "owningAgency"]);
    const complete = {
      ...draft,
      owningAgency: "Dinas Sosial Provinsi Banten",
      decree: { number: "Pergub 5/2020", date: "2020-02-02", issuer: "Gubernur Banten" },
    };
    expect(validateDraft(complete, undefined, "2026-05-01")).toEqual({});
    const input = draftToInput(complete);
    expect(input).toMatchObject({
      ownership: "provincial_government",
      institutionKind: "panti_pemerintah",
      owningAgency: "Dinas Sosial Provinsi Banten",
    });
    for (const key of ["legalForm", "deed", "kemenkumham", "npwp"]) expect(input).not.toHaveProperty(key);
    expect(draftToInput(draftFromProfile(input as LksDetail["profile"]))).toEqual(input);
    expect(focusTarget("decree")).toBe("f-decree-number");
  });

  test("error paths map to inputs and readable labels", () => {
    expect(fieldId("board.0.idNumber")).toBe("f-board-0-idNumber");
    expect(focusTarget("deed")).toBe("f-deed-number");
    expect(focusTarget("board")).toBe("f-board");
    expect(lksPathLabel("board.1.idNumber", (f) => f)).toBe("Pengurus 2 — NIK (nomor KTP)");
    expect(lksPathLabel("address.villageCode", (f) => f)).toBe("Kelurahan/desa");
  });
});

describe("API field errors", () => {
  const error = new ApiError(400, {
    errors: [
      { path: "lks.address.villageCode", message: "Kelurahan/desa tidak ada / No such village" },
      { path: "/lks/npwp", message: "NPWP harus 15 atau 16 angka / NPWP must have 15 or 16 digits" },
      { path: "operator.email", message: "Email sudah terdaftar / Email already registered" },
    ],
  });
  test("keyed by dotted path with the prefix removed; other paths kept whole; localized", () => {
    expect(apiFieldErrors(error, "lks.")).toEqual({
      "address.villageCode": "Kelurahan/desa tidak ada",
      npwp: "NPWP harus 15 atau 16 angka",
      "operator.email": "Email sudah terdaftar",
    });
    expect(error.fieldErrors("lks.")).toEqual({
      "address.villageCode": "Kelurahan/desa tidak ada / No such village",
      npwp: "NPWP harus 15 atau 16 angka / NPWP must have 15 or 16 digits",
    });
  });
});

describe("vocabulary labels", () => {
  test("the Indonesian PPKS and LKS type labels are @akrab/domain's, so they cannot drift", () => {
    expect(PPKS_CODES).toHaveLength(26);
    for (const code of PPKS_CODES) expect(ppksLabel(code)).toBe(PPKS_CATEGORIES[code]);
    for (const [type, label] of Object.entries(LKS_TYPE_LABELS)) expect(lksTypeLabel(type)).toBe(label);
  });
});

describe("presentation helpers", () => {
  test("NPWP shown as printed; history values by their labels", () => {
    expect(formatNpwp("012345678901000")).toBe("01.234.567.8-901.000");
    expect(formatNpwp("3671015501700003")).toBe("3671015501700003");
    expect(formatProfileValue("ppks", ["anak_terlantar", "odha"])).toBe("Anak terlantar, Orang dengan HIV/AIDS (ODHA)");
    expect(formatProfileValue("board", [{ name: "Siti", position: "Ketua", idNumber: "3671********0003" }])).toBe(
      "Siti, Ketua, 3671********0003",
    );
    expect(formatProfileValue("phone", null)).toBe("—");
  });
  test("return comments grouped by top-level field", () => {
    expect(
      commentsByField([
        { field: "npwp", message: "a" },
        { field: "board.0.idNumber", message: "b" },
        { field: "npwp", message: "c" },
      ]),
    ).toEqual({
      npwp: ["a", "c"],
      board: ["b"],
    });
  });
  test("days until a date", () => {
    expect(daysUntil("2026-03-31", "2026-01-01")).toBe(89);
    expect(daysUntil("2025-12-31", "2026-01-01")).toBe(-1);
  });
  test("a logo fits within 256 px, never enlarged", () => {
    expect(fitWithin(900, 600, 256)).toEqual({ width: 256, height: 171 });
    expect(fitWithin(100, 50, 256)).toEqual({ width: 100, height: 50 });
  });
});

describe("region search", () => {
  const regions = [
    { code: "36.04", name: "Kabupaten Serang", kind: "regency" },
    { code: "36.73", name: "Kota Serang", kind: "city" },
    { code: "36", name: "Banten", kind: "province" },
    { code: "32.73", name: "Kota Bandung", kind: "city" },
  ] as Region[];
  test("finds both Serangs by the bare name; 'kab serang' only the kabupaten", () => {
    expect(searchRegions(regions, "serang").map((r) => r.code)).toEqual(["36.04", "36.73"]);
    expect(searchRegions(regions, "kab. serang").map((r) => r.code)).toEqual(["36.04"]);
    expect(searchRegions(regions, "")).toEqual([]);
  });
});
