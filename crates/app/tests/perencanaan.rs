//! Alur perencanaan dan anggaran (isu 9) pada SQLite dan PostgreSQL: impor
//! rencana ke draf, gerbang keluaran saat penetapan (sama persis dengan
//! kalkulator `gerbang-anggaran`), realisasi dengan kunci periode, nilai
//! uang, keselarasan (contoh Presiden 2023), perubahan, dan akses per peran.

use app::impor::{self, LaporanImpor};
use app::organisasi::instansi::MasukanInstansi;
use app::perencanaan::{self as pr, MasukanKunci, TanyaNilaiUang};
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use serde_json::json;
use store::uji::{backend_uji, db_baru};

const TAHUN: i64 = 2025;

async fn siapkan(b: store::Backend) -> (Layanan, Konteks, String) {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let k = Konteks::sistem();
    let m = MasukanInstansi {
        nama: "Pemerintah Kota Uji".into(),
        jenis: "kota".into(),
        kode_wilayah: Some("81.71".into()),
        zona_waktu: Some("WIT".into()),
        versi: None,
    };
    let iid = app::organisasi::instansi::buat(&l, &k, m).await.unwrap().id;
    let unit = "nama,jenis,induk\nDinas Kesehatan,perangkat_daerah,\nBidang Kesehatan Masyarakat,bidang,Dinas Kesehatan\nDinas PUPR,perangkat_daerah,\n";
    diterima(
        &impor::impor_unit(&l, &k, &iid, "unit.csv", unit.as_bytes())
            .await
            .unwrap(),
    );
    (l, k, iid)
}

fn diterima(l: &LaporanImpor) {
    assert!(l.diterima, "ditolak: {}", l.ke_teks(Bahasa::Id));
}

const KEPALA: &str = "unit,program_kode,program_nama,kegiatan_kode,kegiatan_nama,subkegiatan_kode,subkegiatan_nama,indikator,satuan,polaritas,baseline,target,target_tw1,target_tw2,target_tw3,target_tw4,pagu\n";

/// Dua sub kegiatan gizi (satu tanpa indikator) dan satu jalan di PUPR.
fn rencana_draf() -> String {
    format!(
        "{KEPALA}\
Dinas Kesehatan > Bidang Kesehatan Masyarakat,1.02.02,Program Pemenuhan Upaya Kesehatan,1.02.02.2.02,Penyediaan Layanan Kesehatan,1.02.02.2.02.0015,Pengelolaan Pelayanan Kesehatan Gizi Masyarakat,Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat,Dokumen,positif,,4,1,2,3,4,10000000000\n\
Dinas Kesehatan > Bidang Kesehatan Masyarakat,1.02.02,,1.02.02.2.02,,1.02.02.2.02.0016,Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000\n\
Dinas PUPR,1.03.02,Program Penyelenggaraan Jalan,1.03.02.2.01,Penyelenggaraan Jalan Kabupaten/Kota,1.03.02.2.01.0015,Rekonstruksi Jalan,Panjang Jalan yang Direkonstruksi,Km,positif,0,10,2,5,8,10,2000000000\n"
    )
}

/// Indikator hasil (outcome): baris tanpa `subkegiatan_kode`; milik kegiatan
/// bila `kegiatan_kode` diisi, selain itu milik program.
const HASIL: &str = "Dinas Kesehatan,1.02.02,,,,,,Persentase balita gizi buruk yang ditangani,%,positif,70,90,75,80,85,90,\n\
,1.02.02,,1.02.02.2.02,,,,Cakupan layanan gizi rujukan,%,positif,50,65,,,,,\n";

fn aktor(iid: &str, peran: &[Peran]) -> Konteks {
    Konteks::dengan(
        Aktor {
            instansi_id: iid.into(),
            pengguna_id: "u-uji".into(),
            username: "uji".into(),
            nama: "Uji".into(),
            pegawai_id: None,
            peran: peran.to_vec(),
            hanya_baca: false,
        },
        Bahasa::Id,
    )
}

