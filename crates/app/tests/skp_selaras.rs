//! Penyelarasan SKP otomatis setelah perubahan data pegawai (isu 11) dan
//! status diberhentikan sementara, di SQLite dan PostgreSQL: perubahan lewat
//! layanan mengantrekan satu tugas `skp_selaraskan` (dihimpun), tugas itu
//! menutup SKP lama (pindah unit, pensiun, diberhentikan sementara) dan
//! membuat draf baru; diberhentikan sementara ditampilkan terpisah di
//! pemetaan dan dasbor, akunnya tetap aktif, dan kembali aktif → SKP baru;
//! mutasi antar-instansi mengantre untuk kedua instansi.

use app::akun::AkunBaru;
use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::pegawai::MasukanPegawai;
use app::organisasi::unit::MasukanUnit;
use app::skp::periode::MasukanPeriodeSkp;
use app::{Konteks, Layanan, Peran};
use store::uji::{backend_uji, db_baru};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";
const KADIS_A: &str = "197001012000031001";
const KADIS_B: &str = "197202022000031002";
const STAF1: &str = "198503152010011003";
const STAF2: &str = "196101011985031004";
const STAF3: &str = "198606162010012005";

struct Dunia {
    l: Layanan,
    iid: String,
    lain: String,
    dinas_a: String,
    dinas_b: String,
    unit_lain: String,
    tahun: i64,
}

async fn instansi(l: &Layanan, nama: &str) -> String {
    let m = MasukanInstansi {
        nama: nama.into(),
        jenis: "lembaga".into(),
        kode_wilayah: None,
        zona_waktu: Some("WIB".into()),
        versi: None,
    };
    app::organisasi::instansi::buat(l, &Konteks::sistem(), m)
        .await
        .unwrap()
        .id
}

async fn unit(l: &Layanan, iid: &str, induk: Option<&str>, nama: &str) -> String {
    let m = MasukanUnit {
        induk_id: induk.map(str::to_string),
        nama: nama.into(),
        jenis: "lainnya".into(),
        berlaku_mulai: Some("2020-01-01".into()),
        ..Default::default()
    };
    app::organisasi::unit::buat(l, &Konteks::sistem(), iid, m)
        .await
        .unwrap()
        .id
}

async fn buka(l: &Layanan, iid: &str, tahun: i64) -> app::skp::periode::HasilBukaPeriode {
    let m = MasukanPeriodeSkp {
        tahun,
        frekuensi: None,
        ambang_kurva: None,
    };
    app::skp::periode::buka_periode(l, &Konteks::sistem(), iid, &m)
        .await
        .unwrap()
}

async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let iid = instansi(&l, "Lembaga Selaras").await;
    let lain = instansi(&l, "Lembaga Tujuan").await;
    let akar = unit(&l, &iid, None, "Lembaga Selaras").await;
    let dinas_a = unit(&l, &iid, Some(&akar), "Dinas A").await;
    let dinas_b = unit(&l, &iid, Some(&akar), "Dinas B").await;
    let unit_lain = unit(&l, &lain, None, "Lembaga Tujuan").await;
    let a = "Lembaga Selaras > Dinas A";
    let bb = "Lembaga Selaras > Dinas B";
    let csv = format!(
        "{KEPALA}\n\
         {KADIS_A},Kadis A,,,pns,IV/c,{a},Kepala Dinas A,,aktif,,\n\
         {KADIS_B},Kadis B,,,pns,IV/c,{bb},Kepala Dinas B,,aktif,,\n\
         {STAF1},Staf Satu,,,pns,III/c,{a},Analis,{KADIS_A},aktif,,\n\
         {STAF2},Staf Dua,,,pns,III/d,{a},Analis,{KADIS_A},aktif,,\n\
         {STAF3},Staf Tiga,,,pns,III/b,{a},Analis,{KADIS_A},aktif,,\n"
    );
    let lap = app::impor::impor_pegawai(&l, &Konteks::sistem(), &iid, "p.csv", csv.as_bytes())
        .await
        .unwrap();
    assert!(lap.diterima, "{:?}", lap.galat);
    let hari_ini = app::organisasi::hari_ini_di(&l, &iid).await.unwrap();
    let tahun: i64 = hari_ini[..4].parse().unwrap();
    Dunia {
        l,
        iid,
        lain,
        dinas_a,
        dinas_b,
        unit_lain,
        tahun,
    }
}

