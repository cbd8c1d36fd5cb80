//! Lanjutan isu 9 pada SQLite dan PostgreSQL: realisasi indikator hasil
//! program/kegiatan (tabel, kunci periode, bukti dan verifikasi yang sama
//! dengan keluaran sub kegiatan), tanpa mengubah nilai uang; pejabat
//! penanggung jawab yang ditetapkan; kolom tambahan `lokasi` impor rencana.

use app::impor::{self, LaporanImpor};
use app::organisasi::instansi::MasukanInstansi;
use app::perencanaan::{self as pr, MasukanKunci, TanyaNilaiUang};
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use store::uji::{backend_uji, db_baru};

const TAHUN: i64 = 2025;

const KEPALA: &str = "unit,program_kode,program_nama,kegiatan_kode,kegiatan_nama,subkegiatan_kode,subkegiatan_nama,indikator,satuan,polaritas,baseline,target,target_tw1,target_tw2,target_tw3,target_tw4,pagu\n";

/// Dua program: gizi (dengan indikator hasil program dan kegiatan) dan jalan.
fn rencana() -> String {
    format!(
        "{KEPALA}\
Dinas Kesehatan > Bidang Kesehatan Masyarakat,1.02.02,Program Pemenuhan Upaya Kesehatan,1.02.02.2.02,Penyediaan Layanan Kesehatan,1.02.02.2.02.0015,Pengelolaan Pelayanan Kesehatan Gizi Masyarakat,Jumlah Balita yang Menerima Makanan Tambahan,Orang,positif,,400,100,200,300,400,1000000000\n\
Dinas PUPR,1.03.02,Program Penyelenggaraan Jalan,1.03.02.2.01,Penyelenggaraan Jalan Kabupaten/Kota,1.03.02.2.01.0015,Rekonstruksi Jalan,Panjang Jalan yang Direkonstruksi,Km,positif,0,10,2,5,8,10,2000000000\n\
Dinas Kesehatan,1.02.02,,,,,,Persentase balita gizi buruk yang ditangani,%,positif,70,90,75,80,85,90,\n\
Dinas Kesehatan,1.02.02,,,,,,Prevalensi stunting,%,negatif,30,20,,,,,\n\
Dinas Kesehatan > Bidang Kesehatan Masyarakat,1.02.02,,1.02.02.2.02,,,,Cakupan layanan gizi rujukan,%,positif,50,65,,,,,\n"
    )
}

fn diterima(l: &LaporanImpor) {
    assert!(l.diterima, "ditolak: {}", l.ke_teks(Bahasa::Id));
}

struct Uji {
    l: Layanan,
    iid: String,
    perencana: Konteks,
    keuangan: Konteks,
    /// Pimpinan Dinas Kesehatan (unit program 1.02.02).
    kadinkes: Konteks,
    /// Pimpinan Dinas PUPR (unit lain).
    kadis_pupr: Konteks,
}

async fn siapkan(b: store::Backend) -> Uji {
    siapkan_dengan(b, true).await
}

