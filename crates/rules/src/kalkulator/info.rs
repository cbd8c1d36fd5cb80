//! Metadata kalkulator untuk antarmuka: judul, sumber regulasi, penjelasan
//! sederhana, dan nilai yang belum dikonfirmasi sumber primer.

#[cfg(feature = "openapi")]
use super::skema;
use super::{aksi_perubahan, anggaran, inovasi, kinerja, kode, organisasi};
use crate::{Bahasa, StatusSumber};
use serde::Serialize;

/// Satu nilai atau aturan yang belum dikonfirmasi teks primer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CatatanSumber {
    /// Nilai atau aturan yang dimaksud.
    pub nilai: &'static str,
    /// [S] atau [R].
    pub status: StatusSumber,
}

/// Satu kalkulator: keterangannya dan fungsi aturannya.
#[derive(Clone, Copy)]
pub struct Kalkulator {
    /// Nama, judul, sumber regulasi, penjelasan, nilai yang belum terkonfirmasi.
    pub info: InfoKalkulator,
    pub(super) fungsi: super::FungsiKalkulator,
    /// Skema OpenAPI masukan dan keluarannya (`skema.rs`).
    #[cfg(feature = "openapi")]
    pub(super) skema: super::skema::FungsiSkema,
}

/// Metadata satu kalkulator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct InfoKalkulator {
    /// Nama (seperti di [`super::DAFTAR`]).
    pub nama: &'static str,
    /// Judul bahasa Indonesia.
    pub judul_id: &'static str,
    /// Judul bahasa Inggris.
    pub judul_en: &'static str,
    /// Regulasi sumber.
    pub sumber: &'static str,
    /// Status aturan utamanya.
    pub status: StatusSumber,
    /// Penjelasan aturan dalam bahasa Indonesia sederhana.
    pub penjelasan: &'static str,
    /// Nilai yang belum dikonfirmasi sumber primer ([S]/[R]).
    pub belum_terkonfirmasi: &'static [CatatanSumber],
}

impl InfoKalkulator {
    /// Judul dalam bahasa yang diminta.
    pub fn judul(&self, bahasa: Bahasa) -> &'static str {
        bahasa.pilih(self.judul_id, self.judul_en)
    }
}

const fn c(nilai: &'static str, status: StatusSumber) -> CatatanSumber {
    CatatanSumber { nilai, status }
}

use StatusSumber::{BelumTerkonfirmasi as R, Primer as P, Sekunder as S};

/// Jumlah kalkulator; menambah satu berarti menaikkan angka ini (kompilator
/// menolak daftar yang panjangnya tidak sama).
pub const JUMLAH: usize = 18;

