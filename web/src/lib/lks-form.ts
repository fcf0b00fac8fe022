/**
 * The LKS profile form's model: what the inputs hold (strings, so a half-typed number or date
 * survives a reload), how it becomes the API's LksProfileInput, and the checks the browser can
 * do before sending (the same rules as packages/contracts; the API stays the authority and its
 * errors are shown at the same fields, keyed by the same dotted paths).
 */
import {
  isNik,
  jakartaDay,
  normaliseNpwp,
  normalisePhone,
  requiredLegalDocuments,
  type InstitutionKind,
  type LegalForm,
  type Ownership,
  type LksType,
  type PpksCategory,
  type ServiceMode,
} from "@akrab/domain";
import type { LksDetail, LksProfileInput } from "#lib/api-types.ts";
import { m } from "#lib/paraglide/messages.js";
import { fieldId } from "#lib/form-fields.ts";

interface DocDraft {
  number: string;
  date: string;
}
interface PermitDraft {
  number: string;
  issuedAt: string;
  expiresAt: string;
}
export interface BoardDraft {
  name: string;
  position: string;
  /** 16 digits, or the masked value the API showed (kept as it is unless retyped). */
  idNumber: string;
}
export interface LksDraft {
  name: string;
  /** Community LKS, or a government unit (then agency and decree replace the legal documents). */
  ownership: Ownership;
  institutionKind: InstitutionKind | "";
  owningAgency: string;
  decree: DocDraft & { issuer: string };
  legalForm: LegalForm | "";
  deed: DocDraft;
  kemenkumham: DocDraft;
  legalisation: DocDraft;
  npwp: string;
  address: {
    street: string;
    provinceCode: string;
    regencyCode: string;
    districtCode: string;
    villageCode: string;
    postalCode: string;
  };
  location: { latitude: string; longitude: string };
  phone: string;
  email: string;
  board: BoardDraft[];
  types: LksType[];
  serviceMode: ServiceMode | "";
  ppks: PpksCategory[];
  capacity: string;
  currentClients: string;
  staffCount: string;
  tandaDaftar: PermitDraft & { issuer: string };
  izinOperasional: PermitDraft;
  siksNgId: string;
}

// Field names and input ids live in a small module of their own (pages without this form use them).
export { fieldId } from "#lib/form-fields.ts";

const emptyDoc = (): DocDraft => ({ number: "", date: "" });
const emptyPermit = (): PermitDraft => ({ number: "", issuedAt: "", expiresAt: "" });
export const emptyBoardMember = (): BoardDraft => ({ name: "", position: "", idNumber: "" });

export function emptyDraft(region?: { provinceCode?: string; regencyCode?: string }): LksDraft {
  return {
    name: "",
    ownership: "community",
    institutionKind: "lks",
    owningAgency: "",
    decree: { ...emptyDoc(), issuer: "" },
    legalForm: "",
    deed: emptyDoc(),
    kemenkumham: emptyDoc(),
    legalisation: emptyDoc(),
    npwp: "",
    address: {
      street: "",
      provinceCode: region?.provinceCode ?? "",
      regencyCode: region?.regencyCode ?? "",
      districtCode: "",
      villageCode: "",
      postalCode: "",
    },
    location: { latitude: "", longitude: "" },
    phone: "",
    email: "",
    board: [emptyBoardMember()],
    types: [],
    serviceMode: "",
    ppks: [],
    capacity: "",
    currentClients: "",
    staffCount: "",
    tandaDaftar: { ...emptyPermit(), issuer: "" },
    izinOperasional: emptyPermit(),
    siksNgId: "",
  };
}

/**
 * A stored draft from an older version of the form may lack newer keys: fill them in from an
 * empty draft so the form never reads `undefined`.
 */
export function restoreDraft(stored: unknown): LksDraft {
  const base = emptyDraft();
  if (!stored || typeof stored !== "object") return base;
  const s = stored as Partial<LksDraft>;
  return {
    ...base,
    ...s,
    ownership: s.ownership ?? base.ownership,
    institutionKind: s.institutionKind ?? base.institutionKind,
    owningAgency: s.owningAgency ?? "",
    decree: { ...base.decree, ...s.decree },
    deed: { ...base.deed, ...s.deed },
    kemenkumham: { ...base.kemenkumham, ...s.kemenkumham },
    legalisation: { ...base.legalisation, ...s.legalisation },
    address: { ...base.address, ...s.address },
    location: { ...base.location, ...s.location },
    board:
      Array.isArray(s.board) && s.board.length > 0 ? s.board.map((b) => ({ ...emptyBoardMember(), ...b })) : base.board,
    types: Array.isArray(s.types) ? s.types : [],
    ppks: Array.isArray(s.ppks) ? s.ppks : [],
    tandaDaftar: { ...base.tandaDaftar, ...s.tandaDaftar },
    izinOperasional: { ...base.izinOperasional, ...s.izinOperasional },
  };
}

