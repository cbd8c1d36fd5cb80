//! Bahasa pesan: Indonesia (bawaan) atau Inggris.

/// Bahasa untuk pesan kesalahan dan penjelasan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Bahasa {
    /// Bahasa Indonesia (bawaan).
    #[default]
    Id,
    /// English.
    En,
}

impl Bahasa {
    /// Bahasa dari kode (`"en"`, `"id"`) atau nilai header `Accept-Language`
    /// (`"en-US,en;q=0.9"`). Di antara `id` dan `en`, yang bobot `q`-nya
    /// tertinggi menang (seri: yang disebut lebih dulu). Tanpa `en` yang
    /// menang, hasilnya [`Bahasa::Id`].
    pub fn dari_kode(kode: &str) -> Bahasa {
        let mut terbaik: Option<(Bahasa, u32)> = None;
        for bagian in kode.split(',') {
            let mut potong = bagian.split(';');
            let tag = potong.next().unwrap_or("").trim();
            let utama = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let bahasa = match utama.as_str() {
                "en" => Bahasa::En,
                "id" | "in" => Bahasa::Id,
                _ => continue,
            };
            let q = potong
                .find_map(|p| p.trim().strip_prefix("q=").map(bobot_q))
                .unwrap_or(1000);
            if q > 0 && terbaik.is_none_or(|(_, qt)| q > qt) {
                terbaik = Some((bahasa, q));
            }
        }
        terbaik.map(|(b, _)| b).unwrap_or_default()
    }

    /// Kode ISO 639-1: `"id"` atau `"en"`.
    pub const fn kode(self) -> &'static str {
        match self {
            Bahasa::Id => "id",
            Bahasa::En => "en",
        }
    }

    /// Pilih teks sesuai bahasa.
    pub(crate) fn pilih<T>(self, id: T, en: T) -> T {
        match self {
            Bahasa::Id => id,
            Bahasa::En => en,
        }
    }
}

/// Bobot `q` (0–1, sampai 3 desimal) sebagai bilangan bulat per seribu, tanpa
/// float. Nilai yang tidak sah dibaca 0 (diabaikan).
fn bobot_q(teks: &str) -> u32 {
    let teks = teks.trim();
    let (bulat, pecahan) = teks.split_once('.').unwrap_or((teks, ""));
    if pecahan.len() > 3 || !pecahan.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    let frac: u32 = format!("{pecahan:0<3}").parse().unwrap_or(0);
    match bulat {
        "1" if frac == 0 => 1000,
        "0" => frac,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kode_dan_header() {
        assert_eq!(Bahasa::dari_kode("en"), Bahasa::En);
        assert_eq!(Bahasa::dari_kode("EN"), Bahasa::En);
        assert_eq!(Bahasa::dari_kode("en-US,en;q=0.9"), Bahasa::En);
        assert_eq!(Bahasa::dari_kode("id"), Bahasa::Id);
        assert_eq!(Bahasa::dari_kode("id-ID,id;q=0.9,en;q=0.8"), Bahasa::Id);
        assert_eq!(Bahasa::dari_kode("fr-FR,en;q=0.5"), Bahasa::En);
        assert_eq!(Bahasa::dari_kode("id;q=0.5,en;q=0.9"), Bahasa::En);
        assert_eq!(Bahasa::dari_kode("en;q=0"), Bahasa::Id);
        assert_eq!(Bahasa::dari_kode("fr"), Bahasa::Id);
        assert_eq!(Bahasa::dari_kode(""), Bahasa::Id);
        assert_eq!(Bahasa::dari_kode("*"), Bahasa::Id);
        assert_eq!(Bahasa::dari_kode("en;q=abc"), Bahasa::Id);
    }
}
