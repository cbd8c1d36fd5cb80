//! `kinerja import pegawai-siasn BERKAS --instansi ID` dari biner yang sudah
//! dibangun (isu 11), di atas folder data baru (SQLite) dan, bila
//! `KINERJA_TEST_PG_URL` ada, skema PostgreSQL baru: berkas contoh SIASN
//! diterima (kode 0), impor ulang tidak mengubah apa pun, dan unit yang tidak
//! ada ditolak (kode 2) dengan baris dan kolom SIASN-nya.

use std::process::Command;

mod umum;
use umum::{BIN, unik};

const UNIT: &str = "nama,jenis,induk\n\
Dinas Kesehatan,perangkat_daerah,\n\
Sekretariat,sekretariat,Dinas Kesehatan\n\
Dinas Pendidikan,perangkat_daerah,\n\
Sekretariat,sekretariat,Dinas Pendidikan\n";

const CONTOH: &str = include_str!("../../app/tests/data/siasn_pegawai.csv");

fn jalankan(args: &[&str], db: &[String]) -> (i32, String, String) {
    let o = Command::new(BIN)
        .args(args)
        .args(db)
        .env_remove("KINERJA_DATABASE_URL")
        .env_remove("KINERJA_DATA_DIR")
        .env_remove("KINERJA_CONFIG")
        .output()
        .expect("biner kinerja dapat dijalankan");
    (
        o.status.code().expect("kode keluar"),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn skenario(db: Vec<String>, label: &str) {
    let folder = std::env::temp_dir().join(format!("kinerja-siasn-cli-{}", unik()));
    std::fs::create_dir_all(&folder).unwrap();
    let (kode, iid, e) = jalankan(
        &[
            "instansi",
            "add",
            "--nama",
            "Pemerintah Kabupaten Sampel",
            "--jenis",
            "kabupaten",
            "--kode-wilayah",
            "81.01",
        ],
        &db,
    );
    assert_eq!(kode, 0, "{label}: {e}");
    let iid = iid.trim().to_string();
    let unit = folder.join("unit.csv");
    std::fs::write(&unit, UNIT).unwrap();
    let (kode, o, e) = jalankan(
        &["import", "unit", unit.to_str().unwrap(), "--instansi", &iid],
        &db,
    );
    assert_eq!(kode, 0, "{label}: {o} {e}");

    // Unit yang belum diimpor: ditolak, tidak ada yang ditulis.
    let rusak = folder.join("rusak.csv");
    std::fs::write(
        &rusak,
        CONTOH.replace(
            "S1;Teknik Informatika;Sekretariat;Dinas Kesehatan;",
            "S1;Teknik Informatika;Bidang Tidak Ada;Dinas Kesehatan;",
        ),
    )
    .unwrap();
    let (kode, o, _) = jalankan(
        &[
            "import",
            "pegawai-siasn",
            rusak.to_str().unwrap(),
            "--instansi",
            &iid,
        ],
        &db,
    );
    assert_eq!(kode, 2, "{label}: {o}");
    assert!(o.contains("baris 4, UNOR_NAMA"), "{label}: {o}");

    let berkas = folder.join("siasn.csv");
    std::fs::write(&berkas, CONTOH).unwrap();
    let args = [
        "import",
        "pegawai-siasn",
        berkas.to_str().unwrap(),
        "--instansi",
        &iid,
    ];
    let (kode, o, e) = jalankan(&args, &db);
    assert_eq!(kode, 0, "{label}: {o} {e}");
    assert!(o.contains("8 dibuat"), "{label}: {o}");
    let (kode, o, _) = jalankan(&args, &db);
    assert_eq!(kode, 0, "{label}: {o}");
    assert!(
        o.contains("0 dibuat, 0 diperbarui, 8 tidak berubah"),
        "{label}: {o}"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_pegawai_siasn_dari_baris_perintah() {
    let d = std::env::temp_dir().join(format!("kinerja-siasn-cli-db-{}", unik()));
    std::fs::create_dir_all(&d).unwrap();
    skenario(
        vec!["--data-dir".into(), d.to_str().unwrap().into()],
        "SQLite",
    );
    let _ = std::fs::remove_dir_all(&d);

    if let Ok(url) = std::env::var("KINERJA_TEST_PG_URL") {
        let skema = format!("t_siasn_cli_{}", unik());
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
        let d = std::env::temp_dir().join(format!("kinerja-siasn-cli-pg-{}", unik()));
        skenario(
            vec![
                "--database-url".into(),
                url_skema,
                "--data-dir".into(),
                d.to_str().unwrap().into(),
            ],
            "PostgreSQL",
        );
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