/// Satu-satunya daftar kalkulator: nama, fungsi aturan, dan keterangannya.
/// Urutan di sini adalah urutan tampilan. Formulir halamannya ada di
/// `web/src/halaman/kalkulator/spek.rs` dan tes memastikan setiap entri punya
/// formulir (lihat docs/menambah-kalkulator.md).
pub(super) const REGISTRI: [Kalkulator; JUMLAH] = [
    Kalkulator {
        fungsi: kinerja::predikat_kinerja,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanPredikatKinerja, skema::HasilPredikatKinerja>,
        info: InfoKalkulator {
            nama: "predikat-kinerja",
            judul_id: "Predikat Kinerja Pegawai",
            judul_en: "Employee performance rating",
            sumber: "PermenPANRB No. 6 Tahun 2022",
            status: S,
            penjelasan: "Atasan memberi dua rating: hasil kerja dan perilaku kerja, masing-masing di atas, sesuai, atau di bawah ekspektasi. Keduanya di atas ekspektasi: Sangat Baik. Perilaku di bawah ekspektasi: Kurang/Misconduct, atau Sangat Kurang bila hasil kerja juga di bawah ekspektasi. Hasil kerja di bawah ekspektasi dengan perilaku yang baik: Butuh Perbaikan. Selebihnya: Baik.",
            belum_terkonfirmasi: &[c(
                "Matriks 3×3 dari panduan BKN/Kemdikbud dan ≥ 6 implementasi publik, belum dari teks Lampiran",
                S,
            )],
        },
    },
    Kalkulator {
        fungsi: kinerja::kurva_distribusi,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanKurvaDistribusi, skema::HasilKurvaDistribusi>,
        info: InfoKalkulator {
            nama: "kurva-distribusi",
            judul_id: "Kurva Distribusi Predikat",
            judul_en: "Rating distribution curve",
            sumber: "PermenPANRB No. 6 Tahun 2022 (pedoman MenPAN-RB)",
            status: S,
            penjelasan: "Predikat organisasi membatasi sebaran predikat pegawainya. Istimewa: Sangat Baik paling banyak 70%. Baik: Baik paling banyak 70% dan harus ada yang Butuh Perbaikan atau Kurang. Butuh Perbaikan: minimal 60% Butuh Perbaikan, Sangat Baik paling banyak 10%. Kurang: minimal 60% Kurang, minimal 10% Butuh Perbaikan, Sangat Baik paling banyak 10%. Sangat Kurang: minimal 60% Sangat Kurang, minimal 10% Kurang atau Butuh Perbaikan, tanpa Sangat Baik.",
            belum_terkonfirmasi: &[
                c(
                    "Persentase 70%, 60% dan 10%: instrumen hukum yang memuatnya belum terkonfirmasi",
                    S,
                ),
                c(
                    "Pembulatan pada tim kecil: batas maksimal dibulatkan ke bawah, batas minimal ke atas (dapat diatur per instansi)",
                    R,
                ),
                c("'Harus ada' berarti paling sedikit satu pegawai", R),
            ],
        },
    },
    Kalkulator {
        fungsi: kinerja::capaian,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanCapaian, skema::HasilCapaian>,
        info: InfoKalkulator {
            nama: "capaian",
            judul_id: "Capaian Indikator Kinerja",
            judul_en: "Indicator achievement",
            sumber: "PermenPANRB No. 8 Tahun 2021",
            status: P,
            penjelasan: "Indikator positif (makin tinggi makin baik): realisasi dibagi target dikali 100. Indikator negatif (makin rendah makin baik): (1 + (1 − realisasi/target)) × 100. Target berupa rentang: realisasi di dalam rentang berarti 100%; di atas rentang dibandingkan dengan batas atas; di bawah rentang dibandingkan dengan batas bawah.",
            belum_terkonfirmasi: &[
                c(
                    "Target nol pada indikator negatif: realisasi 0 berarti 100%, selain itu 0%",
                    R,
                ),
                c("Capaian indikator negatif tidak kurang dari 0%", R),
            ],
        },
    },
    Kalkulator {
        fungsi: kinerja::nilai_capaian_iki,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanNilaiCapaianIki, skema::HasilNilaiCapaianIki>,
        info: InfoKalkulator {
            nama: "nilai-capaian-iki",
            judul_id: "Nilai Capaian IKI (0–120)",
            judul_en: "Individual indicator score (0–120)",
            sumber: "PermenPANRB No. 8 Tahun 2021",
            status: P,
            penjelasan: "Capaian IKI diubah menjadi nilai 0–120 menurut pita: di atas 110% bernilai 120; 101–110% bernilai 110–120; tepat 100% bernilai 109 (atau 120 bila target sudah nilai maksimal yang mungkin); 80–99% bernilai 70–89; 60–79% bernilai 50–69; 0–59% bernilai 0–49.",
            belum_terkonfirmasi: &[c(
                "Capaian dibulatkan ke persen bulat sebelum memilih pita (mengikuti contoh resmi 97,89% → 98%), menutup celah antar-pita",
                R,
            )],
        },
    },
    Kalkulator {
        fungsi: kinerja::skp_pp46,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanSkpPp46, skema::HasilSkpPp46>,
        info: InfoKalkulator {
            nama: "skp-pp46",
            judul_id: "Nilai SKP dan Prestasi Kerja (PP 46/2011)",
            judul_en: "Old-regime SKP and work-performance score (PP 46/2011)",
            sumber: "PP No. 46 Tahun 2011; Perka BKN No. 1 Tahun 2013",
            status: S,
            penjelasan: "Setiap kegiatan dinilai dari kuantitas, kualitas, waktu dan biaya. Waktu dan biaya bernilai 100 bila hemat tepat 24%, 76 bila tepat sesuai target, dan turun bila terlalu hemat (target dianggap keliru). Nilai kegiatan adalah rata-rata aspeknya (dibagi 4, atau 3 tanpa biaya). Nilai SKP adalah rata-rata kegiatan. Nilai prestasi kerja = 60% nilai SKP + 40% nilai perilaku.",
            belum_terkonfirmasi: &[
                c("Rumus waktu/biaya dengan batas efisiensi 24%", S),
                c(
                    "Kegiatan tidak dikerjakan (realisasi output 0): waktu dan biaya bernilai 0",
                    S,
                ),
                c(
                    "Kategori: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, selebihnya Buruk",
                    S,
                ),
                c("Nilai waktu/biaya tidak kurang dari 0", R),
                c("Nilai perilaku berskala 0–100", R),
                c("Tugas tambahan dan kreativitas tidak dihitung", R),
            ],
        },
    },
    Kalkulator {
        fungsi: kinerja::nilai_kinerja_pp30,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanNilaiKinerjaPp30, skema::HasilNilaiKinerjaPp30>,
        info: InfoKalkulator {
            nama: "nilai-kinerja-pp30",
            judul_id: "Nilai Kinerja PNS (PP 30/2019)",
            judul_en: "Civil-servant performance score (PP 30/2019)",
            sumber: "PP No. 30 Tahun 2019 Pasal 41",
            status: P,
            penjelasan: "Nilai kinerja = 70% nilai SKP + 30% nilai perilaku, atau 60% + 40% bila perilaku dinilai juga oleh rekan dan bawahan. Predikat: Sangat Baik 110–120 dan ada ide baru yang bermanfaat; Baik 90–120; Cukup 70 sampai di bawah 90; Kurang 50 sampai di bawah 70; Sangat Kurang di bawah 50.",
            belum_terkonfirmasi: &[c("Batas Kurang (50–< 70) dan Sangat Kurang (< 50)", S)],
        },
    },
    Kalkulator {
        fungsi: organisasi::evaluasi_akip,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanEvaluasiAkip, skema::HasilEvaluasiAkip>,
        info: InfoKalkulator {
            nama: "evaluasi-akip",
            judul_id: "Evaluasi AKIP (SAKIP)",
            judul_en: "Government performance accountability evaluation (SAKIP)",
            sumber: "PermenPANRB No. 88 Tahun 2021",
            status: S,
            penjelasan: "Nilai evaluasi AKIP adalah jumlah nilai empat komponen: perencanaan (bobot 30), pengukuran (30), pelaporan (15) dan evaluasi internal (25). Predikat: di atas 90 AA, di atas 80 A, di atas 70 BB, di atas 60 B, di atas 50 CC, di atas 30 C, selebihnya D.",
            belum_terkonfirmasi: &[
                c("Bobot komponen 30/30/15/25", S),
                c("Batas predikat AA–D", S),
                c(
                    "Nama interpretasi predikat (Sangat Memuaskan … Sangat Kurang)",
                    R,
                ),
            ],
        },
    },
    Kalkulator {
        fungsi: organisasi::beban_kerja,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanBebanKerja, skema::HasilBebanKerja>,
        info: InfoKalkulator {
            nama: "beban-kerja",
            judul_id: "Analisis Beban Kerja",
            judul_en: "Workload analysis",
            sumber: "PermenPANRB No. 1 Tahun 2020; Permendagri No. 12 Tahun 2008",
            status: S,
            penjelasan: "Beban kerja setahun = jumlah volume tugas × waktu penyelesaiannya. Kebutuhan pegawai = beban kerja dibagi jam kerja efektif setahun (1.250 jam). Efisiensi jabatan = beban kerja dibagi (jumlah pegawai × jam kerja efektif): di atas 1 berarti kekurangan pegawai.",
            belum_terkonfirmasi: &[
                c("Jam kerja efektif 1.250 jam/tahun", S),
                c("Rumus efisiensi jabatan", R),
                c(
                    "Pita EJ Permendagri 12/2008: A > 1,00; B 0,90–1,00; C 0,70–0,89; D 0,50–0,69; E < 0,50",
                    R,
                ),
                c("Pembulatan kebutuhan pegawai (bawaan ke terdekat)", R),
            ],
        },
    },
    Kalkulator {
        fungsi: organisasi::penyerapan,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanPenyerapan, skema::HasilPenyerapan>,
        info: InfoKalkulator {
            nama: "penyerapan",
            judul_id: "Penyerapan Anggaran",
            judul_en: "Budget absorption",
            sumber: "PMK No. 22/PMK.02/2021",
            status: P,
            penjelasan: "Penyerapan = realisasi anggaran dibagi pagu dikali 100. Penyerapan hanya satu dari empat variabel evaluasi kinerja anggaran; serapan tinggi tanpa capaian keluaran bukan kinerja.",
            belum_terkonfirmasi: &[],
        },
    },
    Kalkulator {
        fungsi: organisasi::efisiensi_anggaran,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanEfisiensiAnggaran, skema::HasilEfisiensiAnggaran>,
        info: InfoKalkulator {
            nama: "efisiensi-anggaran",
            judul_id: "Efisiensi Anggaran",
            judul_en: "Budget efficiency",
            sumber: "PMK No. 22/PMK.02/2021 (rumus PMK 214/PMK.02/2017)",
            status: P,
            penjelasan: "Efisiensi membandingkan nilai keluaran (pagu × capaian keluaran) dengan realisasi anggarannya: (Σ nilai keluaran − Σ realisasi) / Σ nilai keluaran × 100. Positif berarti hemat untuk keluaran yang dicapai; negatif berarti boros.",
            belum_terkonfirmasi: &[c(
                "Apakah capaian keluaran dibatasi 100% (bawaan: tidak)",
                R,
            )],
        },
    },
    Kalkulator {
        fungsi: anggaran::gerbang_anggaran,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanGerbangAnggaran, skema::HasilGerbangAnggaran>,
        info: InfoKalkulator {
            nama: "gerbang-anggaran",
            judul_id: "Gerbang Anggaran Sub Kegiatan",
            judul_en: "Budget gate for sub-activities",
            sumber: "Anggaran berbasis kinerja (KemenPAN-RB, Kemenkeu, Bappenas); Permendagri No. 90 Tahun 2019; PermenPANRB No. 8 Tahun 2021",
            status: R,
            penjelasan: "Sebelum diberi anggaran, setiap sub kegiatan harus jelas apa yang dihasilkan. Kekurangan yang diperiksa: tanpa indikator keluaran; indikator tanpa target; target triwulan yang tidak kumulatif (triwulan IV harus sama dengan target tahunan dan, untuk indikator positif, tidak boleh turun); tanpa unit penanggung jawab; kode sub kegiatan yang tidak diawali kode programnya; pagu kosong, nol atau negatif. Draf yang belum lengkap boleh diperiksa: yang kosong menjadi kekurangan, bukan galat.",
            belum_terkonfirmasi: &[
                c("Daftar syarat gerbang adalah kebijakan Kinerja", R),
                c(
                    "Indikator tanpa polaritas diperiksa sebagai indikator positif",
                    R,
                ),
            ],
        },
    },
    Kalkulator {
        fungsi: anggaran::nilai_uang,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanNilaiUang, skema::HasilNilaiUang>,
        info: InfoKalkulator {
            nama: "nilai-uang",
            judul_id: "Nilai Uang: Serapan dan Keluaran",
            judul_en: "Value for money: spending and outputs",
            sumber: "PMK No. 22/PMK.02/2021; PermenPANRB No. 8 Tahun 2021",
            status: R,
            penjelasan: "Serapan anggaran bukan ukuran kinerja bila keluarannya tidak jelas. Penyerapan = realisasi anggaran dibagi pagu dikali 100; capaian keluaran memakai aturan capaian indikator; ekspektasi waktu = bulan berjalan dibagi 12 dikali 100; biaya per satuan = realisasi anggaran dibagi realisasi keluaran. Tanda: uang habis hasil tidak jelas (penyerapan ≥ 90% dan capaian ≤ 50%); hasil tanpa bukti; hasil tanpa belanja (capaian ≥ 100% dan penyerapan ≤ 10%); target di bawah baseline; keluaran tertinggal (capaian lebih dari 25 poin di bawah ekspektasi waktu).",
            belum_terkonfirmasi: &[
                c(
                    "Ambang uang habis hasil tidak jelas: penyerapan ≥ 90%, capaian ≤ 50%",
                    R,
                ),
                c(
                    "Ambang hasil tanpa belanja: capaian ≥ 100%, penyerapan ≤ 10%",
                    R,
                ),
                c(
                    "Ambang keluaran tertinggal: lebih dari 25 poin di bawah ekspektasi waktu",
                    R,
                ),
                c(
                    "Target rentang dibandingkan dengan baseline lewat batas terlemahnya (positif: min, negatif: max)",
                    R,
                ),
            ],
        },
    },
    Kalkulator {
        fungsi: anggaran::keselarasan_program,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanKeselarasanProgram, skema::HasilKeselarasanProgram>,
        info: InfoKalkulator {
            nama: "keselarasan-program",
            judul_id: "Keselarasan Program dan Belanja",
            judul_en: "Programme and spending alignment",
            sumber: "Permendagri No. 90 Tahun 2019; Kepmendagri 050-5889/2021 dan perubahannya; PP No. 12 Tahun 2019 Pasal 54 ayat (3); Inpres No. 1 Tahun 2025",
            status: R,
            penjelasan: "Apakah sub kegiatan dan belanjanya nyambung dengan programnya. Tidak selaras bila kode sub kegiatan tidak diawali kode program, kode tidak ada di nomenklatur Kemendagri, atau belanja penunjang (honorarium, perjalanan dinas termasuk paket meeting, makan minum rapat dan tamu, sosialisasi dan bimbingan teknis, alat tulis kantor) mencapai 30% atau lebih dari belanja program; program penunjang urusan dikecualikan. Peringatan: satu sub kegiatan dengan belanja penunjang di atas ambang, nama atau uraian belanja yang memuat kata seperti seminar, studi banding, rapat, sosialisasi, bimtek, perjalanan, koordinasi, konsultasi atau honor, dan sub kegiatan layanan yang hanya diukur dengan dokumen, laporan, rapat atau kegiatan.",
            belum_terkonfirmasi: &[
                c(
                    "Tidak ada ambang resmi porsi belanja penunjang; 30% adalah kebijakan Kinerja",
                    R,
                ),
                c("Daftar kelompok kode rekening belanja penunjang", R),
                c("Daftar kata penunjang dan satuan administratif", R),
                c(
                    "Versi nomenklatur: templat Kepmendagri 900 (2024) dan pemutakhiran 2027",
                    S,
                ),
            ],
        },
    },
    Kalkulator {
        fungsi: organisasi::angka_kredit,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanAngkaKredit, skema::HasilAngkaKredit>,
        info: InfoKalkulator {
            nama: "angka-kredit",
            judul_id: "Angka Kredit Jabatan Fungsional",
            judul_en: "Functional-position credit points",
            sumber: "PermenPANRB No. 1 Tahun 2023",
            status: S,
            penjelasan: "Angka kredit setahun = koefisien jenjang × pengali predikat kinerja (Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%). Untuk masa kurang dari setahun dikali bulan/12.",
            belum_terkonfirmasi: &[
                c("Koefisien per jenjang dan pengali predikat", S),
                c("Pro-rata bulan/12 untuk tahun tidak penuh", R),
            ],
        },
    },
    Kalkulator {
        fungsi: kode::kode_nomenklatur,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanKodeNomenklatur, skema::HasilKodeNomenklatur>,
        info: InfoKalkulator {
            nama: "kode-nomenklatur",
            judul_id: "Kode Nomenklatur Anggaran",
            judul_en: "Budget nomenclature code",
            sumber: "Permendagri No. 90 Tahun 2019; Kepmendagri 050-5889/2021; KRISNA/SAKTI",
            status: S,
            penjelasan: "Kode pemda: urusan.bidang urusan.program.kegiatan (2 segmen).sub kegiatan, mis. 1.02.02.2.01.0006. Kode K/L: bagian anggaran.unit eselon I.program (2 huruf).kegiatan.KRO (3 huruf).RO.komponen, mis. 005.01.WA.1066.EBA.994.001. Kode boleh berhenti di tingkat mana pun.",
            belum_terkonfirmasi: &[
                c("Bentuk segmen kode pemda dan K/L", S),
                c("Placeholder X.XX untuk program penunjang semua bidang", S),
            ],
        },
    },
    Kalkulator {
        fungsi: kode::nip,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanNip, skema::HasilNip>,
        info: InfoKalkulator {
            nama: "nip",
            judul_id: "Nomor Induk Pegawai (NIP)",
            judul_en: "Civil-servant ID number (NIP)",
            sumber: "Peraturan BKN tentang NIP",
            status: S,
            penjelasan: "NIP berisi 18 digit: tanggal lahir (8), bulan dan tahun pengangkatan (6; bulan 21 berarti PPPK), jenis kelamin (1 laki-laki, 2 perempuan) dan nomor urut (3). NIP harus disimpan sebagai teks, bukan angka.",
            belum_terkonfirmasi: &[
                c("Bulan TMT 21 menandai PPPK", S),
                c(
                    "Tahun lahir dan TMT dibatasi 1900–2099, TMT sesudah tahun lahir",
                    R,
                ),
            ],
        },
    },
    Kalkulator {
        fungsi: aksi_perubahan::status_aksi_perubahan,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanStatusAksiPerubahan, skema::HasilStatusAksiPerubahan>,
        info: InfoKalkulator {
            nama: "status-aksi-perubahan",
            judul_id: "Status Aksi Perubahan",
            judul_en: "Change-project status",
            sumber: "Peraturan LAN No. 5 Tahun 2022 jo. No. 6 Tahun 2022; status pemantauan: kebijakan Kinerja",
            status: R,
            penjelasan: "Setiap tonggak proyek perubahan (jangka pendek, menengah, panjang) dinilai berurutan: selesai bila ada tanggal selesai; dibatalkan bila dibatalkan; terlambat bila jatuh temponya sebelum tanggal penilaian; senyap bila 90 hari atau lebih tanpa pembaruan; berisiko bila jatuh tempo dalam 30 hari dan progres di bawah 50%; selebihnya sesuai jadwal. Proyek dibatalkan bila semua tonggaknya dibatalkan, selesai bila semua tonggak yang tidak dibatalkan selesai, selain itu mengikuti tonggak terburuk: terlambat, lalu senyap, lalu berisiko. Pembaruan pada hari yang sama dihitung 0 hari.",
            belum_terkonfirmasi: &[
                c(
                    "Tidak ada aturan nasional yang mewajibkan pemantauan tonggak sesudah pelatihan; status ini kebijakan Kinerja",
                    S,
                ),
                c("Senyap: 90 hari tanpa pembaruan (dapat diatur)", R),
                c(
                    "Berisiko: jatuh tempo dalam 30 hari dengan progres di bawah 50% (dapat diatur)",
                    R,
                ),
                c("Proyek tanpa tonggak: sesuai jadwal (belum_ada_tonggak)", R),
            ],
        },
    },
    Kalkulator {
        fungsi: inovasi::peringkat_inovasi,
        #[cfg(feature = "openapi")]
        skema: skema::pasangan::<skema::MasukanPeringkatInovasi, skema::HasilPeringkatInovasi>,
        info: InfoKalkulator {
            nama: "peringkat-inovasi",
            judul_id: "Peringkat Inovasi Pelayanan Publik",
            judul_en: "Public-service innovation ranking",
            sumber: "Juklak KIPP 2021; Pedoman Menteri PANRB No. 4 Tahun 2025 (KIPP 2025); rubrik dan perhitungan peringkat: kebijakan Kinerja",
            status: R,
            penjelasan: "Setiap juri memberi skor 0–100 per kriteria. Nilai satu juri = jumlah skor × bobot kriteria dibagi 100 (bobot berjumlah 100). Nilai entri = rata-rata nilai para jurinya, dibulatkan ke 2 desimal (setengah ke atas). Entri diurutkan dari nilai tertinggi; nilai sama berbagi peringkat (1, 1, 3) dan diurutkan menurut id. Lolos: N entri terbaik yang nilainya paling sedikit nilai minimum (bawaan 85). Bila entri ke-N dan ke-(N+1) bernilai sama, aturan tidak menebak: semua entri bernilai itu ditandai seri di batas dan panitia yang memutuskan.",
            belum_terkonfirmasi: &[
                c(
                    "Bobot nasional per aspek penilaian tidak dipublikasikan; rubrik dan bobotnya masukan (rubrik bawaan kebijakan Kinerja)",
                    R,
                ),
                c(
                    "Nilai entri = rata-rata nilai juri, dibulatkan 2 desimal setengah ke atas",
                    R,
                ),
                c("Seri di batas N diserahkan ke panitia, tidak diundi", R),
                c("Passing grade 85 (KIPP 2025)", S),
            ],
        },
    },
];