async fn pid(d: &Dunia, iid: &str, nip: &str) -> String {
    store::organisasi::pegawai_nip(d.l.pool(), iid, nip)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Mengubah pegawai lewat layanan (formulir), mulai dari isinya sekarang.
async fn ubah(d: &Dunia, nip: &str, f: impl FnOnce(&mut MasukanPegawai)) {
    let p = store::organisasi::pegawai_nip(d.l.pool(), &d.iid, nip)
        .await
        .unwrap()
        .unwrap();
    let mut m = MasukanPegawai {
        nip: p.nip.clone(),
        nama: p.nama.clone(),
        gelar_depan: p.gelar_depan.clone(),
        gelar_belakang: p.gelar_belakang.clone(),
        jenis_asn: p.jenis_asn.clone(),
        golongan: p.golongan.clone(),
        unit_id: p.unit_id.clone(),
        jabatan_id: p.jabatan_id.clone(),
        atasan_id: p.atasan_id.clone(),
        status: Some(p.status.clone()),
        email: p.email.clone(),
        telepon: p.telepon.clone(),
        versi: Some(p.versi),
        tmt_penempatan: None,
    };
    f(&mut m);
    app::organisasi::pegawai::ubah(&d.l, &Konteks::sistem(), &d.iid, &p.id, m)
        .await
        .unwrap();
}

async fn tugas_selaras(l: &Layanan, iid: &str) -> Vec<(String, String)> {
    sqlx::query_as::<_, (String, String)>(
        "SELECT id, status FROM tugas WHERE jenis = 'skp_selaraskan' AND instansi_id = $1 ORDER BY dibuat_pada, id",
    )
    .bind(iid)
    .fetch_all(l.pool())
    .await
    .unwrap()
}

/// Tugas penyelarasan menunggu jendelanya tutup (15 dtk); tes memajukannya
/// lalu menjalankan antrean seperti pekerja.
async fn jalankan_tugas(l: &Layanan) -> usize {
    sqlx::query(
        "UPDATE tugas SET jalan_setelah = 0 WHERE jenis = 'skp_selaraskan' AND status = 'antre'",
    )
    .execute(l.pool())
    .await
    .unwrap();
    let mut n = 0;
    while app::tugas::jalankan_satu(l, "uji-selaras")
        .await
        .unwrap()
        .is_some()
    {
        n += 1;
        assert!(n < 20, "antrean tidak habis");
    }
    n
}

async fn skp_aktif(d: &Dunia, iid: &str, nip: &str) -> Option<store::skp::Skp> {
    let p = pid(d, iid, nip).await;
    store::skp::riwayat_skp_pegawai(d.l.pool(), iid, d.tahun, &p)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.aktif == 1)
}