#[tokio::test]
async fn gerbang_menolak_lalu_menetapkan_dan_realisasi_dinilai() {
    for b in backend_uji() {
        let (l, sis, iid) = siapkan(b).await;
        let perencana = aktor(&iid, &[Peran::Perencana]);
        let keuangan = aktor(&iid, &[Peran::Keuangan]);
        // Dengan indikator hasil program dan kegiatan: gerbang, nilai uang
        // dan ekspor → impor di bawah tidak berubah karenanya.
        let lap = impor::impor_rencana(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "rencana.csv",
            (rencana_draf() + HASIL).as_bytes(),
        )
        .await
        .unwrap();
        diterima(&lap);
        assert_eq!(
            lap.dibuat,
            2 + 2 + 3 + 2 + 2,
            "{b:?}: program, kegiatan, sub kegiatan, indikator keluaran, indikator hasil"
        );

        // Keuangan tidak boleh menetapkan; perencana ditolak gerbang.
        assert!(matches!(
            pr::tetapkan(&l, &keuangan, &iid, TAHUN).await,
            Err(Galat::Dilarang(_))
        ));
        let tolak = pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(tolak.galat.kode(), "gerbang_keluaran");
        let f = tolak.galat.fields();
        assert_eq!(f.keys().collect::<Vec<_>>(), ["1.02.02.2.02.0016"], "{b:?}");
        assert!(f["1.02.02.2.02.0016"].contains("indikator"), "{f:?}");
        // Kekurangan = keluaran kalkulator untuk masukan yang sama.
        let masukan = json!({"subkegiatan": [
            {"kode": "1.02.02.2.02.0015", "program_kode": "1.02.02", "unit": "Dinas Kesehatan > Bidang Kesehatan Masyarakat", "pagu": "10000000000",
             "indikator": [{"nama": "Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat", "satuan": "Dokumen", "polaritas": "positif", "target": "4", "target_triwulan": ["1", "2", "3", "4"]}]},
            {"kode": "1.02.02.2.02.0016", "program_kode": "1.02.02", "unit": "Dinas Kesehatan > Bidang Kesehatan Masyarakat", "pagu": "500000000", "indikator": []},
            {"kode": "1.03.02.2.01.0015", "program_kode": "1.03.02", "unit": "Dinas PUPR", "pagu": "2000000000",
             "indikator": [{"nama": "Panjang Jalan yang Direkonstruksi", "satuan": "Km", "polaritas": "positif", "target": "10", "target_triwulan": ["2", "5", "8", "10"]}]}]});
        let kalk = rules::kalkulator::hitung("gerbang-anggaran", &masukan, Bahasa::Id).unwrap();
        assert_eq!(
            serde_json::to_value(&tolak.kekurangan).unwrap(),
            kalk["kekurangan"]
        );

        // Realisasi sebelum penetapan ditolak utuh.
        let real = "subkegiatan_kode,bulan,jumlah\n1.03.02.2.01.0015,1,100000000\n";
        let lap =
            impor::impor_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, "r.csv", real.as_bytes())
                .await
                .unwrap();
        assert!(
            !lap.diterima && lap.galat[0].pesan.contains("belum ditetapkan"),
            "{}",
            lap.ke_teks(Bahasa::Id)
        );

        // Ekspor rencana → impor kembali: tidak ada yang berubah.
        let isi = impor::ekspor_anggaran(
            &l,
            &perencana,
            &iid,
            TAHUN,
            impor::TabelEkspor::Rencana,
            impor::Format::Xlsx,
        )
        .await
        .unwrap();
        let lap = impor::impor_rencana(&l, &perencana, &iid, TAHUN, "rencana.xlsx", &isi)
            .await
            .unwrap();
        diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui),
            (0, 0),
            "{b:?}: {}",
            lap.ke_teks(Bahasa::Id)
        );

        // Impor ulang melengkapi indikator: hanya yang berubah ditulis.
        let lengkap = rencana_draf().replace(
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000",
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,Jumlah Pekerja yang Dilayani,Orang,positif,,200,50,100,150,200,500000000",
        );
        let lap = impor::impor_rencana(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "rencana.csv",
            lengkap.as_bytes(),
        )
        .await
        .unwrap();
        diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui),
            (1, 0),
            "{b:?}: {}",
            lap.ke_teks(Bahasa::Id)
        );
        let ring = pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ring.revisi.len(), 1);
        assert_eq!(ring.revisi[0].status, "ditetapkan");
        assert_eq!(ring.revisi[0].pagu, "12500000000.00");
        assert!(ring.draf.is_none());

        // Realisasi: jalan 95 % terserap dengan 3 km dari 10 (uang habis, hasil tidak jelas).
        let real = "subkegiatan_kode,bulan,jumlah\n\
1.03.02.2.01.0015,1,1000000000\n1.03.02.2.01.0015,2,900000000\n\
1.02.02.2.02.0015,3,1000000000\n";
        let lap =
            impor::impor_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, "r.csv", real.as_bytes())
                .await
                .unwrap();
        diterima(&lap);
        assert_eq!(lap.dibuat, 3);
        let kel = "subkegiatan_kode,indikator,triwulan,realisasi,bukti_url\n\
1.03.02.2.01.0015,panjang jalan yang direkonstruksi,4,3,https://contoh.go.id/foto\n\
1.02.02.2.02.0015,Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat,4,4,\n";
        let lap =
            impor::impor_realisasi_keluaran(&l, &perencana, &iid, TAHUN, "k.csv", kel.as_bytes())
                .await
                .unwrap();
        diterima(&lap);
        let t = TanyaNilaiUang {
            bulan: Some(12),
            ..Default::default()
        };
        let nu = pr::nilai_uang(&l, &perencana, &iid, TAHUN, &t)
            .await
            .unwrap();
        assert_eq!(nu.total, 3);
        assert!(
            nu.subkegiatan
                .iter()
                .flat_map(|x| &x.indikator)
                .all(|i| !i.nama.starts_with("Persentase balita")
                    && !i.nama.starts_with("Cakupan layanan")),
            "{b:?}: indikator hasil bukan keluaran sub kegiatan"
        );
        let jalan = nu
            .subkegiatan
            .iter()
            .find(|x| x.kode == "1.03.02.2.01.0015")
            .unwrap();
        assert_eq!(jalan.penyerapan_persen.as_deref(), Some("95.00"));
        assert_eq!(jalan.capaian_persen.as_deref(), Some("30.00"));
        assert_eq!(jalan.biaya_per_satuan.as_deref(), Some("633333333.33"));
        assert_eq!(jalan.program_kode.as_deref(), Some("1.03.02"));
        let kode: Vec<&str> = jalan.tanda.iter().map(|x| x.kode.as_str()).collect();
        assert!(kode.contains(&"uang_habis_hasil_tidak_jelas"), "{kode:?}");
        assert_eq!(jalan.bukti, "belum_diverifikasi");
        // Sama dengan kalkulator nilai-uang.
        let kalk = rules::kalkulator::hitung("nilai-uang", &json!({"pagu": "2000000000", "realisasi_anggaran": "1900000000",
            "target": "10", "realisasi_keluaran": "3", "polaritas": "positif", "ada_bukti": true, "bulan": 12}), Bahasa::Id).unwrap();
        assert_eq!(serde_json::to_value(&jalan.tanda).unwrap(), kalk["tanda"]);
        let gizi = nu
            .subkegiatan
            .iter()
            .find(|x| x.kode == "1.02.02.2.02.0015")
            .unwrap();
        assert!(
            gizi.tanda.iter().any(|x| x.kode == "hasil_tanpa_bukti"),
            "{:?}",
            gizi.tanda
        );
        assert_eq!(nu.ringkasan.pagu, "12500000000.00");
        assert_eq!(nu.ringkasan.realisasi_anggaran, "2900000000.00");
        assert_eq!(nu.ringkasan.tanda["uang_habis_hasil_tidak_jelas"], 1);

        // Ekspor → impor kembali: tidak ada yang berubah.
        for (tabel, jenis) in [
            (impor::TabelEkspor::RealisasiAnggaran, "ra"),
            (impor::TabelEkspor::RealisasiKeluaran, "rk"),
        ] {
            let isi =
                impor::ekspor_anggaran(&l, &perencana, &iid, TAHUN, tabel, impor::Format::Csv)
                    .await
                    .unwrap();
            let lap = if jenis == "ra" {
                impor::impor_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, "x.csv", &isi)
                    .await
                    .unwrap()
            } else {
                impor::impor_realisasi_keluaran(&l, &perencana, &iid, TAHUN, "x.csv", &isi)
                    .await
                    .unwrap()
            };
            diterima(&lap);
            assert_eq!(
                (lap.dibuat, lap.diperbarui),
                (0, 0),
                "{b:?} {jenis}: {}",
                lap.ke_teks(Bahasa::Id)
            );
            assert!(lap.tidak_berubah > 0);
        }
        let xlsx = impor::ekspor_anggaran(
            &l,
            &perencana,
            &iid,
            TAHUN,
            impor::TabelEkspor::NilaiUang,
            impor::Format::Xlsx,
        )
        .await
        .unwrap();
        assert!(xlsx.starts_with(b"PK"));

        // Kunci Maret: impor yang menyentuh Maret ditolak utuh, tanpa tulisan.
        let m = MasukanKunci {
            jenis: "anggaran".into(),
            periode: 3,
            alasan: Some("Tutup buku triwulan I".into()),
        };
        pr::kunci_periode(&l, &keuangan, &iid, TAHUN, m)
            .await
            .unwrap();
        let m = MasukanKunci {
            jenis: "anggaran".into(),
            periode: 3,
            alasan: None,
        };
        assert_eq!(
            pr::kunci_periode(&l, &keuangan, &iid, TAHUN, m)
                .await
                .unwrap_err()
                .kode(),
            "periode_dikunci"
        );
        let ubah = "subkegiatan_kode,bulan,jumlah\n1.03.02.2.01.0015,2,1\n1.02.02.2.02.0015,3,5\n";
        let lap =
            impor::impor_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, "r.csv", ubah.as_bytes())
                .await
                .unwrap();
        assert!(!lap.diterima);
        assert!(
            lap.galat
                .iter()
                .any(|c| c.baris == 0 && c.pesan.contains("Bulan Maret 2025 dikunci")),
            "{}",
            lap.ke_teks(Bahasa::Id)
        );
        assert!(lap.galat.iter().any(|c| c.baris == 3 && c.kolom == "bulan"));
        let nu = pr::nilai_uang(&l, &perencana, &iid, TAHUN, &t)
            .await
            .unwrap();
        assert_eq!(
            nu.ringkasan.realisasi_anggaran, "2900000000.00",
            "tidak ada yang tertulis"
        );
        // Perencana tidak mengunci; keuangan membuka.
        let m = MasukanKunci {
            jenis: "anggaran".into(),
            periode: 4,
            alasan: None,
        };
        assert!(matches!(
            pr::kunci_periode(&l, &perencana, &iid, TAHUN, m).await,
            Err(Galat::Dilarang(_))
        ));
        pr::buka_kunci(&l, &keuangan, &iid, TAHUN, "anggaran", 3)
            .await
            .unwrap();

        // Perubahan: kedua revisi tersimpan, realisasi tetap menempel.
        pr::buat_perubahan(&l, &perencana, &iid, TAHUN, "APBD Perubahan 2025")
            .await
            .unwrap();
        assert_eq!(
            pr::buat_perubahan(&l, &perencana, &iid, TAHUN, "APBD Perubahan kedua")
                .await
                .unwrap_err()
                .kode(),
            "draf_sudah_ada"
        );
        let naik = rencana_draf()
            .replace(",2000000000\n", ",2500000000\n")
            .replace(",,500000000\n", ",,500000000\n");
        let lap = impor::impor_rencana(&l, &perencana, &iid, TAHUN, "rencana.csv", naik.as_bytes())
            .await
            .unwrap();
        diterima(&lap);
        let ring = pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        let status: Vec<(i64, &str)> = ring
            .revisi
            .iter()
            .map(|r| (r.revisi, r.status.as_str()))
            .collect();
        assert_eq!(status, [(0, "diganti"), (1, "ditetapkan")], "{b:?}");
        let nu = pr::nilai_uang(&l, &perencana, &iid, TAHUN, &t)
            .await
            .unwrap();
        assert_eq!(nu.revisi, 1);
        let jalan = nu
            .subkegiatan
            .iter()
            .find(|x| x.kode == "1.03.02.2.01.0015")
            .unwrap();
        assert_eq!(jalan.pagu, "2500000000.00");
        assert_eq!(jalan.realisasi_anggaran, "1900000000.00");
        assert_eq!(
            jalan.capaian_persen.as_deref(),
            Some("30.00"),
            "keluaran menempel lewat kunci"
        );

        // Audit: penetapan tercatat.
        let n: (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit WHERE instansi_id = $1 AND aksi = 'tetapkan'",
        )
        .bind(&iid)
        .fetch_one(l.pool())
        .await
        .unwrap();
        assert_eq!(n.0, 2);
        let _ = sis;
    }
}

