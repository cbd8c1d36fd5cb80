//! Urusan pemerintahan (sektor) untuk saringan repositori: daftar bidang
//! urusan Permendagri 90/2019 (kode seperti di nomenklatur) dan tebakan
//! urusan dari nama unit dan judul inovasi, untuk data lama tanpa urusan.
//! Tebakan ditandai di sumbernya (docs/aturan-inovasi.md); pemilik dapat
//! membetulkannya.

/// (kode, nama) bidang urusan yang dipakai saringan.
pub const URUSAN: &[(&str, &str)] = &[
    ("1.01", "Pendidikan"),
    ("1.02", "Kesehatan"),
    ("1.03", "Pekerjaan Umum dan Penataan Ruang"),
    ("1.04", "Perumahan dan Kawasan Permukiman"),
    (
        "1.05",
        "Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat",
    ),
    ("1.06", "Sosial"),
    ("2.07", "Tenaga Kerja"),
    ("2.08", "Pemberdayaan Perempuan dan Pelindungan Anak"),
    ("2.09", "Pangan"),
    ("2.10", "Pertanahan"),
    ("2.11", "Lingkungan Hidup"),
    ("2.12", "Administrasi Kependudukan dan Pencatatan Sipil"),
    ("2.13", "Pemberdayaan Masyarakat dan Desa"),
    ("2.14", "Pengendalian Penduduk dan Keluarga Berencana"),
    ("2.15", "Perhubungan"),
    ("2.16", "Komunikasi dan Informatika"),
    ("2.17", "Koperasi, Usaha Kecil dan Menengah"),
    ("2.18", "Penanaman Modal"),
    ("2.19", "Kepemudaan dan Olahraga"),
    ("2.20", "Statistik"),
    ("2.21", "Persandian"),
    ("2.22", "Kebudayaan"),
    ("2.23", "Perpustakaan"),
    ("2.24", "Kearsipan"),
    ("3.25", "Kelautan dan Perikanan"),
    ("3.26", "Pariwisata"),
    ("3.27", "Pertanian"),
    ("3.28", "Kehutanan"),
    ("3.29", "Energi dan Sumber Daya Mineral"),
    ("3.30", "Perdagangan"),
    ("3.31", "Perindustrian"),
    ("3.32", "Transmigrasi"),
    ("4.01", "Sekretariat Daerah (tata pemerintahan)"),
    ("5.01", "Perencanaan"),
    ("5.02", "Keuangan dan Pendapatan"),
    ("5.03", "Kepegawaian"),
];

pub fn nama(kode: &str) -> Option<&'static str> {
    URUSAN.iter().find(|(k, _)| *k == kode).map(|(_, n)| *n)
}