#[tokio::test]
async fn perubahan_pegawai_menyelaraskan_skp_lewat_satu_tugas() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        // Tanpa periode tahun berjalan: perubahan tidak mengantre apa pun.
        ubah(&d, STAF1, |m| m.golongan = Some("III/d".into())).await;
        ubah(&d, STAF1, |m| m.status = Some("cuti".into())).await;
        assert!(tugas_selaras(l, &d.iid).await.is_empty(), "{b:?}");
        ubah(&d, STAF1, |m| m.status = Some("aktif".into())).await;

        let h = buka(l, &d.iid, d.tahun).await;
        assert_eq!(h.dibuat, 5, "{b:?}");
        // Membuka periode tidak mengantre penyelarasan.
        assert!(tugas_selaras(l, &d.iid).await.is_empty(), "{b:?}");
        let staf3 = pid(&d, &d.iid, STAF3).await;
        let akun = app::akun::buat_akun(
            l,
            &Konteks::sistem(),
            AkunBaru {
                instansi_id: d.iid.clone(),
                username: "staf.tiga".into(),
                nama: "Staf Tiga".into(),
                sandi: "sandi-uji-panjang-sekali".into(),
                pegawai_id: Some(staf3.clone()),
                peran: vec![Peran::Pegawai],
            },
        )
        .await
        .unwrap();

        // Tiga perubahan beruntun (pindah unit, pensiun, diberhentikan
        // sementara) dan satu yang tidak menyentuh SKP: satu tugas.
        let kadis_b = pid(&d, &d.iid, KADIS_B).await;
        let dinas_b = d.dinas_b.clone();
        ubah(&d, STAF1, |m| {
            m.unit_id = dinas_b;
            m.jabatan_id = None;
            m.atasan_id = Some(kadis_b.clone());
        })
        .await;
        ubah(&d, STAF2, |m| m.status = Some("pensiun".into())).await;
        ubah(&d, STAF3, |m| {
            m.status = Some("diberhentikan_sementara".into())
        })
        .await;
        ubah(&d, KADIS_A, |m| m.telepon = Some("0812345678".into())).await;
        let t = tugas_selaras(l, &d.iid).await;
        assert_eq!(t.len(), 1, "{b:?}: {t:?}");
        assert_eq!(t[0].1, "antre", "{b:?}");
        // Sebelum tugas berjalan SKP lama masih terbuka.
        assert_eq!(
            skp_aktif(&d, &d.iid, STAF1).await.unwrap().unit_id,
            d.dinas_a,
            "{b:?}"
        );

        assert_eq!(jalankan_tugas(l).await, 1, "{b:?}");
        let t = store::tugas::tugas(l.pool(), &t[0].0)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(t.status, "selesai", "{b:?}: {:?}", t.galat);
        let hasil: serde_json::Value = serde_json::from_str(t.hasil.as_deref().unwrap()).unwrap();
        assert_eq!(hasil["hasil"]["dibuat"], 1, "{b:?}: {hasil}");

        // Pindah unit: SKP lama ditutup dengan riwayatnya, draf baru di Dinas B
        // dengan penilai kepala Dinas B.
        let p1 = pid(&d, &d.iid, STAF1).await;
        let r = store::skp::riwayat_skp_pegawai(l.pool(), &d.iid, d.tahun, &p1)
            .await
            .unwrap();
        assert_eq!(r.len(), 2, "{b:?}");
        let lama = r.iter().find(|s| s.aktif == 0).unwrap();
        assert_eq!(lama.alasan_berakhir.as_deref(), Some("pindah_unit"));
        assert_eq!(lama.unit_id, d.dinas_a);
        let baru = r.iter().find(|s| s.aktif == 1).unwrap();
        assert_eq!(baru.unit_id, d.dinas_b);
        assert_eq!(baru.status, "draf");
        assert_eq!(baru.penilai_id.as_deref(), Some(kadis_b.as_str()));
        // Pensiun dan diberhentikan sementara: ditutup dengan alasannya.
        for (nip, alasan) in [(STAF2, "pensiun"), (STAF3, "diberhentikan_sementara")] {
            let p = pid(&d, &d.iid, nip).await;
            let r = store::skp::riwayat_skp_pegawai(l.pool(), &d.iid, d.tahun, &p)
                .await
                .unwrap();
            assert_eq!(r.len(), 1, "{b:?} {nip}");
            assert_eq!(r[0].aktif, 0, "{b:?} {nip}");
            assert_eq!(r[0].alasan_berakhir.as_deref(), Some(alasan), "{b:?}");
        }
        // Akun pegawai yang diberhentikan sementara tetap aktif (membaca rekamannya).
        let pg = store::akun::pengguna(l.pool(), &d.iid, &akun.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pg.aktif, 1, "{b:?}");

        // Pemetaan dan dasbor: terpisah, bukan "tanpa SKP".
        let pm = app::skp::periode::pemetaan(l, &Konteks::sistem(), &d.iid, d.tahun)
            .await
            .unwrap();
        assert_eq!(pm.belum_ber_skp, 0, "{b:?}");
        assert!(
            pm.tidak_ber_skp
                .iter()
                .any(|x| x.pegawai_id == staf3 && x.masalah == "diberhentikan_sementara"),
            "{b:?}: {:?}",
            pm.tidak_ber_skp
        );
        let ds = app::skp::dasbor::dasbor(l, &Konteks::sistem(), &d.iid, d.tahun)
            .await
            .unwrap();
        assert_eq!(ds.diberhentikan_sementara, 1, "{b:?}");
        assert_eq!(ds.pegawai, 3, "{b:?}");
        assert_eq!(ds.tanpa_skp_jumlah, 0, "{b:?}");

        // Kembali aktif: tugas baru, lalu SKP baru (yang lama tetap tertutup).
        ubah(&d, STAF3, |m| m.status = Some("aktif".into())).await;
        let t = tugas_selaras(l, &d.iid).await;
        assert_eq!(t.len(), 2, "{b:?}: {t:?}");
        assert_eq!(jalankan_tugas(l).await, 1, "{b:?}");
        let r = store::skp::riwayat_skp_pegawai(l.pool(), &d.iid, d.tahun, &staf3)
            .await
            .unwrap();
        assert_eq!(r.len(), 2, "{b:?}");
        assert_eq!(r.iter().filter(|s| s.aktif == 1).count(), 1, "{b:?}");
        let ds = app::skp::dasbor::dasbor(l, &Konteks::sistem(), &d.iid, d.tahun)
            .await
            .unwrap();
        assert_eq!((ds.diberhentikan_sementara, ds.pegawai), (0, 4), "{b:?}");
    }
}