/// Indikator hasil (outcome) program dan kegiatan: impor (galat per baris,
/// semua atau tidak sama sekali, impor ulang idempoten), ekspor → impor,
/// penyuntingan di draf, gerbang dan nilai uang yang tidak terpengaruh,
/// perubahan yang menyalinnya, dan cakupan pimpinan unit.
#[tokio::test]
async fn indikator_hasil_program_dan_kegiatan() {
    for b in backend_uji() {
        let (l, sis, iid) = siapkan(b).await;
        let perencana = aktor(&iid, &[Peran::Perencana]);
        let keuangan = aktor(&iid, &[Peran::Keuangan]);
        let impor_r = |isi: String| {
            let l = &l;
            let k = &perencana;
            let iid = &iid;
            async move {
                impor::impor_rencana(l, k, iid, TAHUN, "r.csv", isi.as_bytes())
                    .await
                    .unwrap()
            }
        };

        // Galat per baris; tidak ada yang tertulis.
        let salah = format!(
            "{KEPALA}\
,1.02.02,Program Kesehatan,,,,,Persentase A,%,positif,,90,,,,,1000000\n\
,1.02.02,,,,,,Persentase B,%,miring,,90,,,,,\n\
,1.02.02,,1.02.02.2.02,Layanan Kesehatan,,,Persentase C,%,positif,,80,20,40,60,70,\n\
,1.02.02,,1.02.02.2.02,,,,Persentase D,%,positif,,80,20,,60,80,\n\
,1.02.02,,1.02.02.2.02,,,,Persentase E,%,positif,,80,20,40,30,80,\n\
,1.02.02,,,,,,Persentase F,%,positif,,,20,40,60,80,\n\
,1.02.02,,,,,,,,,,,,,,,\n"
        );
        let lap = impor_r(salah).await;
        assert!(!lap.diterima);
        let letak: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|c| (c.baris, c.kolom.as_str()))
            .collect();
        for x in [
            (2, "pagu"),
            (3, "polaritas"),
            (4, "target_tw4"),
            (5, "target_tw2"),
            (6, "target_tw3"),
            (7, "target"),
            (8, "subkegiatan_kode"),
        ] {
            assert!(
                letak.contains(&x),
                "{b:?} {x:?}: {}",
                lap.ke_teks(Bahasa::Id)
            );
        }
        let pesan = |baris: usize| {
            lap.galat
                .iter()
                .find(|c| c.baris == baris)
                .unwrap()
                .pesan
                .clone()
        };
        assert!(
            pesan(2).contains("Pagu hanya untuk sub kegiatan")
                && pesan(2).contains("program 1.02.02"),
            "{}",
            pesan(2)
        );
        assert!(
            pesan(4).contains("(70)") && pesan(4).contains("(80)"),
            "{}",
            pesan(4)
        );
        assert!(
            pr::ringkasan(&l, &perencana, &iid, TAHUN)
                .await
                .unwrap()
                .revisi
                .is_empty(),
            "{b:?}: berkas ditolak utuh"
        );

        // Impor: program dengan unit, kegiatan tanpa target triwulan, dan
        // program tanpa sub kegiatan.
        let lain = ",2.11.03,Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup,,,,,Indeks kualitas air,Indeks,positif,50,55,,,,,\n";
        let isi = rencana_draf() + HASIL + lain;
        let lap = impor_r(isi.clone()).await;
        diterima(&lap);
        assert_eq!(lap.dibuat, 2 + 2 + 3 + 2 + 1 + 3, "{b:?}");
        let lap = impor_r(isi.clone()).await;
        diterima(&lap);
        assert_eq!((lap.dibuat, lap.diperbarui), (0, 0), "{b:?}: impor ulang");
        let d = pr::daftar_hasil(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        let kode: Vec<&str> = d.program.iter().map(|p| p.kode.as_str()).collect();
        assert_eq!(kode, ["1.02.02", "1.03.02", "2.11.03"], "{b:?}");
        let kes = &d.program[0];
        assert_eq!(kes.unit.as_deref(), Some("Dinas Kesehatan"));
        assert_eq!(kes.indikator.len(), 1);
        let i = &kes.indikator[0];
        assert_eq!(
            (
                i.satuan.as_deref(),
                i.polaritas.as_deref(),
                i.baseline.as_deref(),
                i.target.as_deref()
            ),
            (Some("%"), Some("positif"), Some("70"), Some("90"))
        );
        assert_eq!(
            i.target_triwulan,
            [Some("75"), Some("80"), Some("85"), Some("90")].map(|x| x.map(String::from))
        );
        assert_eq!(kes.kegiatan[0].kode, "1.02.02.2.02");
        assert_eq!(
            kes.kegiatan[0].indikator[0].nama,
            "Cakupan layanan gizi rujukan"
        );
        assert!(
            kes.kegiatan[0].indikator[0]
                .target_triwulan
                .iter()
                .all(Option::is_none)
        );
        assert!(d.program[1].indikator.is_empty());
        // Impor ulang memperbarui menurut (butir, nama indikator).
        let naik = isi.replace(",70,90,75,80,85,90,", ",70,95,75,80,85,95,");
        let lap = impor_r(naik).await;
        diterima(&lap);
        assert_eq!((lap.dibuat, lap.diperbarui), (0, 1), "{b:?}");

        // Gerbang: hanya sub kegiatan tanpa keluaran yang kurang.
        let ring = pr::ringkasan(&l, &perencana, &iid, TAHUN).await.unwrap();
        let kek = &ring.draf.unwrap().gerbang.kekurangan;
        assert_eq!(kek.len(), 1, "{b:?}: {kek:?}");
        assert_eq!(
            (kek[0].subkegiatan.as_deref(), kek[0].kode.as_str()),
            (Some("1.02.02.2.02.0016"), "tanpa_indikator")
        );

        // Ekspor → impor: baris hasil ikut, sebelum sub kegiatan programnya.
        let csv = impor::ekspor_anggaran(
            &l,
            &perencana,
            &iid,
            TAHUN,
            impor::TabelEkspor::Rencana,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(csv.clone()).unwrap();
        let baris: Vec<&str> = teks.lines().collect();
        let letak = |awal: &str| baris.iter().position(|x| x.contains(awal)).unwrap();
        assert!(
            letak(",,,Persentase balita gizi buruk yang ditangani,%,positif,70,95,75,80,85,95,")
                < letak("1.02.02.2.02.0015"),
            "{teks}"
        );
        assert!(baris[letak("Persentase balita")].starts_with("Dinas Kesehatan,1.02.02,"));
        assert!(letak("Cakupan layanan gizi rujukan") < letak("1.02.02.2.02.0015"));
        assert!(
            baris[letak("Indeks kualitas air")].starts_with(",2.11.03,Program Pengendalian"),
            "{teks}"
        );
        let lap = impor::impor_rencana(&l, &perencana, &iid, TAHUN, "r.csv", &csv)
            .await
            .unwrap();
        diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui),
            (0, 0),
            "{b:?}: {}",
            lap.ke_teks(Bahasa::Id)
        );

        // Penyuntingan di draf (halaman): galat per kolom, versi, himpunan.
        let g = pr::hasil(&l, &perencana, &iid, TAHUN, "1.02.02.2.02")
            .await
            .unwrap();
        assert_eq!(
            (g.tingkat.as_str(), g.program_kode.as_deref()),
            ("kegiatan", Some("1.02.02"))
        );
        let ind = |nama: &str, target: &str, tw: [&str; 4]| pr::IsianIndikator {
            nama: nama.into(),
            satuan: Some("%".into()),
            polaritas: Some("positif".into()),
            baseline: None,
            target: Some(target.into()),
            target_triwulan: tw
                .iter()
                .map(|x| Some(x.to_string()).filter(|x| !x.is_empty()))
                .collect(),
        };
        let m = |indikator: Vec<pr::IsianIndikator>, versi: i64| pr::MasukanHasil {
            unit_id: None,
            pejabat_id: None,
            indikator,
            versi: Some(versi),
        };
        let mut rusak = ind("Cakupan layanan gizi rujukan", "abc", ["", "", "", ""]);
        rusak.polaritas = Some("miring".into());
        let e = pr::simpan_hasil(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "1.02.02.2.02",
            m(vec![rusak], g.versi),
        )
        .await
        .unwrap_err();
        let f = e.fields();
        assert!(
            f.contains_key("indikator[0].polaritas") && f.contains_key("indikator[0].target"),
            "{f:?}"
        );
        let e = pr::simpan_hasil(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "1.02.02.2.02",
            m(
                vec![ind(
                    "Cakupan layanan gizi rujukan",
                    "80",
                    ["20", "40", "60", "70"],
                )],
                g.versi,
            ),
        )
        .await
        .unwrap_err();
        assert!(
            e.fields().contains_key("indikator[0].target_triwulan[3]"),
            "{:?}",
            e.fields()
        );
        assert!(matches!(
            pr::simpan_hasil(
                &l,
                &keuangan,
                &iid,
                TAHUN,
                "1.02.02.2.02",
                m(vec![], g.versi)
            )
            .await,
            Err(Galat::Dilarang(_))
        ));
        assert!(matches!(
            pr::simpan_hasil(
                &l,
                &perencana,
                &iid,
                TAHUN,
                "1.02.02.2.02.0015",
                m(vec![], g.versi)
            )
            .await,
            Err(Galat::TidakDitemukan(_))
        ));
        let kunci_lama = |nama: &'static str| {
            let l = &l;
            let iid = &iid;
            async move {
                let rt = store::perencanaan::rencana_tahun(l.pool(), iid, TAHUN)
                    .await
                    .unwrap();
                let r = rt
                    .iter()
                    .find(|r| r.status == "draf")
                    .or(rt.last())
                    .unwrap();
                store::perencanaan::indikator_rencana(l.pool(), iid, &r.id)
                    .await
                    .unwrap()
                    .into_iter()
                    .find(|i| i.nama == nama)
                    .map(|i| i.kunci)
            }
        };
        let kunci = kunci_lama("Cakupan layanan gizi rujukan").await.unwrap();
        let baru = pr::simpan_hasil(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "1.02.02.2.02",
            m(
                vec![
                    ind("Cakupan layanan gizi rujukan", "66", ["", "", "", ""]),
                    ind(
                        "Persentase puskesmas dengan layanan gizi",
                        "80",
                        ["20", "40", "60", "80"],
                    ),
                ],
                g.versi,
            ),
        )
        .await
        .unwrap();
        assert_eq!(baru.indikator.len(), 2);
        assert_eq!(baru.indikator[0].target.as_deref(), Some("66"));
        assert_eq!(
            kunci_lama("Cakupan layanan gizi rujukan").await.unwrap(),
            kunci,
            "{b:?}: nama sama, identitas sama"
        );
        assert!(matches!(
            pr::simpan_hasil(
                &l,
                &perencana,
                &iid,
                TAHUN,
                "1.02.02.2.02",
                m(vec![], g.versi)
            )
            .await,
            Err(Galat::Konflik(_))
        ));
        let kosong = pr::simpan_hasil(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "1.02.02.2.02",
            m(vec![], baru.versi),
        )
        .await
        .unwrap();
        assert!(kosong.indikator.is_empty(), "{b:?}: dihapus");
        let pupr = store::organisasi::semua_unit(l.pool(), &iid)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.nama == "Dinas PUPR")
            .unwrap()
            .id;
        let p = pr::hasil(&l, &perencana, &iid, TAHUN, "1.03.02")
            .await
            .unwrap();
        let jalan = pr::simpan_hasil(
            &l,
            &perencana,
            &iid,
            TAHUN,
            "1.03.02",
            pr::MasukanHasil {
                unit_id: Some(pupr),
                pejabat_id: None,
                indikator: vec![ind(
                    "Persentase jalan dalam kondisi mantap",
                    "75",
                    ["", "", "", ""],
                )],
                versi: Some(p.versi),
            },
        )
        .await
        .unwrap();
        assert_eq!(jalan.unit.as_deref(), Some("Dinas PUPR"));

        // Melengkapi sub kegiatan lalu menetapkan: indikator hasil (juga yang
        // tanpa target triwulan, dan program tanpa sub kegiatan) tidak menahan.
        let lengkap = isi.replace(
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000",
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,Jumlah Pekerja yang Dilayani,Orang,positif,,200,50,100,150,200,500000000",
        );
        diterima(&impor_r(lengkap).await);
        pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            pr::simpan_hasil(
                &l,
                &perencana,
                &iid,
                TAHUN,
                "1.03.02",
                m(vec![], jalan.versi)
            )
            .await
            .unwrap_err()
            .kode(),
            "sudah_ditetapkan"
        );
        let t = TanyaNilaiUang {
            bulan: Some(12),
            ..Default::default()
        };
        let nu = pr::nilai_uang(&l, &perencana, &iid, TAHUN, &t)
            .await
            .unwrap();
        assert_eq!(nu.total, 3, "{b:?}: hanya sub kegiatan");
        let nama_keluaran: Vec<&str> = nu
            .subkegiatan
            .iter()
            .flat_map(|x| x.indikator.iter().map(|i| i.nama.as_str()))
            .collect();
        assert_eq!(nama_keluaran.len(), 3, "{nama_keluaran:?}");
        assert!(
            !nama_keluaran.iter().any(|n| n.starts_with("Persentase")
                || n.starts_with("Indeks")
                || n.starts_with("Cakupan")),
            "{nama_keluaran:?}"
        );
        // Perubahan menyalin indikator hasil dengan kunci yang sama.
        let kunci = kunci_lama("Persentase balita gizi buruk yang ditangani")
            .await
            .unwrap();
        pr::buat_perubahan(&l, &perencana, &iid, TAHUN, "APBD Perubahan 2025")
            .await
            .unwrap();
        let p = pr::hasil(&l, &perencana, &iid, TAHUN, "1.02.02")
            .await
            .unwrap();
        assert_eq!((p.revisi, p.status.as_str()), (1, "draf"));
        assert_eq!(p.indikator[0].target.as_deref(), Some("90"));
        assert_eq!(
            kunci_lama("Persentase balita gizi buruk yang ditangani")
                .await
                .unwrap(),
            kunci
        );

        // Pimpinan unit: program/kegiatan di atas sub kegiatan unitnya saja.
        diterima(
            &impor::impor_pegawai(&l, &sis, &iid, "p.csv",
                "nip,nama,jenis_asn,unit\n198001012005011001,Kepala Bidang Kesmas,pns,Dinas Kesehatan > Bidang Kesehatan Masyarakat\n".as_bytes())
                .await
                .unwrap(),
        );
        let pid = store::organisasi::pegawai_nip(l.pool(), &iid, "198001012005011001")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut pimpinan = aktor(&iid, &[Peran::PimpinanUnit]);
        if let Some(a) = pimpinan.aktor.as_mut() {
            a.pegawai_id = Some(pid);
        }
        let d = pr::daftar_hasil(&l, &pimpinan, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            d.program
                .iter()
                .map(|p| p.kode.as_str())
                .collect::<Vec<_>>(),
            ["1.02.02"],
            "{b:?}"
        );
        assert!(matches!(
            pr::hasil(&l, &pimpinan, &iid, TAHUN, "2.11.03").await,
            Err(Galat::Dilarang(_))
        ));
        let csv = impor::ekspor_anggaran(
            &l,
            &pimpinan,
            &iid,
            TAHUN,
            impor::TabelEkspor::Rencana,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(csv).unwrap();
        assert!(teks.contains("Persentase balita gizi buruk"), "{teks}");
        assert!(
            !teks.contains("Indeks kualitas air") && !teks.contains("Dinas PUPR"),
            "{teks}"
        );
    }
}

