//! Jenis berkas dikenali dari isinya, bukan dari nama atau Content-Type
//! klien, lalu dicocokkan dengan daftar yang diizinkan.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jenis {
    Jpeg,
    Png,
    Webp,
    Pdf,
    Xlsx,
    Docx,
}

impl Jenis {
    pub fn mime(self) -> &'static str {
        match self {
            Jenis::Jpeg => "image/jpeg",
            Jenis::Png => "image/png",
            Jenis::Webp => "image/webp",
            Jenis::Pdf => "application/pdf",
            Jenis::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Jenis::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// Ekstensi yang cocok (yang pertama dipakai bila nama tidak cocok).
    pub fn ekstensi(self) -> &'static [&'static str] {
        match self {
            Jenis::Jpeg => &["jpg", "jpeg"],
            Jenis::Png => &["png"],
            Jenis::Webp => &["webp"],
            Jenis::Pdf => &["pdf"],
            Jenis::Xlsx => &["xlsx"],
            Jenis::Docx => &["docx"],
        }
    }

    pub fn foto(self) -> bool {
        matches!(self, Jenis::Jpeg | Jenis::Png | Jenis::Webp)
    }

    pub fn dari_mime(m: &str) -> Option<Jenis> {
        [
            Jenis::Jpeg,
            Jenis::Png,
            Jenis::Webp,
            Jenis::Pdf,
            Jenis::Xlsx,
            Jenis::Docx,
        ]
        .into_iter()
        .find(|j| j.mime() == m)
    }
}

/// Mengapa isi ditolak: nama jenis yang terdeteksi (untuk pesan), atau
/// alasan khusus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tolak {
    /// Jenis dikenali tetapi tidak diizinkan (mis. "HTML", "program Windows (EXE)").
    Jenis(&'static str),
    /// Dokumen Office dengan makro (vbaProject.bin).
    Makro,
    /// ZIP yang bukan XLSX/DOCX, atau XLSX/DOCX yang rusak.
    ZipLain,
    Kosong,
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Mengenali jenis dari bita awal (dan direktori pusat ZIP untuk XLSX/DOCX).
pub fn kenali(isi: &[u8]) -> Result<Jenis, Tolak> {
    if isi.is_empty() {
        return Err(Tolak::Kosong);
    }
    if isi.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Jenis::Jpeg);
    }
    if isi.starts_with(PNG) {
        return Ok(Jenis::Png);
    }
    if isi.len() >= 12 && &isi[0..4] == b"RIFF" && &isi[8..12] == b"WEBP" {
        return Ok(Jenis::Webp);
    }
    if isi.starts_with(b"%PDF-") {
        return Ok(Jenis::Pdf);
    }
    if isi.starts_with(b"PK\x03\x04") {
        return kenali_zip(isi);
    }
    Err(Tolak::Jenis(tebak_lain(isi)))
}

/// XLSX dan DOCX adalah ZIP: `[Content_Types].xml` dengan `xl/workbook.xml`
/// atau `word/document.xml`. Hanya direktori pusat yang dibaca (paling banyak
/// 1.000 entri, seperti impor); tidak ada yang dibuka.
fn kenali_zip(isi: &[u8]) -> Result<Jenis, Tolak> {
    let entri = crate::impor::baca::daftar_isi_zip(isi).ok_or(Tolak::ZipLain)?;
    if entri.len() > 1_000 {
        return Err(Tolak::ZipLain);
    }
    let ada = |n: &str| entri.iter().any(|(nama, _)| nama == n);
    if !ada("[Content_Types].xml") {
        return Err(Tolak::Jenis("ZIP"));
    }
    if entri
        .iter()
        .any(|(n, _)| n.to_ascii_lowercase().ends_with("vbaproject.bin"))
    {
        return Err(Tolak::Makro);
    }
    match (ada("xl/workbook.xml"), ada("word/document.xml")) {
        (true, false) => Ok(Jenis::Xlsx),
        (false, true) => Ok(Jenis::Docx),
        _ => Err(Tolak::ZipLain),
    }
}

/// Nama jenis yang ditolak, untuk pesan yang jelas.
fn tebak_lain(isi: &[u8]) -> &'static str {
    let awal = &isi[..isi.len().min(512)];
    let teks = String::from_utf8_lossy(awal).to_ascii_lowercase();
    let teks = teks.trim_start_matches('\u{feff}').trim_start();
    if awal.starts_with(b"MZ") {
        "program Windows (EXE/DLL)"
    } else if awal.starts_with(b"\x7fELF") {
        "program (ELF)"
    } else if awal.starts_with(&[0xCF, 0xFA, 0xED, 0xFE])
        || awal.starts_with(&[0xCA, 0xFE, 0xBA, 0xBE])
    {
        "program (Mach-O)"
    } else if awal.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "Office lama (.doc/.xls) / old Office"
    } else if awal.starts_with(b"GIF8") {
        "GIF"
    } else if awal.starts_with(b"BM") {
        "BMP"
    } else if awal.starts_with(b"II*\0") || awal.starts_with(b"MM\0*") {
        "TIFF"
    } else if awal.starts_with(b"Rar!")
        || awal.starts_with(b"7z\xBC\xAF")
        || awal.starts_with(&[0x1F, 0x8B])
    {
        "arsip (RAR/7z/gzip)"
    } else if teks.contains("<svg") {
        "SVG"
    } else if teks.starts_with("<!doctype html")
        || teks.contains("<html")
        || teks.contains("<script")
    {
        "HTML"
    } else if teks.starts_with("<?xml") {
        "XML"
    } else if teks.starts_with("#!") {
        "skrip / script"
    } else if std::str::from_utf8(awal).is_ok() {
        "teks / text"
    } else {
        "tidak dikenal / unknown"
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn jenis_dari_isi() {
        assert_eq!(kenali(b"\xFF\xD8\xFF\xE0xxxx"), Ok(Jenis::Jpeg));
        assert_eq!(kenali(b"\x89PNG\r\n\x1a\nxxxx"), Ok(Jenis::Png));
        assert_eq!(kenali(b"RIFF\0\0\0\0WEBPVP8 "), Ok(Jenis::Webp));
        assert_eq!(kenali(b"%PDF-1.7\n"), Ok(Jenis::Pdf));
        assert_eq!(
            kenali(b"MZ\x90\0"),
            Err(Tolak::Jenis("program Windows (EXE/DLL)"))
        );
        assert_eq!(
            kenali(b"<!DOCTYPE html><script>"),
            Err(Tolak::Jenis("HTML"))
        );
        assert_eq!(
            kenali(b"<?xml version='1.0'?><svg>"),
            Err(Tolak::Jenis("SVG"))
        );
        assert_eq!(kenali(b""), Err(Tolak::Kosong));
        assert_eq!(kenali(b"PK\x03\x04rusak"), Err(Tolak::ZipLain));
    }
}