async fn siapkan_dengan(b: store::Backend, tetapkan: bool) -> Uji {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let sis = Konteks::sistem();
    let m = MasukanInstansi {
        nama: "Pemerintah Kota Uji".into(),
        jenis: "kota".into(),
        kode_wilayah: Some("81.71".into()),
        zona_waktu: Some("WIT".into()),
        versi: None,
    };
    let iid = app::organisasi::instansi::buat(&l, &sis, m)
        .await
        .unwrap()
        .id;
    let unit = "nama,jenis,induk\nDinas Kesehatan,perangkat_daerah,\nBidang Kesehatan Masyarakat,bidang,Dinas Kesehatan\nDinas PUPR,perangkat_daerah,\n";
    diterima(
        &impor::impor_unit(&l, &sis, &iid, "unit.csv", unit.as_bytes())
            .await
            .unwrap(),
    );
    let pegawai = "nip,nama,jenis_asn,unit,status\n198001012005011001,Kepala Dinas PUPR,pns,Dinas PUPR,\n198001012005011003,Kepala Dinas Kesehatan,pns,Dinas Kesehatan,\n198001012005011004,Staf Perencana,pns,Dinas PUPR,\n198001012005011005,Pensiunan,pns,Dinas PUPR,pensiun\n";
    diterima(
        &impor::impor_pegawai(&l, &sis, &iid, "p.csv", pegawai.as_bytes())
            .await
            .unwrap(),
    );
    let mut akun = Vec::new();
    for (nama, nip, peran) in [
        ("perencana.uji", None, Peran::Perencana),
        ("keuangan.uji", None, Peran::Keuangan),
        ("kadinkes", Some("198001012005011003"), Peran::PimpinanUnit),
        (
            "kadis.pupr",
            Some("198001012005011001"),
            Peran::PimpinanUnit,
        ),
    ] {
        let pegawai_id = match nip {
            Some(n) => Some(
                store::organisasi::pegawai_nip(l.pool(), &iid, n)
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            ),
            None => None,
        };
        let u = app::akun::buat_akun(
            &l,
            &sis,
            app::akun::AkunBaru {
                instansi_id: iid.clone(),
                username: nama.into(),
                nama: nama.into(),
                sandi: "sandi-uji-panjang-sekali".into(),
                pegawai_id: pegawai_id.clone(),
                peran: vec![peran],
            },
        )
        .await
        .unwrap();
        akun.push(Konteks::dengan(
            Aktor {
                instansi_id: iid.clone(),
                pengguna_id: u.id.clone(),
                username: u.username.clone(),
                nama: u.nama.clone(),
                pegawai_id,
                peran: vec![peran],
                hanya_baca: false,
            },
            Bahasa::Id,
        ));
    }
    let mut a = akun.into_iter();
    let (perencana, keuangan, kadinkes, kadis_pupr) = (
        a.next().unwrap(),
        a.next().unwrap(),
        a.next().unwrap(),
        a.next().unwrap(),
    );
    diterima(
        &impor::impor_rencana(&l, &perencana, &iid, TAHUN, "r.csv", rencana().as_bytes())
            .await
            .unwrap(),
    );
    if tetapkan {
        pr::tetapkan(&l, &perencana, &iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
    }
    Uji {
        l,
        iid,
        perencana,
        keuangan,
        kadinkes,
        kadis_pupr,
    }
}

const KOLOM_KEL: &str = "subkegiatan_kode,indikator,triwulan,realisasi,bukti_url\n";

fn mk(
    indikator: &str,
    realisasi: &str,
    url: Option<&str>,
    versi: i64,
) -> pr::MasukanRealisasiKeluaran {
    pr::MasukanRealisasiKeluaran {
        indikator: indikator.into(),
        realisasi: realisasi.into(),
        bukti_id: None,
        bukti_url: url.map(String::from),
        versi: Some(versi),
    }
}

/// Impor: kode program/kegiatan di `subkegiatan_kode` + nama indikator hasil
/// = realisasi indikator hasil; capaian sadar polaritas; nilai uang tetap
/// hanya membaca keluaran sub kegiatan; ekspor → impor tidak mengubah apa pun.
#[tokio::test]
async fn realisasi_indikator_hasil_lewat_impor_dan_capaiannya() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let (l, iid) = (&u.l, u.iid.as_str());
        // Nama indikator hasil program tidak dikenal di kegiatan: galat di kolom indikator.
        let salah = format!(
            "{KOLOM_KEL}1.02.02.2.02,Persentase balita gizi buruk yang ditangani,1,70,\n1.02.09,X,1,1,\n"
        );
        let lap =
            impor::impor_realisasi_keluaran(l, &u.perencana, iid, TAHUN, "k.csv", salah.as_bytes())
                .await
                .unwrap();
        assert!(!lap.diterima, "{b:?}");
        let g: Vec<(usize, &str, &str)> = lap
            .galat
            .iter()
            .map(|x| (x.baris, x.kolom.as_str(), x.pesan.as_str()))
            .collect();
        assert!(
            g.iter().any(|(n, kol, p)| *n == 2
                && *kol == "indikator"
                && p.contains("kegiatan 1.02.02.2.02")),
            "{b:?}: {g:?}"
        );
        assert!(
            g.iter()
                .any(|(n, kol, _)| *n == 3 && *kol == "subkegiatan_kode"),
            "{b:?}: {g:?}"
        );

        let isi = format!(
            "{KOLOM_KEL}\
1.02.02,persentase balita gizi buruk yang ditangani,2,72,https://contoh.go.id/gizi\n\
1.02.02,Prevalensi stunting,4,25,\n\
1.02.02.2.02,Cakupan layanan gizi rujukan,4,52,\n\
1.03.02.2.01.0015,Panjang Jalan yang Direkonstruksi,4,3,https://contoh.go.id/jalan\n"
        );
        let lap =
            impor::impor_realisasi_keluaran(l, &u.perencana, iid, TAHUN, "k.csv", isi.as_bytes())
                .await
                .unwrap();
        diterima(&lap);
        assert_eq!(lap.dibuat, 4, "{b:?}");

        // Halaman program: sel per indikator × triwulan dengan capaian.
        let rh = pr::realisasi_hasil(l, &u.perencana, iid, TAHUN, "1.02.02")
            .await
            .unwrap()
            .expect("program ditetapkan");
        assert_eq!(rh.sel.len(), 8, "{b:?}: 2 indikator × 4 triwulan");
        let sel = |nama: &str, tw: i64| {
            rh.sel
                .iter()
                .find(|x| x.indikator.starts_with(nama) && x.triwulan == tw)
                .unwrap()
        };
        let gizi = sel("Persentase balita", 2);
        assert_eq!(gizi.realisasi.as_deref(), Some("72"));
        assert_eq!(gizi.target.as_deref(), Some("80"));
        // 72 / 80 = 90 %.
        assert_eq!(gizi.capaian_persen.as_deref(), Some("90.00"), "{b:?}");
        assert!(gizi.ada_bukti && !gizi.diverifikasi);
        assert!(sel("Persentase balita", 3).capaian_persen.is_none());
        // Negatif, tanpa target triwulan: (1 + (1 − 25/20)) × 100 = 75 %.
        let st = sel("Prevalensi", 4);
        assert_eq!(st.target.as_deref(), Some("20"));
        assert_eq!(st.capaian_persen.as_deref(), Some("75.00"), "{b:?}");
        // Perencana mengisi; verifikasi milik pimpinan unit penanggung jawab.
        assert!(rh.boleh_isi && !rh.boleh_verifikasi, "{b:?}");
        let rk = pr::realisasi_hasil(l, &u.kadinkes, iid, TAHUN, "1.02.02")
            .await
            .unwrap()
            .unwrap();
        assert!(rk.boleh_isi && rk.boleh_verifikasi, "{b:?}");
        let keg = pr::realisasi_hasil(l, &u.perencana, iid, TAHUN, "1.02.02.2.02")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            keg.sel
                .iter()
                .find(|x| x.triwulan == 4)
                .unwrap()
                .capaian_persen
                .as_deref(),
            Some("80.00"),
            "{b:?}: 52 / 65"
        );
        // Sub kegiatan bukan halaman hasil.
        assert!(
            pr::realisasi_hasil(l, &u.perencana, iid, TAHUN, "1.02.02.2.02.0015")
                .await
                .unwrap()
                .is_none()
        );
        // Pimpinan PUPR tidak melihat realisasi program Dinas Kesehatan.
        assert!(
            pr::realisasi_hasil(l, &u.kadis_pupr, iid, TAHUN, "1.02.02")
                .await
                .unwrap()
                .is_none(),
            "{b:?}"
        );

        // Pohon kinerja SAKIP membaca realisasi per kunci indikator dari
        // sumber yang sama (`keluaran_ringkas`): baris hasil ada di sana.
        let r = store::perencanaan::rencana_tahun(l.pool(), iid, TAHUN)
            .await
            .unwrap();
        let r = r.iter().find(|x| x.status == "ditetapkan").unwrap();
        let ind = store::perencanaan::indikator_rencana(l.pool(), iid, &r.id)
            .await
            .unwrap();
        let kunci = &ind
            .iter()
            .find(|i| i.nama.starts_with("Persentase balita"))
            .unwrap()
            .kunci;
        let ringkas = store::sakip::keluaran_ringkas(l.pool(), iid, TAHUN)
            .await
            .unwrap();
        assert!(
            ringkas
                .iter()
                .any(|x| &x.indikator_kunci == kunci && x.triwulan == 2 && x.realisasi == "72"),
            "{b:?}"
        );

        // Nilai uang: hanya keluaran sub kegiatan.
        let t = TanyaNilaiUang {
            bulan: Some(12),
            ..Default::default()
        };
        let nu = pr::nilai_uang(l, &u.perencana, iid, TAHUN, &t)
            .await
            .unwrap();
        assert_eq!(nu.total, 2, "{b:?}");
        assert!(
            nu.subkegiatan.iter().flat_map(|x| &x.indikator).all(|i| !i
                .nama
                .starts_with("Persentase")
                && !i.nama.starts_with("Prevalensi")
                && !i.nama.starts_with("Cakupan")),
            "{b:?}"
        );
        let gizi_sub = nu
            .subkegiatan
            .iter()
            .find(|x| x.kode == "1.02.02.2.02.0015")
            .unwrap();
        // Realisasi hasil program/kegiatannya tidak bocor ke keluaran sub kegiatan.
        assert_eq!(gizi_sub.indikator.len(), 1);
        assert!(
            gizi_sub.indikator[0].realisasi.is_none(),
            "{b:?}: belum ada keluaran: {:?}",
            gizi_sub.indikator[0]
        );
        let jalan = nu
            .subkegiatan
            .iter()
            .find(|x| x.kode == "1.03.02.2.01.0015")
            .unwrap();
        assert_eq!(jalan.capaian_persen.as_deref(), Some("30.00"));

        // Ekspor → impor: baris hasil ikut dan tidak berubah.
        let isi = impor::ekspor_anggaran(
            l,
            &u.perencana,
            iid,
            TAHUN,
            impor::TabelEkspor::RealisasiKeluaran,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(isi.clone()).unwrap();
        assert!(
            teks.contains("1.02.02,Prevalensi stunting,4,25"),
            "{b:?}: {teks}"
        );
        assert!(
            teks.contains("1.02.02.2.02,Cakupan layanan gizi rujukan,4,52"),
            "{teks}"
        );
        let lap = impor::impor_realisasi_keluaran(l, &u.perencana, iid, TAHUN, "x.csv", &isi)
            .await
            .unwrap();
        diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
            (0, 0, 4),
            "{b:?}"
        );
        // Pimpinan PUPR mengekspor hanya barisnya dan tidak boleh mengimpor baris program kesehatan.
        let isi = impor::ekspor_anggaran(
            l,
            &u.kadis_pupr,
            iid,
            TAHUN,
            impor::TabelEkspor::RealisasiKeluaran,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(isi).unwrap();
        assert!(
            !teks.contains("Prevalensi") && teks.contains("Panjang Jalan"),
            "{b:?}: {teks}"
        );
        let lap = impor::impor_realisasi_keluaran(
            l,
            &u.kadis_pupr,
            iid,
            TAHUN,
            "k.csv",
            format!("{KOLOM_KEL}1.02.02,Prevalensi stunting,4,24,\n").as_bytes(),
        )
        .await
        .unwrap();
        assert!(!lap.diterima, "{b:?}");
        assert!(
            lap.galat[0].kolom == "subkegiatan_kode"
                && lap.galat[0]
                    .pesan
                    .contains("Program 1.02.02 bukan tanggung jawab"),
            "{b:?}: {:?}",
            lap.galat
        );
    }
}