/// Metadata kalkulator `nama`, atau `None` bila tidak dikenal.
pub fn info(nama: &str) -> Option<InfoKalkulator> {
    entri(nama).map(|k| k.info)
}

/// Entri registri untuk nama kalkulator.
pub(super) fn entri(nama: &str) -> Option<&'static Kalkulator> {
    REGISTRI.iter().find(|k| k.info.nama == nama)
}

/// Nama kalkulator dari registri, pada waktu kompilasi.
pub(super) const fn nama_semua(r: &[Kalkulator; JUMLAH]) -> [&'static str; JUMLAH] {
    let mut out = [""; JUMLAH];
    let mut i = 0;
    while i < JUMLAH {
        out[i] = r[i].info.nama;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tes {
    use super::*;

    /// Entri registri yang tidak lengkap menggagalkan tes (nama unik, judul
    /// dua bahasa, sumber, penjelasan).
    #[test]
    fn setiap_entri_registri_lengkap() {
        let mut nama = std::collections::HashSet::new();
        for k in &REGISTRI {
            let i = &k.info;
            assert!(nama.insert(i.nama), "nama ganda: {}", i.nama);
            assert!(
                !i.nama.is_empty()
                    && i.nama
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "nama {:?} harus kebab-case",
                i.nama
            );
            for (apa, isi) in [
                ("judul_id", i.judul_id),
                ("judul_en", i.judul_en),
                ("sumber", i.sumber),
                ("penjelasan", i.penjelasan),
            ] {
                assert!(!isi.trim().is_empty(), "{}: {apa} kosong", i.nama);
            }
        }
        assert_eq!(super::super::DAFTAR.len(), JUMLAH);
    }
}
