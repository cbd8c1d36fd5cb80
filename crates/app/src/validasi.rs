//! Aturan teks yang sama untuk setiap isian, di formulir, API dan impor:
//! panjang maksimal, tanpa karakter kendali (NUL tidak pernah sampai ke basis
//! data), dan untuk nama tanpa karakter arah (bidi) atau lebar-nol yang bisa
//! membuat dua nama tampak sama atau membalik teks di layar orang lain.
//!
//! Panjang dihitung dalam karakter (bukan bita). Batas yang dipakai di
//! beberapa tempat ada di sini agar sama.

use crate::galat::GalatKolom;
use crate::teks::t;
use rules::Bahasa;

/// Nama orang, unit, jabatan, instansi.
pub const MAKS_NAMA: usize = 200;
/// Gelar depan atau belakang.
pub const MAKS_GELAR: usize = 50;
/// Singkatan unit, kode pendek.
pub const MAKS_SINGKAT: usize = 50;
/// Id rekaman yang dirujuk (UUID dan id impor lama).
pub const MAKS_ID: usize = 64;
/// Teks bebas satu paragraf (keterangan, alasan).
pub const MAKS_KETERANGAN: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JenisTeks {
    /// Satu baris yang dibaca orang sebagai nama: tanpa kendali, bidi, lebar-nol.
    Nama,
    /// Satu baris teks teknis (id, kode, surel, telepon): tanpa kendali dan bidi.
    Baris,
    /// Beberapa baris: baris baru dan tab boleh, kendali lain dan penimpa arah tidak.
    Bebas,
}

/// Karakter yang mengubah arah tampilan teks (Trojan Source, CVE-2021-42574).
pub(crate) fn bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Karakter tak terlihat yang membuat dua nama tampak sama.
pub(crate) fn tak_terlihat(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Alasan teks ditolak, atau `None` bila sah.
pub fn alasan(b: Bahasa, nilai: &str, maks: usize, jenis: JenisTeks) -> Option<String> {
    let n = nilai.chars().count();
    if n > maks {
        return Some(match b {
            Bahasa::Id => format!("Terlalu panjang: {n} karakter, maksimal {maks}."),
            Bahasa::En => format!("Too long: {n} characters, at most {maks}."),
        });
    }
    let kendali = |c: char| match jenis {
        JenisTeks::Bebas => c.is_control() && c != '\n' && c != '\t' && c != '\r',
        _ => c.is_control(),
    };
    if nilai.chars().any(kendali) {
        return Some(
            t(
                b,
                "Memuat karakter kendali (mis. NUL atau baris baru) yang tidak diizinkan.",
                "Holds a control character (e.g. NUL or a line break), which is not allowed.",
            )
            .into(),
        );
    }
    if nilai.chars().any(bidi) {
        return Some(
            t(
                b,
                "Memuat karakter pengubah arah teks (bidi) yang tidak diizinkan.",
                "Holds a text-direction (bidi) character, which is not allowed.",
            )
            .into(),
        );
    }
    if jenis == JenisTeks::Nama && nilai.chars().any(tak_terlihat) {
        return Some(
            t(
                b,
                "Memuat karakter tak terlihat (lebar-nol) yang tidak diizinkan.",
                "Holds an invisible (zero-width) character, which is not allowed.",
            )
            .into(),
        );
    }
    None
}

/// Memeriksa satu isian dan mencatat alasannya di kolomnya.
pub fn periksa(
    f: &mut GalatKolom,
    b: Bahasa,
    kolom: &str,
    nilai: &str,
    maks: usize,
    jenis: JenisTeks,
) {
    if let Some(a) = alasan(b, nilai, maks, jenis) {
        f.tambah(kolom, a);
    }
}

/// Seperti [`periksa`] untuk isian opsional.
pub fn periksa_opsional(
    f: &mut GalatKolom,
    b: Bahasa,
    kolom: &str,
    nilai: Option<&str>,
    maks: usize,
    jenis: JenisTeks,
) {
    if let Some(v) = nilai {
        periksa(f, b, kolom, v, maks, jenis);
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn nama_tanpa_bidi_lebar_nol_dan_kendali() {
        let b = Bahasa::Id;
        assert_eq!(
            alasan(b, "Maria Latuconsina, S.Kom.", MAKS_NAMA, JenisTeks::Nama),
            None
        );
        assert_eq!(
            alasan(b, "Nur’aini Tuasikal", MAKS_NAMA, JenisTeks::Nama),
            None
        );
        for buruk in [
            "Ali\u{202E}gnp.exe",
            "A\u{200B}li",
            "Ali\0",
            "Ali\nBaba",
            "A\u{2066}li",
        ] {
            assert!(
                alasan(b, buruk, MAKS_NAMA, JenisTeks::Nama).is_some(),
                "{buruk:?}"
            );
        }
        assert!(alasan(b, "baris\nkedua", 100, JenisTeks::Bebas).is_none());
        assert!(alasan(b, "a\0", 100, JenisTeks::Bebas).is_some());
        assert!(
            alasan(b, &"a".repeat(201), MAKS_NAMA, JenisTeks::Nama)
                .unwrap()
                .contains("201")
        );
    }
}