#[tokio::test]
async fn keselarasan_contoh_presiden_dan_akses_pimpinan_unit() {
    for b in backend_uji() {
        let (l, sis, iid) = siapkan(b).await;
        let perencana = aktor(&iid, &[Peran::Perencana]);
        let lengkap = rencana_draf().replace(
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000",
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,Jumlah Pekerja yang Dilayani,Orang,positif,,200,50,100,150,200,500000000",
        );
        diterima(
            &impor::impor_rencana(&l, &perencana, &iid, TAHUN, "r.csv", lengkap.as_bytes())
                .await
                .unwrap(),
        );
        // Contoh Presiden 2023: Rp10 miliar stunting.
        let belanja = "subkegiatan_kode,kode_rekening,uraian,jumlah\n\
1.02.02.2.02.0015,5.1.02.04.01.0001,Perjalanan dinas,3000000000\n\
1.02.02.2.02.0015,5.1.02.04.01.0004,Paket meeting,3000000000\n\
1.02.02.2.02.0015,5.1.02.02.12.0001,Penguatan kapasitas kader,2000000000\n\
1.02.02.2.02.0015,5.1.02.01.01.0039,Pemberian makanan tambahan,1950000000\n\
1.02.02.2.02.0015,5.1.02.01.01.0024,Alat tulis kantor,50000000\n";
        let lap = impor::impor_belanja(&l, &perencana, &iid, TAHUN, "b.csv", belanja.as_bytes())
            .await
            .unwrap();
        diterima(&lap);
        assert_eq!(lap.dibuat, 5);
        // Kode rekening bukan belanja: ditolak dengan baris dan kolomnya.
        let salah = "subkegiatan_kode,kode_rekening,jumlah\n1.02.02.2.02.0015,4.1.01.01,100\n9.99.99.9.99.9999,5.1.02.04.01.0001,-5\n";
        let lap = impor::impor_belanja(&l, &perencana, &iid, TAHUN, "b.csv", salah.as_bytes())
            .await
            .unwrap();
        assert!(!lap.diterima);
        let letak: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|c| (c.baris, c.kolom.as_str()))
            .collect();
        assert_eq!(
            letak,
            [(2, "kode_rekening"), (3, "subkegiatan_kode"), (3, "jumlah")],
            "{}",
            lap.ke_teks(Bahasa::Id)
        );

        let ks = pr::keselarasan(&l, &perencana, &iid, TAHUN, None)
            .await
            .unwrap();
        let p = ks.program.iter().find(|p| p.kode == "1.02.02").unwrap();
        assert!(!p.selaras);
        assert_eq!(p.porsi_belanja_penunjang_persen, "60.50");
        assert_eq!(p.alasan[0].kode, "belanja_penunjang_dominan");
        assert!(
            ks.program
                .iter()
                .find(|p| p.kode == "1.03.02")
                .unwrap()
                .selaras
        );

        // Pimpinan unit (Plt. tidak ada): hanya sub kegiatan unitnya.
        let lap = impor::impor_pegawai(&l, &sis, &iid, "p.csv",
            "nip,nama,jenis_asn,unit\n198001012005011001,Kepala Bidang Kesmas,pns,Dinas Kesehatan > Bidang Kesehatan Masyarakat\n".as_bytes())
            .await.unwrap();
        diterima(&lap);
        let pid = store::organisasi::pegawai_nip(l.pool(), &iid, "198001012005011001")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut pimpinan = aktor(&iid, &[Peran::PimpinanUnit]);
        if let Some(a) = pimpinan.aktor.as_mut() {
            a.pegawai_id = Some(pid);
        }
        let ring = pr::ringkasan(&l, &pimpinan, &iid, TAHUN).await.unwrap();
        assert_eq!(ring.revisi[0].jumlah_subkegiatan, 2, "{b:?}: hanya unitnya");
        let ks = pr::keselarasan(&l, &pimpinan, &iid, TAHUN, None)
            .await
            .unwrap();
        assert_eq!(
            ks.program
                .iter()
                .map(|p| p.kode.as_str())
                .collect::<Vec<_>>(),
            ["1.02.02"]
        );
        assert!(matches!(
            pr::tetapkan(&l, &pimpinan, &iid, TAHUN).await,
            Err(Galat::Dilarang(_))
        ));
        // Pegawai biasa dan instansi lain ditolak.
        let pegawai = aktor(&iid, &[Peran::Pegawai]);
        assert!(matches!(
            pr::ringkasan(&l, &pegawai, &iid, TAHUN).await,
            Err(Galat::Dilarang(_))
        ));
        let lain = aktor("instansi-lain", &[Peran::Perencana]);
        assert!(matches!(
            pr::ringkasan(&l, &lain, &iid, TAHUN).await,
            Err(Galat::Dilarang(_))
        ));
        assert!(matches!(
            impor::impor_rencana(&l, &lain, &iid, TAHUN, "r.csv", lengkap.as_bytes()).await,
            Err(Galat::Dilarang(_))
        ));
    }
}

