//! Sasaran Kinerja Pegawai dan Dokumen Evaluasi Kinerja Pegawai
//! (PermenPANRB 6/2022): isi resmi, tanda air draf, JPT, lampiran, markup
//! dalam data, dan batas ukuran.
mod umum;

use std::time::Instant;

use laporan::*;
use umum::*;

/// Markup typst yang harus tercetak apa adanya bila pernah ditafsirkan:
/// set rule, tebal, matematika, label, garis miring terbalik, fungsi.
const MARKUP: &str =
    r#"#set text(red) *tebal* _miring_ $x^2$ <label> \ \\ \n #panic("x") `kode` = Judul"#;

/// Tujuh nilai dasar BerAKHLAK dan panduan perilakunya (SE MenPANRB 20/2021,
/// sama dengan data/skp/berakhlak.json).
const PANIC: &str = r#"#panic("x")"#;

const BERAKHLAK: [(&str, [&str; 3]); 7] = [
    (
        "Berorientasi Pelayanan",
        [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
    ),
    (
        "Akuntabel",
        [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
    ),
    (
        "Kompeten",
        [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
    ),
    (
        "Harmonis",
        [
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
    ),
    (
        "Loyal",
        [
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ],
    ),
    (
        "Adaptif",
        [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
    ),
    (
        "Kolaboratif",
        [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ],
    ),
];

const RHK_PIMPINAN_1: &str =
    "Meningkatnya cakupan imunisasi dasar lengkap di kabupaten/kota se-Provinsi Maluku";
const RHK_1: &str =
    "Terlaksananya surveilans dan pelaporan imunisasi rutin di sebelas kabupaten dan kota";

fn identitas(nama: &str, nip: &str, pangkat: &str, jabatan: &str, unit: &str) -> IdentitasPegawai {
    IdentitasPegawai {
        nama: nama.into(),
        nip: nip.into(),
        pangkat: pangkat.into(),
        jabatan: jabatan.into(),
        unit_kerja: unit.into(),
    }
}

fn pegawai() -> IdentitasPegawai {
    identitas(
        "Maria Goreti Tuhumury, S.K.M., M.Kes.",
        "19850312 201001 2 014",
        "Penata Tk. I (III/d)",
        "Kepala Seksi Surveilans dan Imunisasi",
        "Bidang Pencegahan dan Pengendalian Penyakit, Dinas Kesehatan Provinsi Maluku",
    )
}

fn penilai() -> IdentitasPegawai {
    identitas(
        "dr. Yohanes Rahanra, M.P.H.",
        "19760825 200502 1 003",
        "Pembina (IV/a)",
        "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
        "Dinas Kesehatan Provinsi Maluku",
    )
}

fn atasan_penilai() -> IdentitasPegawai {
    identitas(
        "dr. Zulkarnain Pattimura, M.Kes.",
        "19720410 199803 1 005",
        "Pembina Utama Muda (IV/c)",
        "Kepala Dinas Kesehatan",
        "Dinas Kesehatan Provinsi Maluku",
    )
}

fn iki(aspek: &str, indikator: &str, target: &str, realisasi: &str) -> BarisIndikatorDokumen {
    BarisIndikatorDokumen {
        aspek: aspek.into(),
        indikator: indikator.into(),
        target: target.into(),
        realisasi: realisasi.into(),
        umpan_balik: String::new(),
    }
}

fn rhk(pimpinan: &str, uraian: &str, indikator: Vec<BarisIndikatorDokumen>) -> BarisRhkDokumen {
    BarisRhkDokumen {
        rhk_pimpinan: pimpinan.into(),
        perspektif: String::new(),
        rhk: uraian.into(),
        indikator,
    }
}

fn rhk_utama() -> Vec<BarisRhkDokumen> {
    vec![
        rhk(
            RHK_PIMPINAN_1,
            RHK_1,
            vec![
                iki(
                    "Kuantitas",
                    "Jumlah laporan surveilans imunisasi yang disusun",
                    "12 laporan",
                    "3 laporan",
                ),
                iki(
                    "Kualitas",
                    "Persentase kabupaten/kota dengan data imunisasi lengkap dan valid",
                    "90 %",
                    "81,82 %",
                ),
                iki(
                    "Waktu",
                    "Laporan bulanan disampaikan paling lambat tanggal 10 bulan berikutnya",
                    "12 bulan",
                    "3 bulan",
                ),
            ],
        ),
        rhk(
            RHK_PIMPINAN_1,
            "Terlaksananya pendampingan imunisasi kejar di daerah kepulauan terpencil",
            vec![iki(
                "Kuantitas",
                "Jumlah kabupaten yang didampingi",
                "5 kabupaten",
                "2 kabupaten",
            )],
        ),
        rhk(
            "Menurunnya kasus penyakit yang dapat dicegah dengan imunisasi",
            "Tersusunnya rekomendasi respons kejadian luar biasa campak-rubela",
            vec![iki(
                "Kuantitas",
                "Jumlah rekomendasi yang ditindaklanjuti kabupaten/kota",
                "4 rekomendasi",
                "1 rekomendasi",
            )],
        ),
    ]
}

fn rhk_tambahan() -> Vec<BarisRhkDokumen> {
    vec![rhk(
        "",
        "Menjadi narasumber orientasi petugas imunisasi puskesmas",
        vec![iki(
            "Kuantitas",
            "Jumlah kegiatan orientasi",
            "2 kegiatan",
            "1 kegiatan",
        )],
    )]
}

fn perilaku() -> Vec<PerilakuDokumen> {
    BERAKHLAK
        .iter()
        .map(|(nilai, panduan)| PerilakuDokumen {
            nilai: (*nilai).into(),
            panduan: panduan.iter().map(|p| (*p).into()).collect(),
            ekspektasi: String::new(),
            umpan_balik: String::new(),
        })
        .collect()
}

fn contoh_skp() -> DokumenSkp {
    let mut perilaku = perilaku();
    perilaku[0].ekspektasi =
        "Menindaklanjuti keluhan puskesmas tentang ketersediaan vaksin paling lambat 2 hari kerja"
            .into();
    perilaku[6].ekspektasi =
        "Melibatkan lintas program gizi dan kesehatan keluarga dalam analisis data".into();
    DokumenSkp {
        instansi: "Pemerintah Provinsi Maluku".into(),
        subjudul:
            "PENDEKATAN HASIL KERJA KUANTITATIF BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
                .into(),
        periode_penilaian: "1 Januari s.d. 31 Desember 2026".into(),
        jpt: false,
        pegawai: pegawai(),
        penilai: penilai(),
        utama: rhk_utama(),
        tambahan: rhk_tambahan(),
        perilaku,
        lampiran: LampiranSkp {
            dukungan_sumber_daya: vec![
                "Anggaran surveilans imunisasi pada DPA Dinas Kesehatan Tahun 2026".into(),
                "Kendaraan operasional dan rantai dingin vaksin".into(),
            ],
            skema_pertanggungjawaban: vec![
                "Laporan bulanan kepada Kepala Bidang Pencegahan dan Pengendalian Penyakit".into(),
            ],
            konsekuensi: vec![
                "Capaian di bawah target menjadi bahan pembinaan dan rencana perbaikan".into(),
            ],
        },
        tempat_tanggal: "Ambon, 2 Januari 2026".into(),
        status: "disetujui".into(),
    }
}

fn contoh_evaluasi() -> DokumenEvaluasi {
    let mut utama = rhk_utama();
    utama[0].indikator[0].umpan_balik =
        "Laporan Januari–Maret lengkap; pertahankan ketepatan waktu".into();
    utama[0].indikator[1].umpan_balik =
        "Data Kabupaten Kepulauan Aru dan Maluku Barat Daya belum valid".into();
    let mut perilaku = perilaku();
    perilaku[0].ekspektasi = "Menindaklanjuti keluhan puskesmas paling lambat 2 hari kerja".into();
    perilaku[0].umpan_balik = "Keluhan dari 14 puskesmas ditindaklanjuti tepat waktu".into();
    perilaku[3].umpan_balik = "Aktif membantu rekan seksi lain saat BIAN".into();
    DokumenEvaluasi {
        instansi: "Pemerintah Provinsi Maluku".into(),
        subjudul:
            "PENDEKATAN HASIL KERJA KUANTITATIF BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
                .into(),
        periode: "Triwulan I 2026".into(),
        periode_penilaian: "1 Januari s.d. 31 Maret 2026".into(),
        jpt: false,
        pegawai: pegawai(),
        penilai: penilai(),
        atasan_penilai: Some(atasan_penilai()),
        capaian_organisasi: "BAIK".into(),
        pola_distribusi: "Kurva distribusi predikat organisasi BAIK".into(),
        utama,
        tambahan: rhk_tambahan(),
        rating_hasil_kerja: "SESUAI EKSPEKTASI".into(),
        perilaku,
        rating_perilaku_kerja: "DI ATAS EKSPEKTASI".into(),
        predikat: "BAIK".into(),
        angka_kredit: Some("12,50".into()),
        tempat_tanggal: "Ambon, 7 April 2026".into(),
        ttd_pegawai: true,
        draf: false,
    }
}

/// Tanda air "DRAF" ada pada teks satu halaman dari [`halaman_mentah`]
/// (huruf-huruf miringnya dipisah spasi).
fn bertanda_air(mentah: &str) -> bool {
    mentah
        .split_whitespace()
        .collect::<String>()
        .contains("DRAF")
}

/// Setiap halaman bertanda air DRAF.
fn semua_bertanda_air(pdf: &[u8]) -> bool {
    halaman_mentah(pdf).iter().all(|h| bertanda_air(h))
}

/// Tidak satu halaman pun bertanda air DRAF.
fn tanpa_tanda_air(pdf: &[u8]) -> bool {
    !halaman_mentah(pdf).iter().any(|h| bertanda_air(h))
}

fn pastikan_memuat(teks: &str, harus: &[&str], apa: &str) {
    for h in harus {
        assert!(teks.contains(h), "{apa} tanpa {h:?}:\n{teks}");
    }
}

#[test]
fn skp_menjadi_pdf_dengan_isi_resmi() {
    let pdf = skp_pdf(&contoh_skp()).expect("render");
    assert!(pdf.starts_with(b"%PDF"), "bukan PDF");
    let h = halaman(&pdf);
    let semua = h.join(" ");
    pastikan_memuat(
        &semua,
        &[
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUANTITATIF BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "Pemerintah Provinsi Maluku",
            "PERIODE PENILAIAN: 1 Januari s.d. 31 Desember 2026",
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            "Maria Goreti Tuhumury, S.K.M., M.Kes.",
            "19850312 201001 2 014",
            "Penata Tk. I (III/d)",
            "dr. Yohanes Rahanra, M.P.H.",
            "19760825 200502 1 003",
            "PANGKAT/GOL. RUANG",
            "UNIT KERJA",
            "HASIL KERJA",
            "Rencana Hasil Kerja Pimpinan yang Diintervensi",
            "Indikator Kinerja Individu",
            "A. UTAMA",
            "B. TAMBAHAN",
            RHK_1,
            "Menjadi narasumber orientasi petugas imunisasi puskesmas",
            "12 laporan",
            "PERILAKU KERJA",
            "Ekspektasi Khusus Pimpinan",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melibatkan lintas program gizi dan kesehatan keluarga dalam analisis data",
            "Ambon, 2 Januari 2026",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
            "Tempat tanda tangan elektronik",
            "NIP. 19850312 201001 2 014",
            "NIP. 19760825 200502 1 003",
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "DUKUNGAN SUMBER DAYA",
            "Kendaraan operasional dan rantai dingin vaksin",
            "SKEMA PERTANGGUNGJAWABAN",
            "KONSEKUENSI",
            "Capaian di bawah target menjadi bahan pembinaan dan rencana perbaikan",
        ],
        "SKP",
    );
    for (nilai, panduan) in BERAKHLAK {
        assert!(semua.contains(nilai), "nilai {nilai:?} tidak tercetak");
        for p in panduan {
            assert!(semua.contains(p), "panduan {p:?} tidak tercetak");
        }
    }
    // Disetujui: tanpa tanda air dan tanpa baris status.
    assert!(tanpa_tanda_air(&pdf), "SKP disetujui bertanda air");
    assert!(!semua.contains("Status:"));
    assert!(!semua.contains("Perspektif"));
    // RHK pimpinan yang sama untuk dua RHK berurutan digabung satu sel; RHK
    // dengan tiga indikator dicetak sekali.
    assert_eq!(
        semua.matches("Meningkatnya cakupan imunisasi").count(),
        1,
        "{semua}"
    );
    assert_eq!(semua.matches(RHK_1).count(), 1, "{semua}");
    // Halaman terakhir adalah lampiran, dengan tanda tangannya sendiri.
    let n = h.len();
    assert!(n >= 2, "SKP + lampiran");
    assert!(h[n - 1].contains("LAMPIRAN SASARAN KINERJA PEGAWAI"));
    assert!(h[n - 1].contains("Tempat tanda tangan elektronik"));
    assert!(h[n - 1].contains(&format!("Halaman {n} dari {n}")));

    // Dengan -layout satu baris tabel tetap satu baris teks: indikator sebaris
    // dengan aspek dan targetnya, identitas dua pihak berdampingan.
    let tata = halaman_tata_letak(&pdf).join(" ");
    pastikan_memuat(
        &tata,
        &[
            "2 NIP 19850312 201001 2 014 2 NIP 19760825 200502 1 003",
            "Waktu Laporan bulanan 12 bulan",
            "1 Menjadi narasumber Kuantitas Jumlah kegiatan orientasi 2 kegiatan",
        ],
        "SKP -layout",
    );
}

#[test]
fn skp_belum_disetujui_bertanda_air_draf() {
    for status in ["draf", "Diajukan", "dikembalikan", ""] {
        let mut d = contoh_skp();
        d.status = status.into();
        let pdf = skp_pdf(&d).expect("render");
        assert!(
            semua_bertanda_air(&pdf),
            "status {status:?}: ada halaman tanpa tanda air"
        );
        for h in halaman(&pdf) {
            if status.is_empty() {
                assert!(!h.contains("Status:"), "{h}");
            } else {
                assert!(h.contains(&format!("Status: {status}")), "{h}");
            }
        }
    }
    // Huruf besar dan spasi tepi tidak mengubah status disetujui.
    let mut d = contoh_skp();
    d.status = "  Disetujui ".into();
    assert!(tanpa_tanda_air(&skp_pdf(&d).expect("render")));
}

#[test]
fn skp_jpt_memakai_kolom_perspektif() {
    let mut d = contoh_skp();
    d.jpt = true;
    d.subjudul = "PENDEKATAN HASIL KERJA KUANTITATIF BAGI PEJABAT PIMPINAN TINGGI".into();
    d.pegawai = atasan_penilai();
    d.penilai = identitas(
        "Drs. Sadali Ie, M.Si.",
        "19680914 199303 1 009",
        "Pembina Utama (IV/e)",
        "Sekretaris Daerah Provinsi Maluku",
        "Sekretariat Daerah Provinsi Maluku",
    );
    for (i, r) in d.utama.iter_mut().enumerate() {
        r.perspektif = if i < 2 {
            "Perspektif Penerima Layanan".into()
        } else {
            "Perspektif Proses Bisnis Internal".into()
        };
    }
    let semua = halaman(&skp_pdf(&d).expect("render")).join(" ");
    pastikan_memuat(
        &semua,
        &[
            "Perspektif Penerima Layanan",
            "Perspektif Proses Bisnis Internal",
            "Drs. Sadali Ie, M.Si.",
            RHK_1,
        ],
        "SKP JPT",
    );
    assert!(!semua.contains("Diintervensi"), "{semua}");
    assert!(!semua.contains(RHK_PIMPINAN_1), "{semua}");
    // Perspektif yang sama untuk dua RHK berurutan digabung.
    assert_eq!(semua.matches("Perspektif Penerima Layanan").count(), 1);
}

#[test]
fn skp_lampiran_kosong_dilewati() {
    let mut d = contoh_skp();
    d.lampiran.skema_pertanggungjawaban.clear();
    d.lampiran.konsekuensi.clear();
    let semua = halaman(&skp_pdf(&d).expect("render")).join(" ");
    assert!(semua.contains("DUKUNGAN SUMBER DAYA"));
    assert!(!semua.contains("SKEMA PERTANGGUNGJAWABAN"), "{semua}");
    assert!(!semua.contains("KONSEKUENSI"), "{semua}");

    let mut d = contoh_skp();
    d.lampiran = LampiranSkp::default();
    d.tambahan.clear();
    let h = halaman(&skp_pdf(&d).expect("render"));
    let semua = h.join(" ");
    assert!(!semua.contains("LAMPIRAN"), "{semua}");
    assert!(semua.contains("B. TAMBAHAN Tidak ada data."), "{semua}");
    // Tanda tangan hanya sekali bila tanpa lampiran.
    assert_eq!(semua.matches("Tempat tanda tangan elektronik").count(), 2);
}

#[test]
fn evaluasi_menjadi_pdf_dengan_isi_resmi() {
    let pdf = evaluasi_kinerja_pdf(&contoh_evaluasi()).expect("render");
    assert!(pdf.starts_with(b"%PDF"), "bukan PDF");
    let h = halaman(&pdf);
    let semua = h.join(" ");
    pastikan_memuat(
        &semua,
        &[
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            "PERIODE: Triwulan I 2026",
            "PERIODE PENILAIAN: 1 Januari s.d. 31 Maret 2026",
            "Pemerintah Provinsi Maluku",
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            "ATASAN PEJABAT PENILAI KINERJA",
            "Maria Goreti Tuhumury, S.K.M., M.Kes.",
            "19850312 201001 2 014",
            "dr. Yohanes Rahanra, M.P.H.",
            "dr. Zulkarnain Pattimura, M.Kes.",
            "19720410 199803 1 005",
            "Pembina Utama Muda (IV/c)",
            "EVALUASI KINERJA",
            "CAPAIAN KINERJA ORGANISASI BAIK",
            "POLA DISTRIBUSI Kurva distribusi predikat organisasi BAIK",
            "HASIL KERJA",
            "A. UTAMA",
            "B. TAMBAHAN",
            // Sel RHK hampir sepenuh kolomnya: pdftotext menyambungnya dengan
            // kolom aspek di sebelahnya, jadi diperiksa per baris.
            "Terlaksananya surveilans",
            "sebelas kabupaten dan kota",
            "Realisasi Berdasarkan Bukti Dukung",
            "Umpan Balik Berkelanjutan Berdasarkan Bukti Dukung",
            "81,82 %",
            "Data Kabupaten Kepulauan Aru dan Maluku Barat Daya belum valid",
            "RATING HASIL KERJA: SESUAI EKSPEKTASI",
            "PERILAKU KERJA",
            "Keluhan dari 14 puskesmas ditindaklanjuti tepat waktu",
            "RATING PERILAKU KERJA: DI ATAS EKSPEKTASI",
            "Ambon, 7 April 2026",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
            "Tempat tanda tangan elektronik",
            "NIP. 19760825 200502 1 003",
        ],
        "evaluasi",
    );
    for (nilai, _) in BERAKHLAK {
        assert!(semua.contains(nilai), "nilai {nilai:?} tidak tercetak");
    }
    let tata = halaman_tata_letak(&pdf).join(" ");
    pastikan_memuat(
        &tata,
        &[
            "Kualitas Persentase kabupaten/kota 90 % 81,82 % Data Kabupaten Kepulauan Aru dan",
            "PREDIKAT KINERJA PEGAWAI BAIK",
            "ANGKA KREDIT 12,50",
        ],
        "evaluasi -layout",
    );
    assert!(tanpa_tanda_air(&pdf), "evaluasi final bertanda air");
    assert_eq!(semua.matches("Tempat tanda tangan elektronik").count(), 2);
    let n = h.len();
    assert!(h[n - 1].contains(&format!("Halaman {n} dari {n}")));
}

#[test]
fn evaluasi_tanpa_bagian_opsional_dan_draf() {
    let mut d = contoh_evaluasi();
    d.angka_kredit = None;
    d.atasan_penilai = None;
    d.ttd_pegawai = false;
    d.draf = true;
    d.jpt = true;
    d.utama[0].perspektif = "Perspektif Penerima Layanan".into();
    d.perilaku.iter_mut().for_each(|p| p.umpan_balik.clear());
    d.rating_perilaku_kerja.clear();
    let pdf = evaluasi_kinerja_pdf(&d).expect("render");
    assert!(semua_bertanda_air(&pdf), "evaluasi draf tanpa tanda air");
    let semua = halaman(&pdf).join(" ");
    assert!(!semua.contains("ANGKA KREDIT"), "{semua}");
    assert!(!semua.contains("ATASAN PEJABAT PENILAI KINERJA"), "{semua}");
    assert!(!semua.contains("Pegawai yang Dinilai"), "{semua}");
    assert_eq!(semua.matches("Tempat tanda tangan elektronik").count(), 1);
    assert!(semua.contains("Perspektif Penerima Layanan"), "{semua}");
    assert!(semua.contains("RATING PERILAKU KERJA: –"), "{semua}");
}

#[test]
fn skp_dan_evaluasi_teks_data_tidak_pernah_menjadi_markup() {
    for markup in [MARKUP, INJEKSI] {
        let cari = rapikan(markup);
        let mut d = contoh_skp();
        d.instansi = markup.into();
        d.subjudul = markup.into();
        d.periode_penilaian = markup.into();
        d.pegawai = identitas(markup, markup, markup, markup, markup);
        d.penilai.nama = NAMA_BERAKSEN.into();
        d.utama[0].rhk_pimpinan = markup.into();
        d.utama[0].rhk = markup.into();
        d.utama[0].indikator[1].indikator = markup.into();
        d.tambahan[0].indikator[0].target = markup.into();
        d.perilaku[2].nilai = markup.into();
        d.perilaku[2].panduan[1] = markup.into();
        d.perilaku[4].ekspektasi = markup.into();
        d.lampiran.konsekuensi = vec![markup.into()];
        d.tempat_tanggal = markup.into();
        d.status = markup.into();
        let semua = halaman(&skp_pdf(&d).expect("markup tetap dirender")).join(" ");
        // 27 tempat: instansi, periode dan tempat/tanggal di halaman utama dan
        // lampiran, subjudul, lima isian identitas, nama dan NIP di dua blok
        // tanda tangan, empat sel hasil kerja, tiga sel perilaku, konsekuensi,
        // dan status di kepala setiap halaman (sedikitnya tiga).
        let n = semua.matches(PANIC).count();
        assert!(n >= 27, "SKP: {PANIC} hanya {n} kali:\n{semua}");
        // String utuh: kecuali di sel sempit (target) yang baris-barisnya
        // diselang pdftotext dengan kolom tetangga.
        let n = semua.matches(&cari).count();
        assert!(n >= 20, "SKP: {cari:?} utuh hanya {n} kali:\n{semua}");
        assert!(semua.contains(NAMA_BERAKSEN), "{semua}");

        let mut e = contoh_evaluasi();
        e.periode = markup.into();
        e.atasan_penilai = Some(identitas(markup, markup, markup, markup, markup));
        e.capaian_organisasi = markup.into();
        e.pola_distribusi = markup.into();
        e.utama[1].indikator[0].realisasi = markup.into();
        e.utama[1].indikator[0].umpan_balik = markup.into();
        e.rating_hasil_kerja = markup.into();
        e.perilaku[6].umpan_balik = markup.into();
        e.rating_perilaku_kerja = markup.into();
        e.predikat = markup.into();
        e.angka_kredit = Some(markup.into());
        let semua = halaman(&evaluasi_kinerja_pdf(&e).expect("markup tetap dirender")).join(" ");
        // 15 tempat; realisasi dan umpan balik hasil kerja bersebelahan dalam
        // kolom sempit, jadi hanya 13 yang utuh dalam teks pdftotext.
        let n = semua.matches(PANIC).count();
        assert!(n >= 15, "evaluasi: {PANIC} hanya {n} kali:\n{semua}");
        let n = semua.matches(&cari).count();
        assert!(n >= 13, "evaluasi: {cari:?} utuh hanya {n} kali:\n{semua}");
    }
}

#[test]
fn data_kosong_tetap_dirender() {
    let pdf = skp_pdf(&DokumenSkp::default()).expect("SKP kosong");
    let semua = halaman(&pdf).join(" ");
    assert!(semua.contains("SASARAN KINERJA PEGAWAI"));
    assert!(semua.contains("Tidak ada data."));
    assert!(semua_bertanda_air(&pdf), "status kosong belum sah");
    let pdf = evaluasi_kinerja_pdf(&DokumenEvaluasi::default()).expect("evaluasi kosong");
    assert!(
        halaman(&pdf)
            .join(" ")
            .contains("PREDIKAT KINERJA PEGAWAI –")
    );
}

fn rhk_banyak(jumlah_rhk: usize, iki_per_rhk: usize) -> Vec<BarisRhkDokumen> {
    (0..jumlah_rhk)
        .map(|r| {
            rhk(
                &format!("RHK pimpinan {}", r / 5),
                &format!("RHK uji {r:04}"),
                (0..iki_per_rhk)
                    .map(|i| iki("Kuantitas", &format!("IKI {r:04}-{i}"), "1 dok", "1 dok"))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn masukan_raksasa_ditolak_sebelum_render() {
    // Butir daftar bersarang (indikator di dalam RHK) ikut dihitung.
    let mut d = contoh_skp();
    d.utama = rhk_banyak(1, BATAS_BARIS + 1);
    let mulai = Instant::now();
    match skp_pdf(&d) {
        Err(GalatLaporan::TerlaluBesar { batas, .. }) => assert_eq!(batas, BATAS_BARIS),
        lain => panic!("harus ditolak: {:?}", lain.map(|b| b.len())),
    }
    assert!(mulai.elapsed().as_millis() < 2_000, "penolakan harus murah");

    let mut e = contoh_evaluasi();
    e.tambahan = rhk_banyak(BATAS_BARIS / 2, 1);
    match evaluasi_kinerja_pdf(&e) {
        Err(GalatLaporan::TerlaluBesar { batas, .. }) => assert_eq!(batas, BATAS_BARIS),
        lain => panic!("harus ditolak: {:?}", lain.map(|b| b.len())),
    }

    let mut d = contoh_skp();
    d.lampiran.dukungan_sumber_daya = vec!["kata ".repeat(3_000); 14];
    assert!(matches!(
        skp_pdf(&d),
        Err(GalatLaporan::TerlaluBesar {
            batas: BATAS_KARAKTER,
            ..
        })
    ));

    let mut d = contoh_skp();
    d.utama[0].rhk = "x".repeat(BATAS_TEKS_SATU_ISIAN + 1);
    assert!(matches!(
        skp_pdf(&d),
        Err(GalatLaporan::TerlaluBesar {
            batas: BATAS_TEKS_SATU_ISIAN,
            ..
        })
    ));

    let mut e = contoh_evaluasi();
    e.perilaku[0].umpan_balik = "x".repeat(BATAS_TEKS_SATU_ISIAN + 1);
    let galat = evaluasi_kinerja_pdf(&e).expect_err("ditolak");
    assert!(galat.to_string().contains("terlalu besar"), "{galat}");
}

/// Di bawah batas, dokumen terbesar tetap selesai dalam waktu terbatas, juga
/// bila satu RHK merentang ribuan baris indikator lintas halaman.
#[test]
fn dokumen_besar_di_bawah_batas_selesai() {
    let mut d = contoh_skp();
    d.utama = rhk_banyak(1, 2_000);
    d.tambahan = rhk_banyak(400, 2);
    let mulai = Instant::now();
    let pdf = skp_pdf(&d).expect("render");
    eprintln!(
        "SKP 2.800 baris: {} ms, {} bita",
        mulai.elapsed().as_millis(),
        pdf.len()
    );
    let h = halaman(&pdf);
    assert!(h.len() > 20, "{} halaman", h.len());
    let semua = h.join(" ");
    assert!(semua.contains("IKI 0000-1999"));
    assert!(semua.contains("RHK uji 0399"));
    // Kepala tabel berulang di halaman lanjutan.
    assert!(h[5].contains("Indikator Kinerja Individu"), "{}", h[5]);

    let mut e = contoh_evaluasi();
    e.utama = rhk_banyak(1_000, 3);
    let mulai = Instant::now();
    let pdf = evaluasi_kinerja_pdf(&e).expect("render");
    eprintln!(
        "evaluasi 4.000 baris: {} ms, {} bita",
        mulai.elapsed().as_millis(),
        pdf.len()
    );
    assert!(halaman(&pdf).join(" ").contains("IKI 0999-2"));

    // Sel hampir sebesar batas satu isian di kolom sempit: sel RHK yang
    // merentang dan sel realisasi memanjang lintas halaman tanpa teks hilang.
    let teks = "panjang ".repeat(2_499);
    let mut e = contoh_evaluasi();
    e.utama = rhk_banyak(4, 1);
    for r in &mut e.utama {
        r.rhk = teks.clone();
        r.indikator[0].realisasi = teks.clone();
    }
    let mulai = Instant::now();
    let pdf = evaluasi_kinerja_pdf(&e).expect("render");
    eprintln!(
        "evaluasi 8 isian 20.000 karakter: {} ms",
        mulai.elapsed().as_millis()
    );
    let h = halaman(&pdf);
    assert!(h.len() > 100, "{} halaman", h.len());
    assert_eq!(h.join(" ").matches("panjang").count(), 8 * 2_499);
}
