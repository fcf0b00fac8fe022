import type { HolidayYear } from "./types.ts";

/**
 * 2027. PROVISIONAL: the SKB for 2027 is usually signed in September–October of the year before
 * and was not available when this file was written. Until it is, this lists the holidays fixed by
 * Keppres No. 8 Tahun 2024 tentang Hari-Hari Libur on dates that are certain (fixed-date days,
 * and Good Friday/Easter/Ascension from the Gregorian Easter computus), plus ESTIMATES for the
 * lunar ones (Hijri, Chinese, Saka, Waisak), marked `estimate`. No cuti bersama: those are chosen
 * by the SKB. Replace this file with the SKB's list (and name it in `source`) once it is out.
 */
export const HOLIDAYS_2027: HolidayYear = {
  year: 2027,
  source: "Belum ada SKB 2027; perkiraan berdasarkan Keppres No. 8/2024 tentang Hari-Hari Libur",
  provisional: true,
  days: [
    { date: "2027-01-01", kind: "libur", name: "Tahun Baru 2027 Masehi" },
    { date: "2027-01-05", kind: "libur", name: "Isra Mikraj Nabi Muhammad SAW", estimate: true },
    { date: "2027-02-06", kind: "libur", name: "Tahun Baru Imlek 2578 Kongzili", estimate: true },
    { date: "2027-03-09", kind: "libur", name: "Hari Suci Nyepi (Tahun Baru Saka 1949)", estimate: true },
    { date: "2027-03-10", kind: "libur", name: "Idulfitri 1448 H", estimate: true },
    { date: "2027-03-11", kind: "libur", name: "Idulfitri 1448 H", estimate: true },
    { date: "2027-03-26", kind: "libur", name: "Wafat Yesus Kristus" },
    { date: "2027-03-28", kind: "libur", name: "Kebangkitan Yesus Kristus (Paskah)" },
    { date: "2027-05-01", kind: "libur", name: "Hari Buruh Internasional" },
    { date: "2027-05-06", kind: "libur", name: "Kenaikan Yesus Kristus" },
    { date: "2027-05-16", kind: "libur", name: "Iduladha 1448 H", estimate: true },
    { date: "2027-05-20", kind: "libur", name: "Hari Raya Waisak 2571 BE", estimate: true },
    { date: "2027-06-01", kind: "libur", name: "Hari Lahir Pancasila" },
    { date: "2027-06-06", kind: "libur", name: "1 Muharam Tahun Baru Islam 1449 H", estimate: true },
    { date: "2027-08-15", kind: "libur", name: "Maulid Nabi Muhammad SAW", estimate: true },
    { date: "2027-08-17", kind: "libur", name: "Proklamasi Kemerdekaan" },
    { date: "2027-12-25", kind: "libur", name: "Kelahiran Yesus Kristus" },
  ],
};
