import { describe, expect, it } from "vitest";
import { kabKotaKind, regionDisplayName, regionSlug } from "./regions.ts";

describe("region slugs and names", () => {
  it.each([
    ["province", "Banten", "prov-banten", "Provinsi Banten"],
    ["province", "Daerah Khusus Ibukota Jakarta", "prov-dki-jakarta", "Provinsi DKI Jakarta"],
    ["province", "Daerah Istimewa Yogyakarta", "prov-di-yogyakarta", "Provinsi DI Yogyakarta"],
    ["city", "Kota Tangerang", "kota-tangerang", "Kota Tangerang"],
    ["regency", "Kabupaten Lebak", "kab-lebak", "Kabupaten Lebak"],
    ["city", "Kota Administrasi Jakarta Pusat", "kota-jakarta-pusat", "Kota Jakarta Pusat"],
    ["regency", "Kabupaten Administrasi Kepulauan Seribu", "kab-kepulauan-seribu", "Kabupaten Kepulauan Seribu"],
    ["regency", "Kabupaten Toba", "kab-toba", "Kabupaten Toba"],
  ] as const)("%s %s → %s", (kind, name, slug, display) => {
    expect(regionSlug(kind, name)).toBe(slug);
    expect(regionDisplayName(kind, name)).toBe(display);
  });

  it("tells kabupaten from kota, and refuses anything else", () => {
    expect(kabKotaKind("Kabupaten Tangerang")).toBe("regency");
    expect(kabKotaKind("Kota Tangerang")).toBe("city");
    expect(() => kabKotaKind("Tangerang")).toThrow();
  });
});
