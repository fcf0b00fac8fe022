import { describe, expect, test } from "vitest";
import type { Membership } from "./api-types.ts";
import { localizeApiText } from "./errors.ts";
import { joinText, linkify } from "./format.ts";
import { safeNext } from "./nav.ts";
import { groupMemberships, homeKind } from "./roles.ts";

describe("joinText", () => {
  test("pieces of a label keep one space between them, empty ones leave no gap", () => {
    expect(joinText("Tahap: Perbaikan oleh LKS.", "Menunggu tindakan Anda.")).toBe(
      "Tahap: Perbaikan oleh LKS. Menunggu tindakan Anda.",
    );
    expect(joinText("Tahap: Diajukan.", null, false, "")).toBe("Tahap: Diajukan.");
    expect(joinText("·", "Dinas", "·", "diajukan 1 Mei 2026")).toBe("· Dinas · diajukan 1 Mei 2026");
  });
});

describe("linkify", () => {
  test("splits links out of text and leaves sentence punctuation outside", () => {
    expect(linkify("Buka http://127.0.0.1:8788/invite/abc. Selesai")).toEqual([
      { text: "Buka " },
      { text: "http://127.0.0.1:8788/invite/abc", href: "http://127.0.0.1:8788/invite/abc" },
      { text: ". Selesai" },
    ]);
  });
  test("never turns javascript: or other schemes into links", () => {
    expect(linkify("javascript:alert(1) data:text/html,x")).toEqual([{ text: "javascript:alert(1) data:text/html,x" }]);
  });
});

describe("localizeApiText (API texts are 'Indonesian / English')", () => {
  test("picks the Indonesian half by default", () => {
    expect(localizeApiText("Email atau kata sandi salah / Wrong email or password")).toBe(
      "Email atau kata sandi salah",
    );
  });
  test("leaves other texts alone", () => {
    expect(localizeApiText("Tanpa terjemahan")).toBe("Tanpa terjemahan");
    expect(localizeApiText("a / b / c")).toBe("a / b / c");
  });
});

describe("safeNext", () => {
  test.each([
    [null, "/"],
    ["/admin/outbox", "/admin/outbox"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["/login?next=/x", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});

describe("memberships", () => {
  const m = (id: string, role: Membership["role"], tenant: string | null): Membership => ({
    id,
    role,
    tenant: tenant ? { slug: tenant, name: tenant.toUpperCase(), level: "kabkota", regionCode: "36.71" } : null,
    lks: null,
  });

  test("grouped by tenant in first-seen order, national roles together", () => {
    const groups = groupMemberships([
      m("1", "tenant_admin", "prov-banten"),
      m("2", "asesor", null),
      m("3", "dinsos_verifier", "kab-pandeglang"),
      m("4", "dinsos_verifier", "prov-banten"),
    ]);
    expect(groups.map((g) => [g.key, g.memberships.map((x) => x.id)])).toEqual([
      ["prov-banten", ["1", "4"]],
      ["", ["2"]],
      ["kab-pandeglang", ["3"]],
    ]);
  });

  test("home kind per role", () => {
    expect(homeKind("dinsos_head")).toBe("tenant");
    expect(homeKind("lks_operator")).toBe("lks");
    expect(homeKind("platform_admin")).toBe("platform");
    expect(homeKind("balks_decider")).toBe("national");
  });
});
