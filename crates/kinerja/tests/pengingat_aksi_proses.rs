//! Pengingat aksi perubahan (isu 13) pada biner `kinerja serve` yang
//! sebenarnya: proses dibunuh (`kill -9`) di tengah putaran pengingat,
//! dinyalakan lagi, dan setiap peristiwa (tonggak, jenis, jatuh tempo)
//! tercatat, diberitahukan dan surelnya diantre tepat sekali. SQLite dan
//! PostgreSQL.
#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod umum;
use umum::{BIN, Server, unik};

/// Proyek dengan satu tonggak yang terlambat 40 hari: tiga peristiwa
/// (alumni, mentor, BKD) per proyek.
const PROYEK: usize = 1500;

fn mulai_server(args: &[String]) -> Server {
    let mut semua: Vec<String> = ["serve", "--listen", "127.0.0.1:0", "--pekerja", "1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    semua.extend_from_slice(args);
    let mut anak = Command::new(BIN)
        .args(&semua)
        .env("KINERJA_LOG", "error")
        .env("KINERJA_TUGAS_SEWA_MS", "1500")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut baris = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(anak.stdout.take().unwrap()),
        &mut baris,
    )
    .unwrap();
    Server {
        alamat: baris.trim().trim_start_matches("http://").to_string(),
        anak,
    }
}

async fn hitung(db: &store::Db, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(db.pool())
        .await
        .unwrap();
    n
}