/// Isian satu sel: kunci periode menolak (juga impor, utuh), tanpa bukti tidak
/// dapat diverifikasi, verifikasi oleh pimpinan unit penanggung jawab saja.
#[tokio::test]
async fn realisasi_indikator_hasil_kunci_dan_verifikasi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let (l, iid) = (&u.l, u.iid.as_str());
        let prog = "1.02.02";
        let nama = "Persentase balita gizi buruk yang ditangani";
        let x = pr::simpan_realisasi_keluaran(
            l,
            &u.kadinkes,
            iid,
            TAHUN,
            prog,
            1,
            mk(nama, "70", None, 0),
        )
        .await
        .unwrap();
        assert_eq!((x.versi, x.subkegiatan_kode.as_str()), (1, prog), "{b:?}");
        // Nama indikator yang tidak ada di program: galat di kolom indikator.
        let g = pr::simpan_realisasi_keluaran(
            l,
            &u.kadinkes,
            iid,
            TAHUN,
            prog,
            1,
            mk("Tidak ada", "1", None, 0),
        )
        .await
        .unwrap_err();
        assert!(
            g.fields()["indikator"].contains("program"),
            "{:?}",
            g.fields()
        );
        // Unit lain tidak boleh mengisi.
        assert!(matches!(
            pr::simpan_realisasi_keluaran(
                l,
                &u.kadis_pupr,
                iid,
                TAHUN,
                prog,
                1,
                mk(nama, "71", None, 1)
            )
            .await,
            Err(Galat::Dilarang(_))
        ));
        let v = pr::MasukanVerifikasi {
            indikator: nama.into(),
            catatan: None,
        };
        assert_eq!(
            pr::verifikasi_keluaran(l, &u.kadinkes, iid, TAHUN, prog, 1, v.clone())
                .await
                .unwrap_err()
                .kode(),
            "tanpa_bukti"
        );
        let x = pr::simpan_realisasi_keluaran(
            l,
            &u.perencana,
            iid,
            TAHUN,
            prog,
            1,
            mk(nama, "70", Some("https://contoh.go.id/ba"), 1),
        )
        .await
        .unwrap();
        assert_eq!(x.versi, 2);
        assert!(matches!(
            pr::verifikasi_keluaran(l, &u.kadis_pupr, iid, TAHUN, prog, 1, v.clone()).await,
            Err(Galat::Dilarang(_))
        ));
        let x = pr::verifikasi_keluaran(l, &u.kadinkes, iid, TAHUN, prog, 1, v.clone())
            .await
            .unwrap();
        assert!(x.diverifikasi_pada.is_some());
        let rh = pr::realisasi_hasil(l, &u.kadinkes, iid, TAHUN, prog)
            .await
            .unwrap()
            .unwrap();
        let s1 = rh
            .sel
            .iter()
            .find(|s| s.indikator == nama && s.triwulan == 1)
            .unwrap();
        assert!(s1.diverifikasi && s1.ada_bukti);
        // 70 / 75.
        assert_eq!(s1.capaian_persen.as_deref(), Some("93.33"));

        // Kunci triwulan II: isian dan impor yang menyentuhnya ditolak.
        pr::kunci_periode(
            l,
            &u.keuangan,
            iid,
            TAHUN,
            MasukanKunci {
                jenis: "keluaran".into(),
                periode: 2,
                alasan: None,
            },
        )
        .await
        .unwrap();
        let g = pr::simpan_realisasi_keluaran(
            l,
            &u.perencana,
            iid,
            TAHUN,
            prog,
            2,
            mk(nama, "80", None, 0),
        )
        .await
        .unwrap_err();
        assert_eq!(g.kode(), "periode_dikunci", "{b:?}");
        assert!(
            g.fields()["triwulan"].contains("Triwulan II 2025"),
            "{:?}",
            g.fields()
        );
        let isi = format!(
            "{KOLOM_KEL}1.02.02,{nama},3,82,\n1.02.02.2.02,Cakupan layanan gizi rujukan,2,40,\n"
        );
        let lap =
            impor::impor_realisasi_keluaran(l, &u.perencana, iid, TAHUN, "k.csv", isi.as_bytes())
                .await
                .unwrap();
        assert!(!lap.diterima, "{b:?}");
        assert!(
            lap.galat
                .iter()
                .any(|x| x.baris == 3 && x.kolom == "triwulan"),
            "{:?}",
            lap.galat
        );
        let ada = store::perencanaan::realisasi_keluaran(l.pool(), iid, TAHUN, 4)
            .await
            .unwrap();
        assert_eq!(ada.len(), 1, "{b:?}: berkas ditolak utuh");
        let rh = pr::realisasi_hasil(l, &u.perencana, iid, TAHUN, prog)
            .await
            .unwrap()
            .unwrap();
        assert!(
            rh.sel
                .iter()
                .filter(|s| s.triwulan == 2)
                .all(|s| s.terkunci)
        );
        // Nilai berubah: verifikasi kosong lagi.
        let x = pr::simpan_realisasi_keluaran(
            l,
            &u.kadinkes,
            iid,
            TAHUN,
            prog,
            1,
            mk(nama, "71", Some("https://contoh.go.id/ba"), x.versi),
        )
        .await
        .unwrap();
        assert!(x.diverifikasi_pada.is_none());
        // Realisasi anggaran tetap hanya untuk sub kegiatan.
        let g = pr::simpan_realisasi_anggaran(
            l,
            &u.keuangan,
            iid,
            TAHUN,
            prog,
            1,
            pr::MasukanRealisasiAnggaran {
                jumlah: "1".into(),
                versi: Some(0),
            },
        )
        .await
        .unwrap_err();
        assert!(matches!(g, Galat::TidakDitemukan(_)), "{b:?}: {g:?}");
    }
}

