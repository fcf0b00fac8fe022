/** A complete, valid LKS profile in Kota Tangerang (kecamatan Tangerang, kelurahan Sukarasa). */
export function lksProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: "Panti Asuhan Harapan Baru",
    legalForm: "yayasan",
    deed: { number: "15", date: "2018-02-01" },
    kemenkumham: { number: "AHU-0015.AH.01.04.2018", date: "2018-03-01" },
    npwp: "01.234.567.8-901.222",
    address: {
      street: "Jl. Merdeka No. 5",
      provinceCode: "36",
      regencyCode: "36.71",
      districtCode: "36.71.01",
      villageCode: "36.71.01.1001",
      postalCode: "15111",
    },
    location: { latitude: -6.1783, longitude: 106.6319 },
    phone: "0812-1111-2222",
    email: "harapan.baru@example.org",
    board: [
      { name: "Budi Santoso", position: "Ketua", idNumber: "3671010101800001" },
      { name: "Ani Wijaya", position: "Sekretaris", idNumber: "3671014101850002" },
    ],
    types: ["LKSA"],
    serviceMode: "dalam_panti",
    ppks: ["anak_terlantar"],
    capacity: 30,
    currentClients: 12,
    staffCount: 5,
    ...overrides,
  };
}

export const TANDA_DAFTAR = {
  number: "460/123/Dinsos/2026",
  issuer: "Dinas Sosial Kota Tangerang",
  issuedAt: "2026-01-10",
  expiresAt: "2031-01-10",
};