#[tokio::test]
async fn impor_dan_mutasi_mengantre_untuk_instansi_yang_tersentuh() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        buka(l, &d.iid, d.tahun).await;
        buka(l, &d.lain, d.tahun).await;
        // Impor yang memindahkan dan memensiunkan: satu tugas; impor yang
        // tidak mengubah apa pun: tidak menambah.
        let bb = "Lembaga Selaras > Dinas B";
        let csv = format!("nip,nama,jenis_asn,unit,status\n{STAF2},Staf Dua,pns,{bb},pensiun\n");
        let k = Konteks::sistem();
        let lap = app::impor::impor_pegawai(l, &k, &d.iid, "p.csv", csv.as_bytes())
            .await
            .unwrap();
        assert!(lap.diterima, "{:?}", lap.galat);
        let lap = app::impor::impor_pegawai(l, &k, &d.iid, "p.csv", csv.as_bytes())
            .await
            .unwrap();
        assert_eq!(lap.tidak_berubah, 1);
        assert_eq!(tugas_selaras(l, &d.iid).await.len(), 1, "{b:?}");
        jalankan_tugas(l).await;
        assert!(skp_aktif(&d, &d.iid, STAF2).await.is_none(), "{b:?}");

        // Mutasi ke instansi lain: tugas untuk asal dan tujuan.
        let p1 = pid(&d, &d.iid, STAF1).await;
        let hari_ini = app::organisasi::hari_ini();
        app::organisasi::penugasan::mutasi(l, &k, &d.iid, &p1, &d.lain, &d.unit_lain, &hari_ini)
            .await
            .unwrap();
        assert_eq!(tugas_selaras(l, &d.lain).await.len(), 1, "{b:?}: tujuan");
        let asal = tugas_selaras(l, &d.iid).await;
        assert_eq!(asal.iter().filter(|t| t.1 == "antre").count(), 1, "{b:?}");
        assert_eq!(jalankan_tugas(l).await, 2, "{b:?}");
        let lama = store::skp::riwayat_skp_pegawai(l.pool(), &d.iid, d.tahun, &p1)
            .await
            .unwrap();
        assert_eq!(lama.len(), 1);
        assert_eq!(lama[0].aktif, 0);
        assert_eq!(lama[0].alasan_berakhir.as_deref(), Some("pindah_instansi"));
        let baru = skp_aktif(&d, &d.lain, STAF1).await.expect("draf di tujuan");
        assert_eq!(baru.unit_id, d.unit_lain, "{b:?}");
    }
}
