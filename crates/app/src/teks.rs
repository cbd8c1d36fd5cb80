//! Teks dua bahasa. Indonesia selalu yang pertama; Inggris kedua. Pasangan
//! teks ditulis berdampingan di tempat dipakai agar tidak ada kunci yatim
//! (lihat docs/adr/0004).

use crate::Bahasa;

pub fn t(b: Bahasa, id: &'static str, en: &'static str) -> &'static str {
    match b {
        Bahasa::Id => id,
        Bahasa::En => en,
    }
}

/// Tanggal Indonesia: "28 November 2026" dari "2026-11-28…".
pub fn tanggal(b: Bahasa, iso: &str) -> String {
    const BULAN_ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const BULAN_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let bagian: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    if bagian.len() != 3 {
        return iso.to_string();
    }
    let (Ok(th), Ok(bl), Ok(hr)) = (
        bagian[0].parse::<i32>(),
        bagian[1].parse::<usize>(),
        bagian[2].parse::<u32>(),
    ) else {
        return iso.to_string();
    };
    if !(1..=12).contains(&bl) {
        return iso.to_string();
    }
    let nama = match b {
        Bahasa::Id => BULAN_ID[bl - 1],
        Bahasa::En => BULAN_EN[bl - 1],
    };
    format!("{hr} {nama} {th}")
}

/// Waktu UTC tersimpan ("2026-11-28T08:45:17.805Z") dalam zona instansi:
/// "28 November 2026 17.45 WIT".
pub fn waktu_lokal(b: Bahasa, iso: &str, zona: &str) -> String {
    let f = time::format_description::well_known::Rfc3339;
    let Ok(t) = time::OffsetDateTime::parse(iso, &f) else {
        return iso.to_string();
    };
    let jam = crate::organisasi::referensi::selisih_utc(zona);
    let Ok(offset) = time::UtcOffset::from_hms(jam, 0, 0) else {
        return iso.to_string();
    };
    let t = t.to_offset(offset);
    let tgl = tanggal(
        b,
        &format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
    );
    match b {
        Bahasa::Id => format!("{tgl} {:02}.{:02} {zona}", t.hour(), t.minute()),
        Bahasa::En => format!("{tgl} {:02}:{:02} {zona}", t.hour(), t.minute()),
    }
}

/// Angka dengan pemisah ribuan Indonesia: 1.234.567.
pub fn ribuan(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tes {
    use super::*;
    #[test]
    fn format_indonesia() {
        assert_eq!(ribuan(1234567), "1.234.567");
        assert_eq!(ribuan(-1000), "-1.000");
        assert_eq!(ribuan(999), "999");
        assert_eq!(
            tanggal(Bahasa::Id, "2026-11-28T08:00:00Z"),
            "28 November 2026"
        );
        assert_eq!(tanggal(Bahasa::En, "2026-02-03"), "3 February 2026");
        assert_eq!(tanggal(Bahasa::Id, "bukan"), "bukan");
        // Maluku (WIT, UTC+9): 08.45 UTC adalah 17.45 WIT; melewati tengah malam ikut berganti tanggal.
        assert_eq!(
            waktu_lokal(Bahasa::Id, "2026-11-28T08:45:17.805Z", "WIT"),
            "28 November 2026 17.45 WIT"
        );
        assert_eq!(
            waktu_lokal(Bahasa::En, "2026-11-28T16:30:00.000Z", "WITA"),
            "29 November 2026 00:30 WITA"
        );
        assert_eq!(
            waktu_lokal(Bahasa::Id, "2026-11-28T16:30:00.000Z", "WIB"),
            "28 November 2026 23.30 WIB"
        );
    }
}