fn masukan_sub(d: &pr::DetailSubkegiatan, pejabat: Option<&str>) -> pr::MasukanSubkegiatan {
    pr::MasukanSubkegiatan {
        nama: d.nama.clone(),
        unit_id: d.unit_id.clone(),
        pagu: d.pagu.clone(),
        lokasi: d.lokasi.clone(),
        pejabat_id: pejabat.map(String::from),
        indikator: d.indikator.clone(),
        versi: Some(d.versi),
    }
}

/// Pejabat penanggung jawab: kepala unit menurut data kepegawaian sampai
/// perencana menetapkan pegawai lain (aktif, instansi yang sama); yang
/// ditetapkan menang, ikut ke perubahan, dan tidak dihapus impor ulang.
#[tokio::test]
async fn pejabat_penanggung_jawab_ditetapkan() {
    for b in backend_uji() {
        let u = siapkan_dengan(b, false).await;
        let (l, iid) = (&u.l, u.iid.as_str());
        let kode = "1.03.02.2.01.0015";
        let d = pr::subkegiatan(l, &u.perencana, iid, TAHUN, kode)
            .await
            .unwrap();
        assert_eq!(d.pejabat.as_deref(), Some("Kepala Dinas PUPR"), "{b:?}");
        assert_eq!(d.pejabat_asal.as_deref(), Some("kepegawaian"));
        assert!(d.pejabat_id.is_none());

        // Galat di kolom pejabat_id: tidak dikenal, tidak aktif.
        for (isi, kata) in [
            ("199901012020011999", "tidak ada"),
            ("198001012005011005", "tidak aktif"),
        ] {
            let g = pr::simpan_subkegiatan(
                l,
                &u.perencana,
                iid,
                TAHUN,
                kode,
                masukan_sub(&d, Some(isi)),
            )
            .await
            .unwrap_err();
            assert!(
                g.fields()["pejabat_id"].contains(kata),
                "{b:?} {isi}: {:?}",
                g.fields()
            );
        }
        // Pegawai instansi lain (id-nya benar, instansinya bukan).
        let sis = Konteks::sistem();
        let lain = app::organisasi::instansi::buat(
            l,
            &sis,
            MasukanInstansi {
                nama: "Pemerintah Kabupaten Lain".into(),
                jenis: "kabupaten".into(),
                kode_wilayah: Some("81.01".into()),
                zona_waktu: Some("WIT".into()),
                versi: None,
            },
        )
        .await
        .unwrap()
        .id;
        diterima(
            &impor::impor_unit(
                l,
                &sis,
                &lain,
                "u.csv",
                b"nama,jenis,induk\nBappeda,perangkat_daerah,\n",
            )
            .await
            .unwrap(),
        );
        diterima(
            &impor::impor_pegawai(
                l,
                &sis,
                &lain,
                "p.csv",
                b"nip,nama,jenis_asn,unit\n198101012005011001,Orang Lain,pns,Bappeda\n",
            )
            .await
            .unwrap(),
        );
        let orang_lain = store::organisasi::pegawai_nip(l.pool(), &lain, "198101012005011001")
            .await
            .unwrap()
            .unwrap()
            .id;
        let g = pr::simpan_subkegiatan(
            l,
            &u.perencana,
            iid,
            TAHUN,
            kode,
            masukan_sub(&d, Some(&orang_lain)),
        )
        .await
        .unwrap_err();
        assert!(g.fields().contains_key("pejabat_id"), "{b:?}");
        // Pimpinan unit tidak menulis rencana.
        assert!(matches!(
            pr::simpan_subkegiatan(
                l,
                &u.kadis_pupr,
                iid,
                TAHUN,
                kode,
                masukan_sub(&d, Some("198001012005011004"))
            )
            .await,
            Err(Galat::Dilarang(_))
        ));

        // NIP pegawai aktif: ditetapkan, menang atas kepala unit.
        let d = pr::simpan_subkegiatan(
            l,
            &u.perencana,
            iid,
            TAHUN,
            kode,
            masukan_sub(&d, Some("198001012005011004")),
        )
        .await
        .unwrap();
        assert_eq!(d.pejabat.as_deref(), Some("Staf Perencana"), "{b:?}");
        assert_eq!(d.pejabat_asal.as_deref(), Some("ditetapkan"));
        assert_eq!(d.pejabat_nip.as_deref(), Some("198001012005011004"));
        let staf = d.pejabat_id.clone().unwrap();
        // Tidak dikirim: tetap.
        let d = pr::simpan_subkegiatan(l, &u.perencana, iid, TAHUN, kode, {
            let mut m = masukan_sub(&d, None);
            m.lokasi = Some("Kecamatan Sirimau".into());
            m
        })
        .await
        .unwrap();
        assert_eq!(d.pejabat_id.as_deref(), Some(staf.as_str()), "{b:?}");

        // Program: pejabat lewat isian hasil; id pegawai juga diterima.
        let h = pr::hasil(l, &u.perencana, iid, TAHUN, "1.02.02")
            .await
            .unwrap();
        assert_eq!(h.pejabat.as_deref(), Some("Kepala Dinas Kesehatan"));
        let h = pr::simpan_hasil(
            l,
            &u.perencana,
            iid,
            TAHUN,
            "1.02.02",
            pr::MasukanHasil {
                unit_id: h.unit_id.clone(),
                pejabat_id: Some(staf.clone()),
                indikator: h.indikator.clone(),
                versi: Some(h.versi),
            },
        )
        .await
        .unwrap();
        assert_eq!(
            (h.pejabat.as_deref(), h.pejabat_asal.as_deref()),
            (Some("Staf Perencana"), Some("ditetapkan")),
            "{b:?}"
        );

        // Impor ulang rencana tidak menghapusnya; penetapan lalu perubahan menyalinnya.
        diterima(
            &impor::impor_rencana(l, &u.perencana, iid, TAHUN, "r.csv", rencana().as_bytes())
                .await
                .unwrap(),
        );
        pr::tetapkan(l, &u.perencana, iid, TAHUN)
            .await
            .unwrap()
            .unwrap();
        pr::buat_perubahan(l, &u.perencana, iid, TAHUN, "APBD perubahan")
            .await
            .unwrap();
        let d = pr::subkegiatan(l, &u.perencana, iid, TAHUN, kode)
            .await
            .unwrap();
        assert_eq!(d.status, "draf");
        assert_eq!(d.pejabat_id.as_deref(), Some(staf.as_str()), "{b:?}");
        // Teks kosong: kembali ke kepala unit.
        let d =
            pr::simpan_subkegiatan(l, &u.perencana, iid, TAHUN, kode, masukan_sub(&d, Some("")))
                .await
                .unwrap();
        assert_eq!(
            (
                d.pejabat.as_deref(),
                d.pejabat_asal.as_deref(),
                d.pejabat_id.as_deref()
            ),
            (Some("Kepala Dinas PUPR"), Some("kepegawaian"), None),
            "{b:?}"
        );
    }
}