/** The form's starting point for editing an existing LKS. */
export function draftFromProfile(profile: LksDetail["profile"]): LksDraft {
  const doc = (d: { number: string; date: string } | undefined): DocDraft => (d ? { ...d } : emptyDoc());
  const permit = (p: { number: string; issuedAt: string; expiresAt: string } | undefined): PermitDraft =>
    p ? { number: p.number, issuedAt: p.issuedAt, expiresAt: p.expiresAt } : emptyPermit();
  return {
    name: profile.name,
    // Profiles stored before issue 17 carry no ownership: they are community LKS.
    ownership: profile.ownership ?? "community",
    institutionKind: profile.institutionKind ?? "lks",
    owningAgency: profile.owningAgency ?? "",
    decree: profile.decree ? { ...profile.decree } : { ...emptyDoc(), issuer: "" },
    legalForm: profile.legalForm ?? "",
    deed: doc(profile.deed),
    kemenkumham: doc(profile.kemenkumham),
    legalisation: doc(profile.legalisation),
    npwp: profile.npwp ?? "",
    address: { ...profile.address, postalCode: profile.address.postalCode ?? "" },
    location: profile.location
      ? { latitude: String(profile.location.latitude), longitude: String(profile.location.longitude) }
      : { latitude: "", longitude: "" },
    phone: profile.phone,
    email: profile.email,
    board: profile.board.map((b) => ({ ...b })),
    types: [...profile.types],
    serviceMode: profile.serviceMode,
    ppks: [...profile.ppks],
    capacity: String(profile.capacity),
    currentClients: String(profile.currentClients),
    staffCount: String(profile.staffCount),
    tandaDaftar: profile.tandaDaftar
      ? { ...permit(profile.tandaDaftar), issuer: profile.tandaDaftar.issuer }
      : { ...emptyPermit(), issuer: "" },
    izinOperasional: permit(profile.izinOperasional),
    siksNgId: profile.siksNgId ?? "",
  };
}

const filled = (...values: string[]) => values.some((v) => v.trim() !== "");
const toNumber = (value: string) => (value.trim() === "" ? Number.NaN : Number(value.trim().replace(",", ".")));

