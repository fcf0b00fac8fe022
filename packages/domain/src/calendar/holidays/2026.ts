import type { HolidayYear } from "./types.ts";

/**
 * 2026. Source: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025,
 * Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026
 * (announced by Kemenko PMK on 19 September 2025): 17 libur nasional, 8 cuti bersama.
 * Isra Mikraj, Idulfitri, Iduladha, 1 Muharam and Maulid follow the Hijri calendar: Idulfitri and
 * Iduladha 1447 H are fixed by the Minister of Religious Affairs after sidang isbat and may move by
 * a day; they are marked `estimate` until confirmed.
 */
export const HOLIDAYS_2026: HolidayYear = {
  year: 2026,
  source: "SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025 (19-9-2025)",
  provisional: false,
  days: [
    { date: "2026-01-01", kind: "libur", name: "Tahun Baru 2026 Masehi" },
    { date: "2026-01-16", kind: "libur", name: "Isra Mikraj Nabi Muhammad SAW" },
    { date: "2026-02-16", kind: "cuti_bersama", name: "Cuti bersama Tahun Baru Imlek" },
    { date: "2026-02-17", kind: "libur", name: "Tahun Baru Imlek 2577 Kongzili" },
    { date: "2026-03-18", kind: "cuti_bersama", name: "Cuti bersama Hari Suci Nyepi" },
    { date: "2026-03-19", kind: "libur", name: "Hari Suci Nyepi (Tahun Baru Saka 1948)" },
    { date: "2026-03-20", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1447 H" },
    { date: "2026-03-21", kind: "libur", name: "Idulfitri 1447 H", estimate: true },
    { date: "2026-03-22", kind: "libur", name: "Idulfitri 1447 H", estimate: true },
    { date: "2026-03-23", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1447 H" },
    { date: "2026-03-24", kind: "cuti_bersama", name: "Cuti bersama Idulfitri 1447 H" },
    { date: "2026-04-03", kind: "libur", name: "Wafat Yesus Kristus" },
    { date: "2026-04-05", kind: "libur", name: "Kebangkitan Yesus Kristus (Paskah)" },
    { date: "2026-05-01", kind: "libur", name: "Hari Buruh Internasional" },
    { date: "2026-05-14", kind: "libur", name: "Kenaikan Yesus Kristus" },
    { date: "2026-05-15", kind: "cuti_bersama", name: "Cuti bersama Kenaikan Yesus Kristus" },
    { date: "2026-05-27", kind: "libur", name: "Iduladha 1447 H", estimate: true },
    { date: "2026-05-28", kind: "cuti_bersama", name: "Cuti bersama Iduladha 1447 H" },
    { date: "2026-05-31", kind: "libur", name: "Hari Raya Waisak 2570 BE" },
    { date: "2026-06-01", kind: "libur", name: "Hari Lahir Pancasila" },
    { date: "2026-06-16", kind: "libur", name: "1 Muharam Tahun Baru Islam 1448 H" },
    { date: "2026-08-17", kind: "libur", name: "Proklamasi Kemerdekaan" },
    { date: "2026-08-25", kind: "libur", name: "Maulid Nabi Muhammad SAW" },
    { date: "2026-12-24", kind: "cuti_bersama", name: "Cuti bersama Kelahiran Yesus Kristus" },
    { date: "2026-12-25", kind: "libur", name: "Kelahiran Yesus Kristus" },
  ],
};