/// Demo Maluku: setiap kode tanda nilai uang dan putusan tidak selaras
/// muncul, dan draf 2027 ditolak gerbang pada sub kegiatan tanpa indikator.
#[tokio::test]
async fn demo_memunculkan_setiap_tanda_dan_putusan() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        assert!(app::demo::isi_demo(&l).await.unwrap());
        let k = Konteks::sistem();
        let semua = store::organisasi::semua_instansi(l.pool()).await.unwrap();
        let id = |nama: &str| semua.iter().find(|i| i.nama == nama).unwrap().id.clone();
        let maluku = id("Pemerintah Provinsi Maluku");
        let t = TanyaNilaiUang {
            bulan: Some(11),
            ..Default::default()
        };
        let nu = pr::nilai_uang(&l, &k, &maluku, 2026, &t).await.unwrap();
        for kode in rules::anggaran::KodeTanda::SEMUA {
            assert!(
                nu.ringkasan.tanda[kode.token()] > 0,
                "{b:?}: {} tidak muncul",
                kode.token()
            );
        }
        assert!(nu.subkegiatan.iter().any(|x| x.bukti == "diverifikasi"));
        assert!(
            nu.subkegiatan.iter().any(|x| x.tanda.is_empty()),
            "ada OPD yang sehat"
        );
        let ks = pr::keselarasan(&l, &k, &maluku, 2026, None).await.unwrap();
        assert!(ks.program.iter().any(|p| !p.selaras));
        assert!(ks.program.iter().any(|p| p.selaras));
        let ring = pr::ringkasan(&l, &k, &maluku, 2026).await.unwrap();
        assert_eq!(ring.kunci.len(), 9 + 2);
        // Setiap program Maluku punya satu indikator hasil; pohon kinerja
        // SAKIP menampilkannya di simpul program (target, tanpa realisasi).
        let d = pr::daftar_hasil(&l, &k, &maluku, 2026)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(d.program.len(), 6, "{b:?}");
        assert!(d.program.iter().all(|p| p.indikator.len() == 1), "{b:?}");
        let pohon = app::sakip::pohon::pohon(&l, &k, &maluku, 2026, 4)
            .await
            .unwrap();
        fn cari<'a>(
            s: &'a [app::sakip::pohon::Simpul],
            kode: &str,
        ) -> Option<&'a app::sakip::pohon::Simpul> {
            s.iter().find_map(|x| {
                (x.kode == kode)
                    .then_some(x)
                    .or_else(|| cari(&x.anak, kode))
            })
        }
        let kes = cari(&pohon.akar, "1.02.02").expect("program kesehatan di pohon");
        assert_eq!(kes.jenis, "program");
        let i = kes
            .indikator
            .iter()
            .find(|i| i.nama == "Persentase balita gizi buruk yang ditangani")
            .unwrap();
        assert_eq!(
            (
                i.target.as_deref(),
                i.realisasi.as_deref(),
                i.warna.as_str()
            ),
            // Realisasi indikator hasil demo sampai triwulan III (85 dari
            // target kumulatif 85): pohon membaca realisasi yang sama.
            (Some("90.00"), Some("85.00"), "hijau")
        );
        assert_eq!(i.triwulan, Some(3), "{b:?}");
        assert!(kes.capaian_persen.is_some(), "{b:?}");
        let tolak = pr::tetapkan(&l, &k, &maluku, 2027)
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(
            tolak.galat.fields().keys().collect::<Vec<_>>(),
            ["1.02.02.1.03.0002"]
        );
        let ambon = id("Pemerintah Kota Ambon");
        let ks = pr::keselarasan(&l, &k, &ambon, 2026, None).await.unwrap();
        assert_eq!(
            ks.program[0].porsi_belanja_penunjang_persen, "60.50",
            "contoh Presiden 2023"
        );
        assert!(!ks.program[0].selaras);
    }
}

