mod umum;

use laporan::*;
use umum::*;

#[test]
fn pk_menjadi_pdf_dengan_isi_resmi() {
    let pdf = perjanjian_kinerja_pdf(&contoh_pk()).expect("render");
    assert!(pdf.starts_with(b"%PDF"), "bukan PDF");

    let satu = teks_halaman(&pdf, 1, 1);
    for harus in [
        "PERJANJIAN KINERJA TAHUN 2026",
        "Dinas Kesehatan",
        "Pemerintah Provinsi Maluku",
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
        "selanjutnya disebut pihak pertama",
        "selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
        "Pihak pertama berjanji akan mewujudkan target kinerja",
        "Pihak kedua akan melakukan supervisi",
        "Ambon, 2 Januari 2026",
        "Tempat tanda tangan elektronik",
        "dr. Zulkarnain Pattimura, M.Kes.",
        "NIP. 19720410 199803 1 005",
        "Halaman 1 dari 2",
    ] {
        assert!(satu.contains(harus), "halaman 1 tanpa {harus:?}:\n{satu}");
    }
    assert!(
        !satu.contains("Status:"),
        "dokumen disetujui tanpa baris status"
    );
    assert!(!satu.contains("Perubahan ke-"));
    // Pihak kedua tanpa NIP: tidak ada "NIP." kosong.
    assert_eq!(satu.matches("NIP.").count(), 1, "{satu}");

    let h = halaman_tata_letak(&pdf);
    assert_eq!(h.len(), 2, "perjanjian + lampiran");
    let lampiran = &h[1];
    for harus in [
        "LAMPIRAN PERJANJIAN KINERJA TAHUN 2026",
        "No Sasaran Indikator Kinerja Satuan Target",
        "Prevalensi stunting balita % 18,50",
        "No Program Anggaran",
        "2 Program Penunjang Urusan Pemerintahan Daerah Provinsi Rp12.500.000.000",
        "Jumlah Rp57.750.000.000",
        "Tempat tanda tangan elektronik",
        "Halaman 2 dari 2",
    ] {
        assert!(
            lampiran.contains(harus),
            "lampiran tanpa {harus:?}:\n{lampiran}"
        );
    }
    // Sasaran yang sama untuk dua indikator digabung menjadi satu sel.
    assert_eq!(
        lampiran.matches("Meningkatnya derajat").count(),
        1,
        "{lampiran}"
    );
}

#[test]
fn pk_usulan_dan_perubahan_ditandai() {
    let mut d = contoh_pk();
    d.status = "Usulan (belum disetujui)".into();
    d.revisi = 2;
    let pdf = perjanjian_kinerja_pdf(&d).expect("render");
    for (i, h) in halaman(&pdf).iter().enumerate() {
        assert!(
            h.contains("Status: Usulan (belum disetujui)"),
            "halaman {} tanpa status:\n{h}",
            i + 1
        );
        assert!(h.contains("Perubahan ke-2"), "halaman {}:\n{h}", i + 1);
    }
}

#[test]
fn pk_teks_data_tidak_pernah_menjadi_markup() {
    let mut d = contoh_pk();
    d.instansi = INJEKSI.into();
    d.unit = INJEKSI.into();
    d.pihak_pertama = pihak(INJEKSI, INJEKSI, INJEKSI);
    d.pihak_kedua = pihak(NAMA_BERAKSEN, "", NAMA_BERAKSEN);
    d.tempat_tanggal = INJEKSI.into();
    d.status = INJEKSI.into();
    d.sasaran[0].sasaran = INJEKSI.into();
    d.sasaran[2].indikator = INJEKSI.into();
    d.anggaran[0].program = INJEKSI.into();
    d.total_anggaran = INJEKSI.into();
    let pdf = perjanjian_kinerja_pdf(&d).expect("teks markup tetap dirender");
    let semua = halaman(&pdf).join(" ");
    // unit, instansi, nama, NIP, jabatan, tempat di dua halaman, status di
    // kepala dua halaman: setiap tempat mencetak string itu utuh.
    assert!(
        semua.matches(INJEKSI).count() >= 10,
        "string markup tidak tercetak apa adanya:\n{semua}"
    );
    assert!(
        semua.contains(NAMA_BERAKSEN),
        "karakter Indonesia hilang:\n{semua}"
    );
}