/// Kata kunci (huruf kecil, dicari sebagai kata utuh atau awal kata) → urusan.
/// Urutan penting: yang lebih khusus dulu ("rumah sakit" sebelum "rumah").
const KATA_KUNCI: &[(&str, &str)] = &[
    ("kesehatan", "1.02"),
    ("puskesmas", "1.02"),
    ("rumah sakit", "1.02"),
    ("rsud", "1.02"),
    ("posyandu", "1.02"),
    ("stunting", "1.02"),
    ("gizi", "1.02"),
    ("ibu hamil", "1.02"),
    ("pendidikan", "1.01"),
    ("sekolah", "1.01"),
    ("guru", "1.01"),
    ("siswa", "1.01"),
    ("pekerjaan umum", "1.03"),
    ("tata ruang", "1.03"),
    ("jalan", "1.03"),
    ("irigasi", "1.03"),
    ("perumahan", "1.04"),
    ("permukiman", "1.04"),
    ("pemadam", "1.05"),
    ("satpol", "1.05"),
    ("bencana", "1.05"),
    ("sosial", "1.06"),
    ("disabilitas", "1.06"),
    ("kemiskinan", "1.06"),
    ("tenaga kerja", "2.07"),
    ("ketenagakerjaan", "2.07"),
    ("perempuan", "2.08"),
    ("anak", "2.08"),
    ("ketahanan pangan", "2.09"),
    ("pangan", "2.09"),
    ("pertanahan", "2.10"),
    ("lingkungan hidup", "2.11"),
    ("sampah", "2.11"),
    ("kependudukan", "2.12"),
    ("catatan sipil", "2.12"),
    ("capil", "2.12"),
    ("akta", "2.12"),
    ("ktp", "2.12"),
    ("desa", "2.13"),
    ("keluarga berencana", "2.14"),
    ("perhubungan", "2.15"),
    ("angkutan", "2.15"),
    ("komunikasi", "2.16"),
    ("informatika", "2.16"),
    ("kominfo", "2.16"),
    ("koperasi", "2.17"),
    ("umkm", "2.17"),
    ("perizinan", "2.18"),
    ("penanaman modal", "2.18"),
    ("izin", "2.18"),
    ("ptsp", "2.18"),
    ("olahraga", "2.19"),
    ("pemuda", "2.19"),
    ("statistik", "2.20"),
    ("persandian", "2.21"),
    ("kebudayaan", "2.22"),
    ("perpustakaan", "2.23"),
    ("arsip", "2.24"),
    ("kearsipan", "2.24"),
    ("perikanan", "3.25"),
    ("kelautan", "3.25"),
    ("nelayan", "3.25"),
    ("pariwisata", "3.26"),
    ("wisata", "3.26"),
    ("pertanian", "3.27"),
    ("petani", "3.27"),
    ("peternakan", "3.27"),
    ("kehutanan", "3.28"),
    ("hutan", "3.28"),
    ("energi", "3.29"),
    ("perdagangan", "3.30"),
    ("pasar", "3.30"),
    ("perindustrian", "3.31"),
    ("industri", "3.31"),
    ("transmigrasi", "3.32"),
    ("perencanaan", "5.01"),
    ("bappeda", "5.01"),
    ("keuangan", "5.02"),
    ("pendapatan", "5.02"),
    ("pajak", "5.02"),
    ("anggaran", "5.02"),
    ("kepegawaian", "5.03"),
    ("pegawai", "5.03"),
    ("bkd", "5.03"),
    ("sekretariat daerah", "4.01"),
    ("setda", "4.01"),
    ("organisasi", "4.01"),
    ("surat", "4.01"),
];

fn kata_utuh(teks: &str, kunci: &str) -> bool {
    let mut mulai = 0;
    while let Some(i) = teks[mulai..].find(kunci) {
        let awal = mulai + i;
        let sebelum_ok = awal == 0
            || !teks[..awal]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if sebelum_ok {
            return true;
        }
        mulai = awal + kunci.len();
    }
    false
}

/// Urusan tebakan: nama unit pemilik lebih dulu (Dinas Kesehatan → 1.02),
/// lalu judul dan produk. None bila tidak ada kata kunci yang cocok.
pub fn tebak(unit: Option<&str>, judul: &str, produk: Option<&str>) -> Option<&'static str> {
    for sumber in [unit.unwrap_or(""), judul, produk.unwrap_or("")] {
        let kecil = sumber.to_lowercase();
        if kecil.is_empty() {
            continue;
        }
        if let Some((_, u)) = KATA_KUNCI.iter().find(|(k, _)| kata_utuh(&kecil, k)) {
            return Some(u);
        }
    }
    None
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn tebakan_dari_unit_lalu_judul() {
        assert_eq!(
            tebak(Some("Dinas Kesehatan"), "E-Surat", None),
            Some("1.02")
        );
        assert_eq!(
            tebak(None, "Layanan Akta Kelahiran Keliling", None),
            Some("2.12")
        );
        assert_eq!(
            tebak(Some("Dinas Komunikasi dan Informasi"), "E-SURAT", None),
            Some("2.16")
        );
        // "anak" tidak cocok di tengah kata "ranakan".
        assert_eq!(tebak(None, "Peranakan", None), None);
        for (k, _) in KATA_KUNCI {
            assert!(nama(KATA_KUNCI.iter().find(|(x, _)| x == k).unwrap().1).is_some());
        }
    }
}