/// Realisasi per sel: periode terkunci 409, versi basi 409, verifikasi butuh
/// bukti, bukti terlihat pimpinan unit lewat rujukan realisasi.
#[tokio::test]
async fn isian_realisasi_kunci_versi_dan_verifikasi() {
    for b in backend_uji() {
        let (l, sis, iid) = siapkan(b).await;
        let perencana = aktor(&iid, &[Peran::Perencana]);
        let keuangan = aktor(&iid, &[Peran::Keuangan]);
        let lengkap = rencana_draf().replace(
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000",
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,Jumlah Pekerja yang Dilayani,Orang,positif,,200,50,100,150,200,500000000",
        );
        diterima(
            &impor::impor_rencana(&l, &perencana, &iid, TAHUN, "r.csv", lengkap.as_bytes())
                .await
                .unwrap(),
        );
        pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        let kode = "1.03.02.2.01.0015";
        let m = |jumlah: &str, versi: i64| pr::MasukanRealisasiAnggaran {
            jumlah: jumlah.into(),
            versi: Some(versi),
        };
        let x =
            pr::simpan_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, kode, 4, m("1500000.50", 0))
                .await
                .unwrap();
        assert_eq!((x.jumlah_sen, x.versi), (150_000_050, 1));
        assert_eq!(
            pr::simpan_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, kode, 4, m("1", 0))
                .await
                .unwrap_err()
                .kode(),
            "konflik"
        );
        assert!(matches!(
            pr::simpan_realisasi_anggaran(&l, &perencana, &iid, TAHUN, kode, 4, m("1", 1)).await,
            Err(Galat::Dilarang(_))
        ));
        pr::kunci_periode(
            &l,
            &keuangan,
            &iid,
            TAHUN,
            MasukanKunci {
                jenis: "anggaran".into(),
                periode: 4,
                alasan: None,
            },
        )
        .await
        .unwrap();
        let g = pr::simpan_realisasi_anggaran(&l, &keuangan, &iid, TAHUN, kode, 4, m("2", 1))
            .await
            .unwrap_err();
        assert_eq!(g.kode(), "periode_dikunci");
        assert!(
            g.fields()["bulan"].contains("April 2025"),
            "{:?}",
            g.fields()
        );

        let mk = |realisasi: &str, url: Option<&str>, versi: i64| pr::MasukanRealisasiKeluaran {
            indikator: "Panjang Jalan yang Direkonstruksi".into(),
            realisasi: realisasi.into(),
            bukti_id: None,
            bukti_url: url.map(String::from),
            versi: Some(versi),
        };
        let v = pr::MasukanVerifikasi {
            indikator: "panjang jalan yang direkonstruksi".into(),
            catatan: None,
        };
        let x =
            pr::simpan_realisasi_keluaran(&l, &perencana, &iid, TAHUN, kode, 1, mk("2", None, 0))
                .await
                .unwrap();
        assert_eq!(x.versi, 1);
        let sa = Konteks::sistem();
        assert_eq!(
            pr::verifikasi_keluaran(&l, &sa, &iid, TAHUN, kode, 1, v.clone())
                .await
                .unwrap_err()
                .kode(),
            "tanpa_bukti"
        );
        pr::simpan_realisasi_keluaran(
            &l,
            &perencana,
            &iid,
            TAHUN,
            kode,
            1,
            mk("2", Some("https://contoh.go.id/foto"), 1),
        )
        .await
        .unwrap();
        let x = pr::verifikasi_keluaran(&l, &sa, &iid, TAHUN, kode, 1, v.clone())
            .await
            .unwrap();
        assert!(x.diverifikasi_pada.is_some());
        // Nilai berubah: verifikasi kosong lagi.
        let x = pr::simpan_realisasi_keluaran(
            &l,
            &perencana,
            &iid,
            TAHUN,
            kode,
            1,
            mk("3", Some("https://contoh.go.id/foto"), x.versi),
        )
        .await
        .unwrap();
        assert!(x.diverifikasi_pada.is_none());
        let t = TanyaNilaiUang {
            bulan: Some(3),
            ..Default::default()
        };
        let nu = pr::nilai_uang(&l, &perencana, &iid, TAHUN, &t)
            .await
            .unwrap();
        let jalan = nu.subkegiatan.iter().find(|s| s.kode == kode).unwrap();
        assert_eq!(jalan.indikator[0].realisasi.as_deref(), Some("3"));
        assert_eq!(jalan.bukti, "belum_diverifikasi");
        let _ = sis;
    }
}

/// Bukti realisasi keluaran: diunggah perencana, dirujuk realisasi sub
/// kegiatan Dinas PUPR; pimpinan unit PUPR boleh melihatnya lewat rujukan,
/// pimpinan unit lain tidak, dan bukti unggahan orang lain tidak dapat dirujuk.
#[tokio::test]
async fn bukti_realisasi_terlihat_lewat_rujukan() {
    for b in backend_uji() {
        let (l, sis, iid) = siapkan(b).await;
        let pegawai = "nip,nama,jenis_asn,unit\n198001012005011001,Kepala Dinas PUPR,pns,Dinas PUPR\n198001012005011002,Kepala Bidang Kesmas,pns,Dinas Kesehatan > Bidang Kesehatan Masyarakat\n";
        diterima(
            &impor::impor_pegawai(&l, &sis, &iid, "p.csv", pegawai.as_bytes())
                .await
                .unwrap(),
        );
        let pid = |nip: &'static str| {
            let l = l.clone();
            let iid = iid.clone();
            async move {
                store::organisasi::pegawai_nip(l.pool(), &iid, nip)
                    .await
                    .unwrap()
                    .unwrap()
                    .id
            }
        };
        let akun =
            |username: &str, pegawai_id: Option<String>, peran: Vec<Peran>| app::akun::AkunBaru {
                instansi_id: iid.clone(),
                username: username.into(),
                nama: username.into(),
                sandi: "sandi-uji-panjang-sekali".into(),
                pegawai_id,
                peran,
            };
        let konteks = |u: &store::akun::Pengguna, pegawai_id: Option<String>, peran: Vec<Peran>| {
            Konteks::dengan(
                Aktor {
                    instansi_id: iid.clone(),
                    pengguna_id: u.id.clone(),
                    username: u.username.clone(),
                    nama: u.nama.clone(),
                    pegawai_id,
                    peran,
                    hanya_baca: false,
                },
                Bahasa::Id,
            )
        };
        let up = app::akun::buat_akun(
            &l,
            &sis,
            akun("perencana.uji", None, vec![Peran::Perencana]),
        )
        .await
        .unwrap();
        let perencana = konteks(&up, None, vec![Peran::Perencana]);
        let pupr = pid("198001012005011001").await;
        let ua = app::akun::buat_akun(
            &l,
            &sis,
            akun("kadis.pupr", Some(pupr.clone()), vec![Peran::PimpinanUnit]),
        )
        .await
        .unwrap();
        let kadis = konteks(&ua, Some(pupr), vec![Peran::PimpinanUnit]);
        let kesmas = pid("198001012005011002").await;
        let ub = app::akun::buat_akun(
            &l,
            &sis,
            akun(
                "kabid.kesmas",
                Some(kesmas.clone()),
                vec![Peran::PimpinanUnit],
            ),
        )
        .await
        .unwrap();
        let kabid = konteks(&ub, Some(kesmas), vec![Peran::PimpinanUnit]);

        let lengkap = rencana_draf().replace(
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000",
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,Jumlah Pekerja yang Dilayani,Orang,positif,,200,50,100,150,200,500000000",
        );
        diterima(
            &impor::impor_rencana(&l, &perencana, &iid, TAHUN, "r.csv", lengkap.as_bytes())
                .await
                .unwrap(),
        );
        pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        let pdf = b"%PDF-1.4\n% berita acara\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
        let bukti = app::bukti::unggah(
            &l,
            &perencana,
            &iid,
            vec![app::bukti::BerkasMasuk {
                nama: "ba.pdf".into(),
                isi: pdf,
            }],
        )
        .await
        .unwrap()
        .remove(0);
        // Sebelum dirujuk: hanya pengunggah.
        assert!(
            app::bukti::lihat(&l, &kadis, &iid, &bukti.id)
                .await
                .is_err()
        );
        let m = pr::MasukanRealisasiKeluaran {
            indikator: "Panjang Jalan yang Direkonstruksi".into(),
            realisasi: "4".into(),
            bukti_id: Some(bukti.id.clone()),
            bukti_url: None,
            versi: Some(0),
        };
        // Bukti milik orang lain tidak dapat dirujuk oleh pimpinan unit.
        assert!(
            pr::simpan_realisasi_keluaran(
                &l,
                &kadis,
                &iid,
                TAHUN,
                "1.03.02.2.01.0015",
                1,
                m.clone()
            )
            .await
            .is_err()
        );
        pr::simpan_realisasi_keluaran(&l, &perencana, &iid, TAHUN, "1.03.02.2.01.0015", 1, m)
            .await
            .unwrap();
        assert!(
            app::bukti::lihat(&l, &kadis, &iid, &bukti.id).await.is_ok(),
            "{b:?}: pimpinan unit PUPR"
        );
        assert!(
            matches!(
                app::bukti::lihat(&l, &kabid, &iid, &bukti.id).await,
                Err(Galat::Dilarang(_))
            ),
            "{b:?}: unit lain"
        );
        // Pimpinan PUPR memverifikasi; pimpinan Kesmas tidak boleh.
        let v = pr::MasukanVerifikasi {
            indikator: "Panjang Jalan yang Direkonstruksi".into(),
            catatan: Some("Sesuai.".into()),
        };
        assert!(matches!(
            pr::verifikasi_keluaran(&l, &kabid, &iid, TAHUN, "1.03.02.2.01.0015", 1, v.clone())
                .await,
            Err(Galat::Dilarang(_))
        ));
        let x = pr::verifikasi_keluaran(&l, &kadis, &iid, TAHUN, "1.03.02.2.01.0015", 1, v)
            .await
            .unwrap();
        assert_eq!(x.diverifikasi_oleh.as_deref(), Some(ua.id.as_str()));
    }
}