/** What the API receives. Only call after `validateDraft` found nothing. */
export function draftToInput(d: LksDraft): LksProfileInput {
  const community = d.ownership === "community";
  const legalForm = d.legalForm as LegalForm;
  const required = community ? requiredLegalDocuments(legalForm) : [];
  const doc = (x: DocDraft) => ({ number: x.number.trim(), date: x.date });
  const input: LksProfileInput = {
    name: d.name.trim(),
    ownership: d.ownership,
    institutionKind: community ? "lks" : (d.institutionKind as InstitutionKind),
    ...(community
      ? { legalForm }
      : { owningAgency: d.owningAgency.trim(), decree: { ...doc(d.decree), issuer: d.decree.issuer.trim() } }),
    ...(community || d.npwp.trim() ? { npwp: d.npwp.trim() } : {}),
    address: {
      street: d.address.street.trim(),
      provinceCode: d.address.provinceCode,
      regencyCode: d.address.regencyCode,
      districtCode: d.address.districtCode,
      villageCode: d.address.villageCode,
      ...(d.address.postalCode.trim() ? { postalCode: d.address.postalCode.trim() } : {}),
    },
    phone: d.phone.trim(),
    email: d.email.trim(),
    board: d.board.map((b) => ({
      name: b.name.trim(),
      position: b.position.trim(),
      idNumber: b.idNumber.replace(/\s/g, ""),
    })),
    types: [...d.types],
    serviceMode: d.serviceMode as ServiceMode,
    ppks: [...d.ppks],
    capacity: toNumber(d.capacity),
    currentClients: toNumber(d.currentClients),
    staffCount: toNumber(d.staffCount),
  };
  if (required.includes("deed")) input.deed = doc(d.deed);
  if (required.includes("kemenkumham")) input.kemenkumham = doc(d.kemenkumham);
  if (required.includes("legalisation")) input.legalisation = doc(d.legalisation);
  if (filled(d.location.latitude, d.location.longitude)) {
    input.location = { latitude: toNumber(d.location.latitude), longitude: toNumber(d.location.longitude) };
  }
  const td = d.tandaDaftar;
  if (filled(td.number, td.issuer, td.issuedAt, td.expiresAt)) {
    input.tandaDaftar = {
      number: td.number.trim(),
      issuer: td.issuer.trim(),
      issuedAt: td.issuedAt,
      expiresAt: td.expiresAt,
    };
  }
  const io = d.izinOperasional;
  if (filled(io.number, io.issuedAt, io.expiresAt)) {
    input.izinOperasional = { number: io.number.trim(), issuedAt: io.issuedAt, expiresAt: io.expiresAt };
  }
  if (d.siksNgId.trim()) input.siksNgId = d.siksNgId.trim();
  return input;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isMasked = (value: string) => value.includes("*");

/**
 * The browser-side checks: path → message, paths as the API reports them ("address.villageCode",
 * "board.0.idNumber"). `original` is the profile being edited: a masked NIK it showed may stay.
 */
export function validateDraft(
  d: LksDraft,
  original?: LksDetail["profile"],
  today = jakartaDay(),
): Record<string, string> {
  const errors: Record<string, string> = {};
  const set = (path: string, message: string) => {
    if (!(path in errors)) errors[path] = message;
  };
  const count = (path: string, value: string) => {
    const n = toNumber(value);
    if (value.trim() === "") set(path, m.lksf_err_required());
    else if (!Number.isInteger(n) || n < 0 || n > 100_000) set(path, m.lksf_err_count());
  };
  const date = (path: string, value: string, notFuture = true) => {
    if (!value) set(path, m.lksf_err_required());
    else if (!DATE.test(value)) set(path, m.lksf_err_date());
    else if (notFuture && value > today) set(path, m.lksf_err_future());
  };

  if (d.name.trim().length < 3) set("name", m.lksf_err_name());
  const community = d.ownership === "community";
  if (!community) {
    if (!d.institutionKind || d.institutionKind === "lks") set("institutionKind", m.lksf_err_choose());
    if (d.owningAgency.trim().length < 3) set("owningAgency", m.lksf_err_required());
    if (!d.decree.number.trim()) set("decree.number", m.lksf_err_required());
    date("decree.date", d.decree.date);
    if (d.decree.issuer.trim().length < 3) set("decree.issuer", m.lksf_err_required());
  } else if (!d.legalForm) set("legalForm", m.lksf_err_legal_form());
  else {
    for (const key of requiredLegalDocuments(d.legalForm)) {
      if (!d[key].number.trim()) set(`${key}.number`, m.lksf_err_required());
      date(`${key}.date`, d[key].date);
    }
    if (d.legalForm !== "non_badan_hukum" && d.deed.date && d.kemenkumham.date && d.kemenkumham.date < d.deed.date) {
      set("kemenkumham.date", m.lksf_err_kemenkumham_before_deed());
    }
  }
  // A government unit often uses its agency's NPWP: optional for it, checked when given.
  if ((community || d.npwp.trim()) && !normaliseNpwp(d.npwp)) set("npwp", m.lksf_err_npwp());

  if (d.address.street.trim().length < 5) set("address.street", m.lksf_err_street());
  if (!d.address.provinceCode) set("address.provinceCode", m.lksf_err_choose());
  if (!d.address.regencyCode) set("address.regencyCode", m.lksf_err_choose());
  if (!d.address.districtCode) set("address.districtCode", m.lksf_err_choose());
  if (!d.address.villageCode) set("address.villageCode", m.lksf_err_choose());
  if (d.address.postalCode.trim() && !/^\d{5}$/.test(d.address.postalCode.trim()))
    set("address.postalCode", m.lksf_err_postal());

  if (filled(d.location.latitude, d.location.longitude)) {
    const lat = toNumber(d.location.latitude);
    const lon = toNumber(d.location.longitude);
    if (!(lat >= -11.5 && lat <= 6.5)) set("location.latitude", m.lksf_err_outside());
    if (!(lon >= 94.5 && lon <= 141.5)) set("location.longitude", m.lksf_err_outside());
  }
  if (!normalisePhone(d.phone)) set("phone", m.lksf_err_phone());
  if (!EMAIL.test(d.email.trim())) set("email", m.lksf_err_email());

  if (d.board.length === 0) set("board", m.lksf_err_board());
  const shown = new Set(original?.board.map((b) => b.idNumber) ?? []);
  d.board.forEach((b, i) => {
    if (b.name.trim().length < 2) set(`board.${i}.name`, m.lksf_err_person_name());
    if (b.position.trim().length < 2) set(`board.${i}.position`, m.lksf_err_required());
    const id = b.idNumber.replace(/\s/g, "");
    if (!(isNik(id) || (isMasked(id) && shown.has(id)))) set(`board.${i}.idNumber`, m.lksf_err_nik());
  });

  if (d.types.length === 0) set("types", m.lksf_err_types());
  if (!d.serviceMode) set("serviceMode", m.lksf_err_service_mode());
  if (d.ppks.length === 0) set("ppks", m.lksf_err_ppks());
  count("capacity", d.capacity);
  count("currentClients", d.currentClients);
  count("staffCount", d.staffCount);

  const td = d.tandaDaftar;
  if (filled(td.number, td.issuer, td.issuedAt, td.expiresAt)) {
    if (!td.number.trim()) set("tandaDaftar.number", m.lksf_err_required());
    if (td.issuer.trim().length < 3) set("tandaDaftar.issuer", m.lksf_err_required());
    date("tandaDaftar.issuedAt", td.issuedAt);
    date("tandaDaftar.expiresAt", td.expiresAt, false);
    if (td.issuedAt && td.expiresAt && td.expiresAt <= td.issuedAt)
      set("tandaDaftar.expiresAt", m.lksf_err_expiry_order());
  }
  const io = d.izinOperasional;
  if (filled(io.number, io.issuedAt, io.expiresAt)) {
    if (!io.number.trim()) set("izinOperasional.number", m.lksf_err_required());
    date("izinOperasional.issuedAt", io.issuedAt);
    date("izinOperasional.expiresAt", io.expiresAt, false);
    if (io.issuedAt && io.expiresAt && io.expiresAt <= io.issuedAt)
      set("izinOperasional.expiresAt", m.lksf_err_expiry_order());
  }
  if (d.siksNgId.trim().length > 50) set("siksNgId", m.lksf_err_too_long());
  return errors;
}

/**
 * Where to send the reader for an error path the form has no input for exactly: an array-level
 * error ("board") goes to its section; a nested one to the nearest input the form has.
 */
export function focusTarget(path: string): string {
  if (
    path === "board" ||
    path === "types" ||
    path === "ppks" ||
    path === "legalForm" ||
    path === "serviceMode" ||
    path === "ownership"
  )
    return fieldId(path);
  if (path === "decree") return fieldId("decree.number");
  if (path === "deed" || path === "kemenkumham" || path === "legalisation") return fieldId(`${path}.number`);
  if (path === "tandaDaftar" || path === "izinOperasional") return fieldId(`${path}.number`);
  if (path === "location") return fieldId("location.latitude");
  if (path === "address") return fieldId("address.street");
  return fieldId(path);
}

/** A reader-facing name for an error path, for the error summary above the form. */
export function lksPathLabel(path: string, fieldLabel: (field: string) => string): string {
  const parts = path.split(".");
  const [top, second, third] = parts;
  if (top === "operator") {
    if (second === "name") return m.lksreg_operator_name();
    if (second === "email") return m.lksreg_operator_email();
    if (second === "password") return m.lksreg_operator_password();
  }
  if (top === "board" && second !== undefined && third !== undefined) {
    const n = Number(second) + 1;
    const what =
      third === "name" ? m.lksf_board_name() : third === "position" ? m.lksf_board_position() : m.lksf_board_nik();
    return `${m.lksf_board_member({ n })} — ${what}`;
  }
  if (top === "address" && second) {
    switch (second) {
      case "street":
        return m.lksf_street();
      case "provinceCode":
        return m.lksf_province();
      case "regencyCode":
        return m.lksf_regency();
      case "districtCode":
        return m.lksf_district();
      case "villageCode":
        return m.lksf_village();
      case "postalCode":
        return m.lksf_postal_code();
    }
  }
  if (top === "location" && second) return second === "latitude" ? m.lksf_latitude() : m.lksf_longitude();
  if (
    (top === "deed" ||
      top === "decree" ||
      top === "kemenkumham" ||
      top === "legalisation" ||
      top === "tandaDaftar" ||
      top === "izinOperasional") &&
    second
  ) {
    const what =
      second === "number"
        ? m.lksf_permit_number()
        : second === "issuer"
          ? m.lksf_permit_issuer()
          : second === "expiresAt"
            ? m.lksf_permit_expires()
            : second === "issuedAt"
              ? m.lksf_permit_issued()
              : m.lksf_date();
    return `${fieldLabel(top)} — ${what}`;
  }
  return fieldLabel(top ?? path);
}
