//! `kinerja skp buka-periode` dari biner yang sudah dibangun (isu 11), di
//! atas folder data baru (SQLite) dan, bila `KINERJA_TEST_PG_URL` ada, skema
//! PostgreSQL baru: data diisi lewat `kinerja instansi add` dan `kinerja
//! import unit|pegawai`; stdout tepat satu baris JSON `{"dibuat", "sudah_ada",
//! "tanpa_atasan"}` dengan kode keluar 0; menjalankan ulang tidak membuat apa
//! pun; frekuensi yang salah keluar bukan 0 dengan pesan di stderr.

use serde_json::Value;
use std::process::Command;

mod umum;
use umum::{BIN, unik};

const UNIT: &str = "nama,jenis,induk\n\
Dinas Kesehatan,perangkat_daerah,\n\
Bidang Pelayanan,lainnya,Dinas Kesehatan\n";

/// Kadis tanpa atasan; Staf Dua cuti (tetap ber-SKP); Purna pensiun (tidak).
const PEGAWAI: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon\n\
197001012000031001,Kadis,,,pns,IV/c,Dinas Kesehatan,Kepala Dinas,,aktif,,\n\
197505052000031002,Kabid,,,pns,IV/a,Dinas Kesehatan,Kepala Bidang,197001012000031001,aktif,,\n\
198503152010011003,Staf Satu,,,pns,III/c,Dinas Kesehatan > Bidang Pelayanan,Analis,197505052000031002,aktif,,\n\
198606162010011004,Staf Dua,,,pns,III/b,Dinas Kesehatan > Bidang Pelayanan,Analis,197505052000031002,cuti,,\n\
196001011985031007,Purna,,,pns,IV/a,Dinas Kesehatan > Bidang Pelayanan,Analis,197505052000031002,pensiun,,\n";

struct Keluaran {
    kode: i32,
    stdout: String,
    stderr: String,
}

