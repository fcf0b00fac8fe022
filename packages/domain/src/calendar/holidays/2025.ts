import type { HolidayYear } from "./types.ts";

/**
 * 2025. Source: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1017 Tahun 2024,
 * Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025
 * (14 Oktober 2024): 17 libur nasional, 10 cuti bersama; amended by SKB Nomor 933 Tahun 2025,
 * Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (7 Agustus 2025), which added cuti bersama on 18 August.
 * Idul Fitri and Iduladha 1446 H were confirmed by sidang isbat on the dates the SKB gave.
 */
export const HOLIDAYS_2025: HolidayYear = {
  year: 2025,
  source:
    "SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024 (14-10-2024), diubah SKB No. 933/2025, 1/2025, 3/2025 (7-8-2025)",
  provisional: false,
  days: [
    { date: "2025-01-01", kind: "libur", name: "Tahun Baru 2025 Masehi" },
    { date: "2025-01-27", kind: "libur", name: "Isra Mikraj Nabi Muhammad SAW" },
    { date: "2025-01-28", kind: "cuti_bersama", name: "Cuti bersama Tahun Baru Imlek" },
    { date: "2025-01-29", kind: "libur", name: "Tahun Baru Imlek 2576 Kongzili" },
    { date: "2025-03-28", kind: "cuti_bersama", name: "Cuti bersama Hari Suci Nyepi" },
    { date: "2025-03-29", kind: "libur", name: "Hari Suci Nyepi (Tahun Baru Saka 1947)" },
    { date: "2025-03-31", kind: "libur", name: "Idulfitri 1446 H" },
    { date: "2025-04-01", kind: "libur", name: "Idulfitri 1446 H" },
    { date: "2025-04-02", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1446 H" },
    { date: "2025-04-03", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1446 H" },
    { date: "2025-04-04", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1446 H" },
    { date: "2025-04-07", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1446 H" },
    { date: "2025-04-18", kind: "libur", name: "Wafat Yesus Kristus" },
    { date: "2025-04-20", kind: "libur", name: "Kebangkitan Yesus Kristus (Paskah)" },
    { date: "2025-05-01", kind: "libur", name: "Hari Buruh Internasional" },
    { date: "2025-05-12", kind: "libur", name: "Hari Raya Waisak 2569 BE" },
    { date: "2025-05-13", kind: "cuti_bersama", name: "Cuti bersama Hari Raya Waisak" },
    { date: "2025-05-29", kind: "libur", name: "Kenaikan Yesus Kristus" },
    { date: "2025-05-30", kind: "cuti_bersama", name: "Cuti bersama Kenaikan Yesus Kristus" },
    { date: "2025-06-01", kind: "libur", name: "Hari Lahir Pancasila" },
    { date: "2025-06-06", kind: "libur", name: "Iduladha 1446 H" },
    { date: "2025-06-09", kind: "cuti_bersama", name: "Cuti bersama Iduladha 1446 H" },
    { date: "2025-06-27", kind: "libur", name: "1 Muharam Tahun Baru Islam 1447 H" },
    { date: "2025-08-17", kind: "libur", name: "Proklamasi Kemerdekaan" },
    { date: "2025-08-18", kind: "cuti_bersama", name: "Cuti bersama HUT ke-80 Kemerdekaan RI" },
    { date: "2025-09-05", kind: "libur", name: "Maulid Nabi Muhammad SAW" },
    { date: "2025-12-25", kind: "libur", name: "Kelahiran Yesus Kristus" },
    { date: "2025-12-26", kind: "cuti_bersama", name: "Cuti bersama Kelahiran Yesus Kristus" },
  ],
};
