import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApplicationLetter, TransitionRequest } from "./applications.ts";
import { MultilineText, Text } from "./common.ts";
import { LksProfileInput } from "./lks-profile.ts";
import { TenantProfileUpdate } from "./onboarding.ts";

const CONTROLS = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\r", "\u202e", "\u2066"];

describe("Text", () => {
  it("refuses control and bidi characters anywhere, with a message in both languages", () => {
    for (const ch of [...CONTROLS, "\n", "\t"]) {
      const result = Text().safeParse(`Panti${ch}Asuhan`);
      expect(result.success, JSON.stringify(ch)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/karakter kendali .* control characters/);
    }
  });

  it("keeps ordinary text, accents and other scripts, and trims", () => {
    expect(Text().parse("  Yayasan Kasih Bunda – Pondok Aren, Tangerang Selatan  ")).toBe(
      "Yayasan Kasih Bunda – Pondok Aren, Tangerang Selatan",
    );
    expect(Text().parse("Hj. Siti Ma'rifah, S.Sos. ✓ 李 محمد")).toBe("Hj. Siti Ma'rifah, S.Sos. ✓ 李 محمد");
  });

  it("accepts exactly the strings without control characters (property)", () => {
    const text = Text();
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (value) => {
        const hasControl = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(value.trim());
        expect(text.safeParse(value).success).toBe(!hasControl);
      }),
    );
  });
});

describe("MultilineText", () => {
  it("keeps newlines and tabs, refuses every other control character", () => {
    expect(MultilineText().parse("Mohon dilengkapi:\n\t1. NPWP\n\t2. Akta")).toBe(
      "Mohon dilengkapi:\n\t1. NPWP\n\t2. Akta",
    );
    for (const ch of CONTROLS) expect(MultilineText().safeParse(`a${ch}b`).success, JSON.stringify(ch)).toBe(false);
  });
});

describe("the contracts' text fields", () => {
  it("use the shared types: a tenant name, an LKS name and a letter signatory refuse NUL", () => {
    expect(TenantProfileUpdate.safeParse({ name: "Dinas Sosial\u0000 Kota" }).error?.issues[0]?.path).toEqual(["name"]);
    const letter = {
      number: "1/A/2026",
      date: "2026-01-02",
      signatoryName: "Aminah\u0000",
      signatoryPosition: "Ketua",
    };
    expect(ApplicationLetter.safeParse(letter).error?.issues[0]?.path).toEqual(["signatoryName"]);
    expect(LksProfileInput.shape.name.safeParse("Panti\u0000 Asuhan").success).toBe(false);
  });

  it("let multi-line ones keep their lines", () => {
    const returned = TransitionRequest.safeParse({ action: "return", comment: "Baris 1\nBaris 2", expectedVersion: 1 });
    expect(returned.success).toBe(true);
    expect(TransitionRequest.safeParse({ action: "return", comment: "Baris\u0000", expectedVersion: 1 }).success).toBe(
      false,
    );
  });
});