/// Kolom tambahan `lokasi` impor rencana: disimpan di lokasi sub kegiatan
/// (yang juga diisi halaman), diekspor kembali; galat di kolomnya.
#[tokio::test]
async fn kolom_lokasi_impor_rencana() {
    for b in backend_uji() {
        let u = siapkan_dengan(b, false).await;
        let (l, iid) = (&u.l, u.iid.as_str());
        let kepala = KEPALA.replace("pagu\n", "pagu,lokasi\n");
        let baris = |lok1: &str, lok2: &str, lok_hasil: &str| {
            format!(
                "{kepala}\
Dinas PUPR,1.03.02,Program Penyelenggaraan Jalan,1.03.02.2.01,Penyelenggaraan Jalan Kabupaten/Kota,1.03.02.2.01.0015,Rekonstruksi Jalan,Panjang Jalan yang Direkonstruksi,Km,positif,0,10,2,5,8,10,2000000000,{lok1}\n\
Dinas PUPR,1.03.02,,1.03.02.2.01,,1.03.02.2.01.0015,,Jumlah Jembatan,Unit,positif,0,2,,,,2,,{lok2}\n\
Dinas Kesehatan,1.02.02,,,,,,Prevalensi stunting,%,negatif,30,20,,,,,,{lok_hasil}\n"
            )
        };
        // Galat: lokasi berbeda di dua baris, di baris indikator hasil, terlalu panjang.
        let panjang = "x".repeat(201);
        for (isi, n) in [
            (baris("Kecamatan Sirimau", "Kecamatan Nusaniwe", ""), 3),
            (baris("Kecamatan Sirimau", "", "Kecamatan Sirimau"), 4),
            (baris(&panjang, "", ""), 2),
        ] {
            let lap = impor::impor_rencana(l, &u.perencana, iid, TAHUN, "r.csv", isi.as_bytes())
                .await
                .unwrap();
            assert!(!lap.diterima, "{b:?}");
            assert!(
                lap.galat
                    .iter()
                    .any(|x| x.baris == n && x.kolom == "lokasi"),
                "{b:?} baris {n}: {:?}",
                lap.galat
            );
        }
        let lap = impor::impor_rencana(
            l,
            &u.perencana,
            iid,
            TAHUN,
            "r.csv",
            baris("Kecamatan  Sirimau", "", "").as_bytes(),
        )
        .await
        .unwrap();
        diterima(&lap);
        assert_eq!(lap.diperbarui, 1, "{b:?}: {}", lap.ke_teks(Bahasa::Id));
        let d = pr::subkegiatan(l, &u.perencana, iid, TAHUN, "1.03.02.2.01.0015")
            .await
            .unwrap();
        assert_eq!(d.lokasi.as_deref(), Some("Kecamatan Sirimau"), "{b:?}");
        // Berkas tanpa kolom lokasi (kontrak lama) tidak mengubahnya.
        diterima(
            &impor::impor_rencana(l, &u.perencana, iid, TAHUN, "r.csv", rencana().as_bytes())
                .await
                .unwrap(),
        );
        let d = pr::subkegiatan(l, &u.perencana, iid, TAHUN, "1.03.02.2.01.0015")
            .await
            .unwrap();
        assert_eq!(d.lokasi.as_deref(), Some("Kecamatan Sirimau"), "{b:?}");
        // Ekspor menulisnya kembali; ekspor → impor tidak mengubah apa pun.
        let isi = impor::ekspor_anggaran(
            l,
            &u.perencana,
            iid,
            TAHUN,
            impor::TabelEkspor::Rencana,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(isi.clone()).unwrap();
        assert!(
            teks.lines().next().unwrap().ends_with("pagu,lokasi"),
            "{teks}"
        );
        assert!(
            teks.contains("2000000000.00,Kecamatan Sirimau"),
            "{b:?}: {teks}"
        );
        let lap = impor::impor_rencana(l, &u.perencana, iid, TAHUN, "x.csv", &isi)
            .await
            .unwrap();
        diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui),
            (0, 0),
            "{b:?}: {}",
            lap.ke_teks(Bahasa::Id)
        );
    }
}

