//! Contoh kerja isu 9 lewat API bertipe `rules::anggaran` (yang akan dipakai
//! alur kerja rencana), bukan lewat JSON kalkulator: contoh Presiden 2023,
//! dua contoh artikel MenPAN-RB 2017, evaluasi Kemendagri 2021.
//! docs/aturan-anggaran.md menjelaskan masing-masing.

use rules::Bahasa;
use rules::anggaran::{
    self as ag, BarisBelanja, IndikatorKeluaran, KodeTemuan, KonfigurasiKeselarasan,
    MasukanKeselarasan, ProgramRencana, SubkegiatanBelanja,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn belanja(kode: &str, uraian: &str, jumlah: &str) -> BarisBelanja {
    BarisBelanja {
        kode_rekening: kode.into(),
        uraian: Some(uraian.into()),
        jumlah: d(jumlah),
    }
}

fn program_kesehatan(sub: SubkegiatanBelanja) -> MasukanKeselarasan {
    MasukanKeselarasan {
        program: ProgramRencana {
            kode: "1.02.02".into(),
            nama: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"
                .into(),
        },
        subkegiatan: vec![sub],
    }
}

fn kode(t: &[ag::Temuan]) -> Vec<KodeTemuan> {
    t.iter().map(|x| x.kode()).collect()
}

/// Presiden 2023: Rp10 miliar anggaran stunting, Rp3 miliar perjalanan
/// dinas, Rp3 miliar rapat, Rp2 miliar "penguatan", kurang dari Rp2 miliar
/// untuk makanan — "mestinya terbalik".
#[test]
fn presiden_2023_stunting_tidak_selaras() {
    let m = program_kesehatan(SubkegiatanBelanja {
        kode: "1.02.02.2.02.0015".into(),
        nama: "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat".into(),
        jenis: None,
        indikator: vec![IndikatorKeluaran {
            nama: "Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat".into(),
            satuan: "Dokumen".into(),
        }],
        belanja: vec![
            belanja("5.1.02.04.01.0001", "Perjalanan dinas", "3000000000"),
            belanja("5.1.02.04.01.0004", "Paket meeting", "3000000000"),
            belanja(
                "5.1.02.02.12.0001",
                "Penguatan kapasitas kader",
                "2000000000",
            ),
            belanja(
                "5.1.02.01.01.0039",
                "Pemberian makanan tambahan",
                "1950000000",
            ),
            belanja("5.1.02.01.01.0024", "Alat tulis kantor", "50000000"),
        ],
    });
    let h = ag::keselarasan(&m, &KonfigurasiKeselarasan::default()).unwrap();
    assert!(!h.selaras());
    assert_eq!(h.total_belanja, d("10000000000"));
    assert_eq!(h.belanja_penunjang, d("6050000000"));
    assert_eq!(h.porsi_belanja_penunjang_persen, d("60.5"));
    assert_eq!(kode(&h.alasan), [KodeTemuan::BelanjaPenunjangDominan]);
    assert_eq!(h.alasan[0].subkegiatan, None);
    assert_eq!(h.alasan[0].bukti.len(), 3);
    // Jenis Layanan diambil dari nomenklatur; indikatornya hanya dokumen.
    assert_eq!(
        ag::jenis_subkegiatan("1.02.02.2.02.0015"),
        Some(ag::JenisSubkegiatan::Layanan)
    );
    assert!(kode(&h.peringatan).contains(&KodeTemuan::IndikatorAdministratif));
    // Pesan menyebut jumlahnya dengan pemisah ribuan bahasa Indonesia.
    assert!(
        h.alasan[0]
            .pesan(Bahasa::Id)
            .contains("Rp6.050.000.000 dari Rp10.000.000.000")
    );
}

/// Artikel: "Di dalam seminar rupanya ada honor, studi banding lumayan bisa
/// jalan-jalan. Tapi programnya perbaikan kesehatan masyarakat, ya nggak
/// nyambung."
#[test]
fn artikel_seminar_honor_studi_banding_tidak_nyambung() {
    let m = program_kesehatan(SubkegiatanBelanja {
        kode: "1.02.02.2.02.0018".into(),
        nama: "Seminar Kesehatan Masyarakat".into(),
        jenis: None,
        indikator: vec![IndikatorKeluaran {
            nama: "Jumlah peserta seminar".into(),
            satuan: "Orang".into(),
        }],
        belanja: vec![
            belanja(
                "5.1.02.02.01.0003",
                "Honorarium narasumber seminar",
                "150000000",
            ),
            belanja("5.1.02.04.01.0001", "Studi banding ke Bali", "300000000"),
            belanja(
                "5.1.02.04.01.0005",
                "Paket meeting luar kota seminar",
                "200000000",
            ),
            belanja("5.1.02.01.01.0026", "Cetak leaflet", "50000000"),
        ],
    });
    let h = ag::keselarasan(&m, &KonfigurasiKeselarasan::default()).unwrap();
    assert!(!h.selaras());
    assert_eq!(kode(&h.alasan), [KodeTemuan::BelanjaPenunjangDominan]);
    let kata = h
        .peringatan
        .iter()
        .find(|t| t.kode() == KodeTemuan::KataPenunjang)
        .unwrap();
    assert_eq!(kata.bukti, ["seminar", "honor", "studi banding"]);
}

/// Artikel: "kalau programnya perbaikan kesehatan masyarakat, kegiatannya
/// adalah mungkin pengadaan makanan bergizi dibagikan ke posyandu, itu nyambung."
#[test]
fn artikel_makanan_bergizi_posyandu_nyambung() {
    let m = program_kesehatan(SubkegiatanBelanja {
        kode: "1.02.02.2.02.0015".into(),
        nama: "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat".into(),
        jenis: None,
        indikator: vec![IndikatorKeluaran {
            nama: "Jumlah balita gizi kurang yang menerima makanan tambahan".into(),
            satuan: "Orang".into(),
        }],
        belanja: vec![
            belanja(
                "5.1.02.01.01.0039",
                "Pengadaan makanan bergizi dibagikan ke posyandu",
                "450000000",
            ),
            belanja("5.1.02.02.01.0064", "Pengiriman ke posyandu", "20000000"),
        ],
    });
    let h = ag::keselarasan(&m, &KonfigurasiKeselarasan::default()).unwrap();
    assert!(h.selaras());
    assert!(h.alasan.is_empty() && h.peringatan.is_empty());
    assert_eq!(h.porsi_belanja_penunjang_persen, Decimal::ZERO);
}

/// Kemendagri 2021 (evaluasi rancangan APBD provinsi, PP 12/2019 Pasal 54
/// ayat (3)): Rp15,1 miliar perjalanan dinas luar negeri dalam sub kegiatan
/// Rp16 miliar tidak berkorelasi langsung dengan keluaran, indikator dan
/// targetnya.
#[test]
fn kemendagri_2021_perjalanan_luar_negeri() {
    let m = MasukanKeselarasan {
        program: ProgramRencana {
            kode: "3.26.03".into(),
            nama: "Program Pemasaran Pariwisata".into(),
        },
        subkegiatan: vec![SubkegiatanBelanja {
            kode: "3.26.03.1.01.0006".into(),
            nama: "Fasilitasi Kegiatan Pemasaran Pariwisata Baik Dalam dan Luar Negeri".into(),
            jenis: None,
            indikator: vec![],
            belanja: vec![
                belanja(
                    "5.1.02.04.02.0001",
                    "Perjalanan dinas luar negeri",
                    "15100000000",
                ),
                BarisBelanja {
                    kode_rekening: "5.1.02.02.01.0055".into(),
                    uraian: None,
                    jumlah: d("900000000"),
                },
            ],
        }],
    };
    let h = ag::keselarasan(&m, &KonfigurasiKeselarasan::default()).unwrap();
    assert!(!h.selaras());
    assert_eq!(
        rules::angka::bulatkan(h.porsi_belanja_penunjang_persen),
        d("94.38")
    );
}