/// Menjalankan biner dengan argumen basis data `db` di belakangnya.
fn jalankan(args: &[&str], db: &[String]) -> Keluaran {
    let o = Command::new(BIN)
        .args(args)
        .args(db)
        // Lingkungan penguji tidak boleh memilih basis data lain.
        .env_remove("KINERJA_DATABASE_URL")
        .env_remove("KINERJA_DATA_DIR")
        .env_remove("KINERJA_CONFIG")
        .output()
        .expect("biner kinerja dapat dijalankan");
    Keluaran {
        kode: o.status.code().expect("keluar dengan kode, bukan sinyal"),
        stdout: String::from_utf8(o.stdout).expect("stdout UTF-8"),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn berhasil(k: &Keluaran, apa: &str) {
    assert_eq!(k.kode, 0, "{apa}: stdout {} stderr {}", k.stdout, k.stderr);
}

/// stdout harus tepat satu baris JSON (diakhiri satu `\n`) berupa objek
/// dengan tepat kunci `dibuat`, `sudah_ada`, `tanpa_atasan` (bilangan).
fn hasil_buka(k: &Keluaran) -> (u64, u64, u64) {
    berhasil(k, "skp buka-periode");
    let baris = k
        .stdout
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("stdout tanpa baris baru: {:?}", k.stdout));
    assert!(
        !baris.contains('\n'),
        "stdout lebih dari satu baris: {:?}",
        k.stdout
    );
    let v: Value =
        serde_json::from_str(baris).unwrap_or_else(|e| panic!("stdout bukan JSON ({e}): {baris}"));
    let o = v.as_object().unwrap_or_else(|| panic!("bukan objek: {v}"));
    let mut kunci: Vec<&str> = o.keys().map(String::as_str).collect();
    kunci.sort_unstable();
    assert_eq!(kunci, ["dibuat", "sudah_ada", "tanpa_atasan"], "{v}");
    let n = |x: &str| {
        o[x].as_u64()
            .unwrap_or_else(|| panic!("{x} harus bilangan: {v}"))
    };
    (n("dibuat"), n("sudah_ada"), n("tanpa_atasan"))
}

/// Seluruh skenario pada satu basis data. `db`: argumen basis data untuk
/// setiap perintah; `url`: basis data yang sama untuk diperiksa langsung.
async fn skenario(db: Vec<String>, url: String, label: &str) {
    let folder = std::env::temp_dir().join(format!("kinerja-skp-cli-berkas-{}", unik()));
    std::fs::create_dir_all(&folder).unwrap();
    let k = jalankan(
        &[
            "instansi",
            "add",
            "--nama",
            "Pemerintah Provinsi Maluku",
            "--jenis",
            "provinsi",
            "--kode-wilayah",
            "81",
        ],
        &db,
    );
    berhasil(&k, "instansi add");
    let iid = k.stdout.trim().to_string();
    assert!(
        !iid.is_empty() && !iid.contains('\n'),
        "{label}: {}",
        k.stdout
    );
    let unit = folder.join("unit.csv");
    std::fs::write(&unit, UNIT).unwrap();
    let k = jalankan(
        &["import", "unit", unit.to_str().unwrap(), "--instansi", &iid],
        &db,
    );
    berhasil(&k, "import unit");
    let pegawai = folder.join("pegawai.csv");
    std::fs::write(&pegawai, PEGAWAI).unwrap();
    let k = jalankan(
        &[
            "import",
            "pegawai",
            pegawai.to_str().unwrap(),
            "--instansi",
            &iid,
        ],
        &db,
    );
    berhasil(&k, "import pegawai");
    assert!(k.stdout.contains("5 dibuat"), "{label}: {}", k.stdout);

    // Frekuensi yang salah: bukan 0, pesan di stderr, stdout kosong, tidak ada yang dibuka.
    let k = jalankan(
        &[
            "skp",
            "buka-periode",
            "--instansi",
            &iid,
            "--tahun",
            "2026",
            "--frekuensi",
            "mingguan",
        ],
        &db,
    );
    assert_ne!(k.kode, 0, "{label}: {}", k.stdout);
    assert!(
        k.stderr.contains("frekuensi") && k.stderr.contains("mingguan"),
        "{label}: stderr {:?}",
        k.stderr
    );
    assert_eq!(k.stdout, "", "{label}");

    // Pertama: 4 SKP (pensiun tidak, cuti ya); Kadis tanpa atasan.
    let buka = |tahun: &str, tambahan: &[&str]| {
        let mut a = vec!["skp", "buka-periode", "--instansi", &iid, "--tahun", tahun];
        a.extend_from_slice(tambahan);
        let a: Vec<String> = a.iter().map(|s| s.to_string()).collect();
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        jalankan(&a, &db)
    };
    let (dibuat, sudah_ada, tanpa_atasan) = hasil_buka(&buka("2026", &[]));
    assert!(dibuat > 0);
    assert_eq!((dibuat, sudah_ada, tanpa_atasan), (4, 0, 1), "{label}");
    // Kedua (frekuensi lain diabaikan sesudah periode dibuka): tidak membuat apa pun.
    let k = buka("2026", &["--frekuensi", "bulanan"]);
    assert_eq!(hasil_buka(&k), (0, dibuat, 1), "{label}");
    // Instansi menurut namanya, tahun lain, frekuensi bulanan.
    let a = [
        "skp",
        "buka-periode",
        "--instansi",
        "Pemerintah Provinsi Maluku",
        "--tahun",
        "2027",
        "--frekuensi",
        "bulanan",
    ];
    assert_eq!(hasil_buka(&jalankan(&a, &db)), (4, 0, 1), "{label}");
    // Tahun di luar rentang: bukan 0, pesan di stderr.
    let k = buka("1800", &[]);
    assert_ne!(k.kode, 0, "{label}");
    assert!(k.stderr.contains("galat"), "{label}: {:?}", k.stderr);
    assert_eq!(k.stdout, "");

    // Yang tersimpan: frekuensi pertama dipertahankan; satu SKP aktif per pegawai ber-SKP.
    let d = store::Db::buka(&url).await.unwrap();
    let p26 = store::skp::periode(d.pool(), &iid, 2026)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p26.frekuensi, "triwulanan", "{label}");
    let p27 = store::skp::periode(d.pool(), &iid, 2027)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p27.frekuensi, "bulanan", "{label}");
    assert!(
        store::skp::periode(d.pool(), &iid, 1800)
            .await
            .unwrap()
            .is_none()
    );
    let skp = store::skp::daftar_skp(d.pool(), &iid, 2026, None)
        .await
        .unwrap();
    assert_eq!(skp.len(), 4, "{label}");
    let purna = store::organisasi::pegawai_nip(d.pool(), &iid, "196001011985031007")
        .await
        .unwrap()
        .unwrap();
    assert!(skp.iter().all(|s| s.pegawai_id != purna.id && s.aktif == 1));
    assert_eq!(
        skp.iter()
            .filter(|s| s.masalah_penilai.as_deref() == Some("tanpa_atasan"))
            .count(),
        1
    );
    d.tutup().await;
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skp_buka_periode_mencetak_satu_baris_json_dan_idempoten() {
    let d = std::env::temp_dir().join(format!("kinerja-skp-cli-{}", unik()));
    std::fs::create_dir_all(&d).unwrap();
    let url = format!("sqlite://{}", d.join("kinerja.db").display());
    skenario(
        vec!["--data-dir".into(), d.to_str().unwrap().into()],
        url,
        "SQLite",
    )
    .await;
    let _ = std::fs::remove_dir_all(&d);

    if let Ok(url) = std::env::var("KINERJA_TEST_PG_URL") {
        let skema = format!("t_skp_cli_{}", unik());
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
        let d = std::env::temp_dir().join(format!("kinerja-skp-cli-pg-{}", unik()));
        skenario(
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