/// Komponen K/L: kolom opsional belanja, subtotal per komponen di halaman RO,
/// diekspor kembali; pemda yang mengisinya ditolak di kolomnya.
#[tokio::test]
async fn komponen_kl_di_belanja_ro() {
    for b in backend_uji() {
        let u = siapkan_dengan(b, false).await;
        let (l, iid) = (&u.l, u.iid.as_str());
        // Pemda: kolom komponen terisi = galat di kolomnya; kosong = sah.
        let pemda = "subkegiatan_kode,kode_rekening,uraian,jumlah,komponen_kode,komponen_nama\n\
1.03.02.2.01.0015,5.1.02.04.01.0001,Perjalanan dinas,1000000,051,Dukungan\n\
1.03.02.2.01.0015,5.1.02.01.01.0052,Makan minum rapat,500000,,\n";
        let lap = impor::impor_belanja(l, &u.perencana, iid, TAHUN, "b.csv", pemda.as_bytes())
            .await
            .unwrap();
        assert_eq!(
            lap.galat
                .iter()
                .map(|c| (c.baris, c.kolom.as_str()))
                .collect::<Vec<_>>(),
            [(2, "komponen_kode"), (2, "komponen_nama")],
            "{b:?}"
        );
        // Ekspor pemda tanpa komponen: bentuk kontrak lama (empat kolom).
        let sah: String = pemda.lines().skip(2).map(|x| format!("subkegiatan_kode,kode_rekening,uraian,jumlah,komponen_kode,komponen_nama\n{x}\n")).collect();
        diterima(
            &impor::impor_belanja(l, &u.perencana, iid, TAHUN, "b.csv", sah.as_bytes())
                .await
                .unwrap(),
        );
        let isi = impor::ekspor_anggaran(
            l,
            &u.perencana,
            iid,
            TAHUN,
            impor::TabelEkspor::Belanja,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(isi).unwrap();
        assert_eq!(
            teks.trim_start_matches('\u{feff}').lines().next(),
            Some("subkegiatan_kode,kode_rekening,uraian,jumlah"),
            "{b:?}"
        );
        let d = pr::subkegiatan(l, &u.perencana, iid, TAHUN, "1.03.02.2.01.0015")
            .await
            .unwrap();
        assert!(d.komponen.is_empty());

        // K/L.
        let sis = Konteks::sistem();
        let kl = app::organisasi::instansi::buat(
            l,
            &sis,
            MasukanInstansi {
                nama: "Kementerian Uji".into(),
                jenis: "kementerian".into(),
                kode_wilayah: None,
                zona_waktu: Some("WIB".into()),
                versi: None,
            },
        )
        .await
        .unwrap()
        .id;
        diterima(
            &impor::impor_unit(
                l,
                &sis,
                &kl,
                "u.csv",
                b"nama,jenis\nDirektorat Gizi,lainnya\n",
            )
            .await
            .unwrap(),
        );
        let perencana = Konteks::dengan(
            Aktor {
                instansi_id: kl.clone(),
                pengguna_id: "u-kl".into(),
                username: "kl".into(),
                nama: "KL".into(),
                pegawai_id: None,
                peran: vec![Peran::Perencana],
                hanya_baca: false,
            },
            Bahasa::Id,
        );
        let rencana = format!(
            "{KEPALA}Direktorat Gizi,024.01.WA,Program Dukungan Manajemen,4815,Pembinaan Gizi Masyarakat,4815.QDB.001,Bantuan makanan tambahan balita,Jumlah Balita yang Menerima Makanan Tambahan,Orang,positif,,1000,250,500,750,1000,2000000000\n"
        );
        diterima(
            &impor::impor_rencana(l, &perencana, &kl, TAHUN, "r.csv", rencana.as_bytes())
                .await
                .unwrap(),
        );
        let kepala = "subkegiatan_kode,kode_rekening,uraian,jumlah,komponen_kode,komponen_nama\n";
        let salah = format!(
            "{kepala}4815.QDB.001,524111,Perjalanan dinas,100,51,Dukungan\n\
4815.QDB.001,526111,Bantuan makanan,100,052,Penyediaan makanan\n\
4815.QDB.001,526112,Bantuan lain,100,052,Nama lain\n\
4815.QDB.001,521211,ATK,100,,Tanpa kode\n"
        );
        let lap = impor::impor_belanja(l, &perencana, &kl, TAHUN, "b.csv", salah.as_bytes())
            .await
            .unwrap();
        assert_eq!(
            lap.galat
                .iter()
                .map(|c| (c.baris, c.kolom.as_str()))
                .collect::<Vec<_>>(),
            [
                (2, "komponen_kode"),
                (4, "komponen_nama"),
                (5, "komponen_kode")
            ],
            "{b:?}: {:?}",
            lap.galat
        );
        let benar = format!(
            "{kepala}4815.QDB.001,524111,Perjalanan dinas,900000000,051,Dukungan Penyelenggaraan\n\
4815.QDB.001,526111,Bantuan makanan,1000000000,052,Penyediaan makanan tambahan\n\
4815.QDB.001,526112,Pengiriman,50000000,052,\n\
4815.QDB.001,521211,ATK,50000000,,\n"
        );
        diterima(
            &impor::impor_belanja(l, &perencana, &kl, TAHUN, "b.csv", benar.as_bytes())
                .await
                .unwrap(),
        );
        let d = pr::subkegiatan(l, &perencana, &kl, TAHUN, "4815.QDB.001")
            .await
            .unwrap();
        let sub: Vec<(Option<&str>, Option<&str>, &str, usize)> = d
            .komponen
            .iter()
            .map(|x| {
                (
                    x.kode.as_deref(),
                    x.nama.as_deref(),
                    x.jumlah.as_str(),
                    x.jumlah_baris,
                )
            })
            .collect();
        assert_eq!(
            sub,
            [
                (
                    Some("051"),
                    Some("Dukungan Penyelenggaraan"),
                    "900000000.00",
                    1
                ),
                (
                    Some("052"),
                    Some("Penyediaan makanan tambahan"),
                    "1050000000.00",
                    2
                ),
                (None, None, "50000000.00", 1),
            ],
            "{b:?}"
        );
        // Ekspor → impor: sama; kolom komponen ikut.
        let isi = impor::ekspor_anggaran(
            l,
            &perencana,
            &kl,
            TAHUN,
            impor::TabelEkspor::Belanja,
            impor::Format::Csv,
        )
        .await
        .unwrap();
        let teks = String::from_utf8(isi.clone()).unwrap();
        assert!(
            teks.contains(
                "4815.QDB.001,526112,Pengiriman,50000000.00,052,Penyediaan makanan tambahan"
            ),
            "{b:?}: {teks}"
        );
        diterima(
            &impor::impor_belanja(l, &perencana, &kl, TAHUN, "x.csv", &isi)
                .await
                .unwrap(),
        );
        let d2 = pr::subkegiatan(l, &perencana, &kl, TAHUN, "4815.QDB.001")
            .await
            .unwrap();
        assert_eq!(
            serde_json::to_value(&d2.komponen).unwrap(),
            serde_json::to_value(&d.komponen).unwrap()
        );
        // Bukti keselarasan: komponen yang namanya "dukungan" disebut, putusan tetap dari aturan.
        let ks = pr::keselarasan(l, &perencana, &kl, TAHUN, None)
            .await
            .unwrap();
        assert_eq!(
            ks.program[0].komponen_penunjang,
            ["4815.QDB.001 · 051 Dukungan Penyelenggaraan: 900000000.00"],
            "{b:?}"
        );
        let pemda_ks = pr::keselarasan(l, &u.perencana, iid, TAHUN, None)
            .await
            .unwrap();
        assert!(
            pemda_ks
                .program
                .iter()
                .all(|p| p.komponen_penunjang.is_empty())
        );
        // Perubahan menyalin komponen bersama rincian.
        pr::tetapkan(l, &perencana, &kl, TAHUN)
            .await
            .unwrap()
            .unwrap();
        pr::buat_perubahan(l, &perencana, &kl, TAHUN, "revisi DIPA")
            .await
            .unwrap();
        let d3 = pr::subkegiatan(l, &perencana, &kl, TAHUN, "4815.QDB.001")
            .await
            .unwrap();
        assert_eq!(d3.status, "draf");
        assert_eq!(d3.komponen.len(), 3, "{b:?}");
    }
}

/// Demo Maluku: program membawa realisasi indikator hasil (satu tertinggal);
/// nilai uang tetap hanya dari keluaran sub kegiatan.
#[tokio::test]
async fn demo_realisasi_indikator_hasil_program() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        assert!(app::demo::isi_demo(&l).await.unwrap());
        let k = Konteks::sistem();
        let semua = store::organisasi::semua_instansi(l.pool()).await.unwrap();
        let maluku = semua
            .iter()
            .find(|i| i.nama == "Pemerintah Provinsi Maluku")
            .unwrap()
            .id
            .clone();
        let rh = pr::realisasi_hasil(&l, &k, &maluku, 2026, "1.02.02")
            .await
            .unwrap()
            .expect("program gizi");
        let tw3 = rh.sel.iter().find(|s| s.triwulan == 3).unwrap();
        assert_eq!(tw3.capaian_persen.as_deref(), Some("100.00"), "{b:?}");
        assert!(tw3.ada_bukti);
        // Satu program sengaja tertinggal (realisasi = baseline).
        let mut tertinggal = 0;
        for p in ["1.02.03", "1.03.02", "1.06.04", "3.25.03", "1.01.02"] {
            if let Some(rh) = pr::realisasi_hasil(&l, &k, &maluku, 2026, p).await.unwrap()
                && rh.sel.iter().any(|s| {
                    s.triwulan == 3
                        && s.capaian_persen
                            .as_deref()
                            .and_then(rules::angka::baca_desimal)
                            .is_some_and(|c| c < rust_decimal::Decimal::ONE_HUNDRED)
                })
            {
                tertinggal += 1;
            }
        }
        assert_eq!(tertinggal, 1, "{b:?}");
        let nu = pr::nilai_uang(&l, &k, &maluku, 2026, &TanyaNilaiUang::default())
            .await
            .unwrap();
        assert!(
            nu.subkegiatan
                .iter()
                .flat_map(|x| &x.indikator)
                .all(|i| !i.nama.starts_with("Persentase balita gizi buruk")),
            "{b:?}"
        );
    }
}