/// Peringatan diterima dengan justifikasi; bukti berubah → terbuka lagi;
/// alasan tidak selaras tidak dapat diterima; konfigurasi instansi dipakai.
#[tokio::test]
async fn penerimaan_peringatan_dan_konfigurasi() {
    for b in backend_uji() {
        let (l, _sis, iid) = siapkan(b).await;
        let perencana = aktor(&iid, &[Peran::Perencana]);
        diterima(
            &impor::impor_rencana(
                &l,
                &perencana,
                &iid,
                TAHUN,
                "r.csv",
                rencana_draf().as_bytes(),
            )
            .await
            .unwrap(),
        );
        let belanja = "subkegiatan_kode,kode_rekening,uraian,jumlah\n\
1.03.02.2.01.0015,5.1.02.04.01.0001,Perjalanan koordinasi lapangan,100000000\n\
1.03.02.2.01.0015,5.2.04.02.04.0001,Konstruksi jalan,1900000000\n";
        diterima(
            &impor::impor_belanja(&l, &perencana, &iid, TAHUN, "b.csv", belanja.as_bytes())
                .await
                .unwrap(),
        );
        let ks = pr::keselarasan(&l, &perencana, &iid, TAHUN, None)
            .await
            .unwrap();
        let jalan = ks.program.iter().find(|p| p.kode == "1.03.02").unwrap();
        assert!(jalan.selaras);
        let kata = jalan
            .peringatan
            .iter()
            .find(|t| t.kode == "kata_penunjang")
            .expect("kata penunjang");
        assert!(kata.diterima.is_none());
        let m = |kode: &str, alasan: &str| pr::MasukanPenerimaan {
            program_kode: "1.03.02".into(),
            subkegiatan_kode: kata.subkegiatan.clone(),
            kode: kode.into(),
            alasan: alasan.into(),
        };
        let alasan =
            "Perjalanan ke lokasi proyek untuk pengawasan konstruksi, bukan studi banding.";
        assert_eq!(
            pr::terima_peringatan(&l, &perencana, &iid, TAHUN, m("kata_penunjang", "pendek"))
                .await
                .unwrap_err()
                .fields()
                .keys()
                .collect::<Vec<_>>(),
            ["alasan"]
        );
        assert_eq!(
            pr::terima_peringatan(
                &l,
                &perencana,
                &iid,
                TAHUN,
                m("belanja_penunjang_dominan", alasan)
            )
            .await
            .unwrap_err()
            .kode(),
            "alasan_tidak_dapat_diterima"
        );
        assert_eq!(
            pr::terima_peringatan(
                &l,
                &perencana,
                &iid,
                TAHUN,
                m("indikator_administratif", alasan)
            )
            .await
            .unwrap_err()
            .kode(),
            "peringatan_tidak_ada"
        );
        let p = pr::terima_peringatan(&l, &perencana, &iid, TAHUN, m("kata_penunjang", alasan))
            .await
            .unwrap();
        let ks = pr::keselarasan(&l, &perencana, &iid, TAHUN, None)
            .await
            .unwrap();
        let t = ks
            .program
            .iter()
            .find(|p| p.kode == "1.03.02")
            .unwrap()
            .peringatan
            .iter()
            .find(|t| t.kode == "kata_penunjang")
            .unwrap()
            .clone();
        assert_eq!(
            t.diterima.as_ref().map(|d| d.id.as_str()),
            Some(p.id.as_str())
        );
        // Bukti berubah (kata baru): penerimaan lama tidak berlaku.
        let belanja2 = belanja.replace(
            "Perjalanan koordinasi lapangan",
            "Perjalanan koordinasi dan sosialisasi",
        );
        diterima(
            &impor::impor_belanja(&l, &perencana, &iid, TAHUN, "b.csv", belanja2.as_bytes())
                .await
                .unwrap(),
        );
        let ks = pr::keselarasan(&l, &perencana, &iid, TAHUN, None)
            .await
            .unwrap();
        let t = ks
            .program
            .iter()
            .find(|p| p.kode == "1.03.02")
            .unwrap()
            .peringatan
            .iter()
            .find(|t| t.kode == "kata_penunjang")
            .unwrap()
            .clone();
        assert!(t.diterima.is_none(), "{b:?}: bukti berubah, terbuka lagi");
        pr::cabut_penerimaan(&l, &perencana, &iid, TAHUN, &p.id)
            .await
            .unwrap();
        assert!(
            pr::cabut_penerimaan(&l, &perencana, &iid, TAHUN, &p.id)
                .await
                .is_err()
        );

        // Konfigurasi: ambang belanja penunjang 3 % membuat program jalan tidak selaras.
        let k0 = pr::konfigurasi(&l, &perencana, &iid).await.unwrap();
        assert_eq!(k0.versi, 0);
        let mut isi = k0.isi.clone();
        isi["keselarasan"]["ambang_belanja_penunjang_persen"] = json!("3");
        let salah = pr::KonfigurasiInstansi {
            isi: json!({"nilai_uang": {"ambang_penyerapan": "120"}}),
            versi: 0,
        };
        assert!(
            pr::ubah_konfigurasi(&l, &perencana, &iid, salah)
                .await
                .unwrap_err()
                .fields()
                .contains_key("isi.nilai_uang.ambang_penyerapan")
        );
        let k1 = pr::ubah_konfigurasi(
            &l,
            &perencana,
            &iid,
            pr::KonfigurasiInstansi { isi, versi: 0 },
        )
        .await
        .unwrap();
        assert_eq!(k1.versi, 1);
        let ks = pr::keselarasan(&l, &perencana, &iid, TAHUN, None)
            .await
            .unwrap();
        assert!(
            !ks.program
                .iter()
                .find(|p| p.kode == "1.03.02")
                .unwrap()
                .selaras
        );
        assert!(matches!(
            pr::ubah_konfigurasi(&l, &aktor(&iid, &[Peran::Keuangan]), &iid, k1.clone()).await,
            Err(Galat::Dilarang(_))
        ));
        assert_eq!(
            pr::ubah_konfigurasi(
                &l,
                &perencana,
                &iid,
                pr::KonfigurasiInstansi { versi: 0, ..k1 }
            )
            .await
            .unwrap_err()
            .kode(),
            "konflik"
        );
    }
}