/// Satu instansi (WIT), mentor dan admin BKD berakun, PROYEK alumni dengan
/// satu tonggak terlambat 40 hari.
async fn isi(db: &store::Db) {
    use store::aksi_perubahan as sap;
    let l = app::Layanan::baru(db.clone());
    let k = app::Konteks::sistem();
    let w = store::sekarang();
    let i = store::organisasi::Instansi {
        id: store::id_baru(),
        nama: "Pemerintah Provinsi Maluku".into(),
        jenis: "provinsi".into(),
        kode_wilayah: Some("81".into()),
        zona_waktu: "WIT".into(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w.clone(),
    };
    let u = store::organisasi::UnitKerja {
        instansi_id: i.id.clone(),
        id: store::id_baru(),
        induk_id: None,
        nama: "BPSDM".into(),
        singkatan: None,
        jenis: "lainnya".into(),
        urutan: 0,
        berlaku_mulai: "2020-01-01".into(),
        berlaku_sampai: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w.clone(),
    };
    let orang = |nama: String, email: Option<String>| store::organisasi::Pegawai {
        instansi_id: i.id.clone(),
        id: store::id_baru(),
        nip: None,
        nama_cari: nama.to_lowercase(),
        nama,
        gelar_depan: None,
        gelar_belakang: None,
        jenis_asn: "pns".into(),
        tanggal_lahir: None,
        jenis_kelamin: None,
        golongan: None,
        unit_id: u.id.clone(),
        jabatan_id: None,
        atasan_id: None,
        status: "aktif".into(),
        email,
        telepon: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w.clone(),
    };
    let mentor = orang("Mentor".into(), Some("mentor@contoh.go.id".into()));
    let alumni: Vec<_> = (0..PROYEK)
        .map(|n| orang(format!("Alumni {n}"), None))
        .collect();
    let mut tx = db.mulai().await.unwrap();
    store::organisasi::sisipkan_instansi(&mut tx, &i)
        .await
        .unwrap();
    store::organisasi::sisipkan_unit(&mut tx, &u).await.unwrap();
    store::organisasi::sisipkan_pegawai(&mut tx, &mentor)
        .await
        .unwrap();
    store::organisasi::sisipkan_pegawai_banyak(&mut tx, &alumni)
        .await
        .unwrap();
    let ang = sap::Angkatan {
        instansi_id: i.id.clone(),
        id: store::id_baru(),
        jenis: "pka".into(),
        nama: "PKA".into(),
        penyelenggara: "BPSDM".into(),
        unit_penyelenggara_id: None,
        mulai: "2025-01-01".into(),
        selesai: "2025-05-01".into(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w.clone(),
    };
    sap::sisipkan_angkatan(&mut tx, &ang).await.unwrap();
    let hari_ini = (time::OffsetDateTime::now_utc() + time::Duration::hours(9)).date();
    let jt = rules::aksi_perubahan::teks_tanggal(hari_ini - time::Duration::days(40));
    for p in &alumni {
        let a = sap::Aksi {
            instansi_id: i.id.clone(),
            id: store::id_baru(),
            pegawai_id: p.id.clone(),
            angkatan_instansi_id: i.id.clone(),
            angkatan_id: ang.id.clone(),
            mentor_pegawai_id: Some(mentor.id.clone()),
            coach_nama: None,
            judul: format!("Proyek {}", p.nama),
            masalah: None,
            tujuan: None,
            pemangku_kepentingan: None,
            kualifikasi: None,
            usul_inovasi: 0,
            nilai_seminar: None,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        sap::sisipkan_aksi(&mut tx, &a).await.unwrap();
        sap::sisipkan_tonggak(
            &mut tx,
            &sap::Tonggak {
                instansi_id: i.id.clone(),
                id: store::id_baru(),
                aksi_id: a.id.clone(),
                urutan: 1,
                tahap: "jangka_menengah".into(),
                uraian: "Tonggak".into(),
                jatuh_tempo: jt.clone(),
                keluaran: None,
                indikator: None,
                progres_persen: "20".into(),
                diperbarui_pada: jt.clone(),
                selesai_pada: None,
                dibatalkan_alasan: None,
                rhk_id: None,
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    for (nama, pegawai, peran) in [
        ("mentor", Some(mentor.id.clone()), app::Peran::Mentor),
        ("admin.bkd", None, app::Peran::AdminInstansi),
    ] {
        app::akun::buat_akun(
            &l,
            &k,
            app::akun::AkunBaru {
                instansi_id: i.id.clone(),
                username: nama.into(),
                nama: nama.into(),
                sandi: "sandi-uji-123".into(),
                pegawai_id: pegawai,
                peran: vec![peran],
            },
        )
        .await
        .unwrap();
    }
}

async fn bunuh_lalu_lanjut(args: Vec<String>, url: String, label: &str) {
    let db = store::Db::buka(&url).await.unwrap();
    db.migrasi().await.unwrap();
    isi(&db).await;
    let semua = (PROYEK * 3) as i64;

    let s = mulai_server(&args);
    let mulai = Instant::now();
    loop {
        let n = hitung(&db, "SELECT COUNT(*) FROM pengingat_aksi").await;
        if n >= 30 {
            break;
        }
        assert!(
            mulai.elapsed() < Duration::from_secs(60),
            "{label}: putaran tidak mulai"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    drop(s); // SIGKILL di tengah putaran
    let saat_mati = hitung(&db, "SELECT COUNT(*) FROM pengingat_aksi").await;
    assert!(
        saat_mati < semua,
        "{label}: putaran sudah selesai sebelum dibunuh ({saat_mati})"
    );
    // Yang sudah tercatat sudah diberitahukan: catatan, notifikasi dan surel
    // berada di satu transaksi.
    let notif = hitung(&db, "SELECT COUNT(*) FROM notifikasi").await;
    let mentor_bkd = hitung(
        &db,
        "SELECT COUNT(*) FROM pengingat_aksi WHERE jenis IN ('terlambat_mentor', 'terlambat_bkd')",
    )
    .await;
    assert_eq!(
        notif, mentor_bkd,
        "{label}: notifikasi = peristiwa berpenerima"
    );

    // Proses baru mengklaim ulang tugas setelah sewanya habis dan menuntaskannya.
    let s = mulai_server(&args);
    let mulai = Instant::now();
    loop {
        let selesai = hitung(
            &db,
            "SELECT COUNT(*) FROM tugas WHERE jenis = 'pengingat_aksi' AND status = 'selesai'",
        )
        .await;
        if selesai == 1 {
            break;
        }
        assert!(
            mulai.elapsed() < Duration::from_secs(180),
            "{label}: tugas tidak selesai"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(s);
    assert_eq!(
        hitung(
            &db,
            "SELECT COUNT(*) FROM tugas WHERE jenis = 'pengingat_aksi'"
        )
        .await,
        1,
        "{label}: satu tugas per hari"
    );
    assert!(
        hitung(
            &db,
            "SELECT percobaan FROM tugas WHERE jenis = 'pengingat_aksi'"
        )
        .await
            >= 2,
        "{label}: tugas dijalankan ulang setelah dibunuh"
    );
    // Tepat sekali: setiap peristiwa satu catatan, mentor dan BKD masing-masing
    // satu notifikasi per proyek, surel mentor satu per proyek.
    assert_eq!(
        hitung(&db, "SELECT COUNT(*) FROM pengingat_aksi").await,
        semua,
        "{label}"
    );
    assert_eq!(
        hitung(&db, "SELECT COUNT(*) FROM notifikasi").await,
        (PROYEK * 2) as i64,
        "{label}"
    );
    assert_eq!(
        hitung(
            &db,
            "SELECT COUNT(*) FROM tugas WHERE jenis = 'kirim_surel' AND kunci LIKE 'surel:pengingat_aksi:%'"
        )
        .await,
        PROYEK as i64,
        "{label}: surel mentor sekali per proyek"
    );
    db.tutup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pengingat_yang_dibunuh_dikirim_tepat_sekali_setelah_mulai_ulang() {
    let d = std::env::temp_dir().join(format!("kinerja-pengingat-{}", unik()));
    std::fs::create_dir_all(&d).unwrap();
    let url = format!("sqlite://{}", d.join("kinerja.db").display());
    bunuh_lalu_lanjut(
        vec!["--data-dir".into(), d.to_str().unwrap().into()],
        url,
        "SQLite",
    )
    .await;
    let _ = std::fs::remove_dir_all(&d);

    if let Ok(url) = std::env::var("KINERJA_TEST_PG_URL") {
        let skema = format!("t_pengingat_{}", unik());
        let admin = store::Db::buka(&url).await.unwrap();
        sqlx::raw_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
            .execute(admin.pool())
            .await
            .unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {skema}")))
            .execute(admin.pool())
            .await
            .unwrap();
        let sep = if url.contains('?') { '&' } else { '?' };
        let url_skema = format!("{url}{sep}options=-csearch_path%3D{skema}");
        let d = std::env::temp_dir().join(format!("kinerja-pengingat-pg-{}", unik()));
        bunuh_lalu_lanjut(
            vec![
                "--database-url".into(),
                url_skema.clone(),
                "--data-dir".into(),
                d.to_str().unwrap().into(),
            ],
            url_skema,
            "PostgreSQL",
        )
        .await;
        let _ = std::fs::remove_dir_all(&d);
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA {skema} CASCADE")))
            .execute(admin.pool())
            .await
            .unwrap();
        admin.tutup().await;
    } else if std::env::var("KINERJA_WAJIB_PG").as_deref() == Ok("1") {
        panic!("KINERJA_WAJIB_PG=1 tetapi KINERJA_TEST_PG_URL tidak diatur");
    }
}