/// Perubahan nomenklatur yang dimuat admin berlaku untuk rencana tahunnya;
/// rencana yang ditetapkan dibaca terhadap nomenklatur yang dipatoknya.
#[tokio::test]
async fn perubahan_nomenklatur_dan_patokan() {
    for b in backend_uji() {
        let (l, sis, iid) = siapkan(b).await;
        let perencana = aktor(&iid, &[Peran::Perencana]);
        let th = 2027;
        let rencana = rencana_draf().replace(
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,,,,,,,,,,500000000",
            "Pengelolaan Pelayanan Kesehatan Kerja dan Olahraga,Jumlah Pekerja yang Dilayani,Orang,positif,,200,50,100,150,200,500000000",
        );
        diterima(
            &impor::impor_rencana(&l, &perencana, &iid, th, "r.csv", rencana.as_bytes())
                .await
                .unwrap(),
        );
        let tidak_dikenal = |ks: &pr::JawabanKeselarasan| -> Vec<String> {
            ks.program
                .iter()
                .flat_map(|p| p.alasan.iter())
                .filter(|a| a.kode == "kode_tidak_dikenal")
                .filter_map(|a| a.subkegiatan.clone())
                .collect()
        };
        let awal = tidak_dikenal(
            &pr::keselarasan(&l, &perencana, &iid, th, None)
                .await
                .unwrap(),
        );
        assert!(!awal.contains(&"1.02.02.2.02.0015".to_string()), "{awal:?}");
        let m = |kode: &str| impor::MasukanVersi {
            kode: kode.into(),
            judul: "Perubahan uji".into(),
            dasar: "pemutakhiran_2027".into(),
            berlaku_tahun: 2027,
            tanggal_penetapan: format!("2026-0{}-01", kode.len() % 9 + 1),
        };
        let hapus = "tindakan,pemda,kode,nama\nhapus,kabupaten_kota,1.02.02.2.02.0015,\n";
        // Hanya super admin; berkas salah ditolak dengan baris.
        assert!(matches!(
            impor::impor_nomenklatur(&l, &perencana, m("A-1"), "h.csv", hapus.as_bytes()).await,
            Err(Galat::Dilarang(_))
        ));
        let salah = impor::impor_nomenklatur(
            &l,
            &sis,
            m("A-1"),
            "h.csv",
            b"tindakan,pemda,kode\nganti,desa,x\n",
        )
        .await
        .unwrap();
        assert!(!salah.laporan.diterima);
        assert_eq!(
            salah
                .laporan
                .galat
                .iter()
                .map(|c| c.kolom.as_str())
                .collect::<Vec<_>>(),
            ["tindakan", "pemda", "kode"]
        );
        let h = impor::impor_nomenklatur(&l, &sis, m("A-1"), "h.csv", hapus.as_bytes())
            .await
            .unwrap();
        assert!(h.laporan.diterima, "{}", h.laporan.ke_teks(Bahasa::Id));
        assert_eq!(h.versi.unwrap().jumlah_hapus, 1);
        assert!(
            impor::impor_nomenklatur(&l, &sis, m("A-1"), "h.csv", hapus.as_bytes())
                .await
                .is_err(),
            "nomor ganda"
        );
        let ks = pr::keselarasan(&l, &perencana, &iid, th, None)
            .await
            .unwrap();
        assert!(
            tidak_dikenal(&ks).contains(&"1.02.02.2.02.0015".to_string()),
            "{b:?}: dihapus perubahan"
        );
        // Penetapan mematok versi; perubahan sesudahnya tidak mengubah rencana itu.
        pr::tetapkan(&l, &perencana, &iid, th)
            .await
            .unwrap()
            .unwrap();
        let tambah = "tindakan,pemda,kode,nama,jenis\nubah,kabupaten_kota,1.02.02.2.02.0015,Pengelolaan Pelayanan Kesehatan Gizi Masyarakat,Layanan\n";
        assert!(
            impor::impor_nomenklatur(&l, &sis, m("B-22"), "t.csv", tambah.as_bytes())
                .await
                .unwrap()
                .laporan
                .diterima
        );
        let ks = pr::keselarasan(&l, &perencana, &iid, th, None)
            .await
            .unwrap();
        assert!(
            tidak_dikenal(&ks).contains(&"1.02.02.2.02.0015".to_string()),
            "dipatok"
        );
        // Draf perubahan memakai nomenklatur terkini.
        pr::buat_perubahan(&l, &perencana, &iid, th, "Penyesuaian nomenklatur")
            .await
            .unwrap();
        let ks = pr::keselarasan(&l, &perencana, &iid, th, None)
            .await
            .unwrap();
        assert!(
            !tidak_dikenal(&ks).contains(&"1.02.02.2.02.0015".to_string()),
            "{b:?}: draf terkini"
        );
        assert_eq!(
            pr::daftar_versi_nomenklatur(&l, &perencana)
                .await
                .unwrap()
                .len(),
            2
        );
    }
}

/// Kementerian/lembaga: program → kegiatan → RO (KRO dari kode RO), akun BAS
/// enam digit; gerbang memeriksa RO di bawah kegiatannya, keselarasan per
/// kegiatan dengan kelompok penunjang K/L.
#[tokio::test]
async fn rantai_kl_program_kegiatan_ro() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        let sis = Konteks::sistem();
        let m = MasukanInstansi {
            nama: "Kementerian Uji".into(),
            jenis: "kementerian".into(),
            kode_wilayah: None,
            zona_waktu: Some("WIB".into()),
            versi: None,
        };
        let iid = app::organisasi::instansi::buat(&l, &sis, m)
            .await
            .unwrap()
            .id;
        diterima(
            &impor::impor_unit(
                &l,
                &sis,
                &iid,
                "u.csv",
                b"nama,jenis\nDirektorat Gizi,lainnya\n",
            )
            .await
            .unwrap(),
        );
        let perencana = aktor(&iid, &[Peran::Perencana]);
        let isi = format!(
            "{KEPALA}Direktorat Gizi,024.01.WA,Program Dukungan Manajemen,4815,Pembinaan Gizi Masyarakat,4815.QDB.001,Bantuan makanan tambahan balita,Jumlah Balita yang Menerima Makanan Tambahan,Orang,positif,,1000,250,500,750,1000,2000000000\n"
        );
        let lap = impor::impor_rencana(&l, &perencana, &iid, TAHUN, "r.csv", isi.as_bytes())
            .await
            .unwrap();
        diterima(&lap);
        assert!(
            lap.info.iter().all(|c| !c.pesan.contains("nomenklatur")),
            "K/L tidak dinilai terhadap nomenklatur Kemendagri"
        );
        let belanja = "subkegiatan_kode,kode_rekening,uraian,jumlah\n4815.QDB.001,524111,Perjalanan dinas,900000000\n4815.QDB.001,526111,Bantuan makanan,1100000000\n4815.QDB.001,5.1.02.04.01.0001,Kode pemda,1\n";
        let lap = impor::impor_belanja(&l, &perencana, &iid, TAHUN, "b.csv", belanja.as_bytes())
            .await
            .unwrap();
        assert_eq!(
            lap.galat
                .iter()
                .map(|c| (c.baris, c.kolom.as_str()))
                .collect::<Vec<_>>(),
            [(4, "kode_rekening")],
            "{b:?}"
        );
        let belanja: String = belanja.lines().take(3).map(|x| format!("{x}\n")).collect();
        diterima(
            &impor::impor_belanja(&l, &perencana, &iid, TAHUN, "b.csv", belanja.as_bytes())
                .await
                .unwrap(),
        );
        // Gerbang: RO diawali kode kegiatannya → lolos.
        pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        let ks = pr::keselarasan(&l, &perencana, &iid, TAHUN, None)
            .await
            .unwrap();
        assert_eq!(ks.program.len(), 1);
        assert_eq!(ks.program[0].kode, "4815", "dikelompokkan per kegiatan");
        assert_eq!(ks.program[0].porsi_belanja_penunjang_persen, "45.00");
        assert!(ks.program[0].selaras.eq(&false), "45 % ≥ ambang 30 %");
        assert!(
            ks.program[0]
                .alasan
                .iter()
                .all(|a| a.kode != "kode_tidak_dikenal" && a.kode != "kode_di_luar_program")
        );
    }
}
