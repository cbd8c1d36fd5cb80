//! `kinerja nomenklatur muat|list` dari biner yang sudah dibangun (isu 9), di
//! atas folder data baru (SQLite) dan, bila `KINERJA_TEST_PG_URL` ada, skema
//! PostgreSQL baru: berkas salah keluar 2 dengan laporan per baris dan tidak
//! memuat apa pun; berkas sah keluar 0 dengan satu baris JSON ringkas di
//! akhir laporan; nomor keputusan yang sama ditolak; `list` mencetak JSON per
//! perubahan.

use serde_json::Value;
use std::process::Command;

mod umum;
use umum::{BIN, unik};

struct Keluaran {
    kode: i32,
    stdout: String,
    stderr: String,
}

fn jalankan(args: &[&str], db: &[String]) -> Keluaran {
    let o = Command::new(BIN)
        .args(args)
        .args(db)
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

fn muat(berkas: &str, kode: &str, db: &[String]) -> Keluaran {
    jalankan(
        &[
            "nomenklatur",
            "muat",
            berkas,
            "--kode",
            kode,
            "--judul",
            "Perubahan uji",
            "--dasar",
            "kepmendagri_900_2024",
            "--berlaku-tahun",
            "2027",
            "--tanggal",
            "2026-03-01",
        ],
        db,
    )
}

fn skenario(db: Vec<String>, label: &str) {
    let folder = std::env::temp_dir().join(format!("kinerja-nomenklatur-cli-{}", unik()));
    std::fs::create_dir_all(&folder).unwrap();
    let salah = folder.join("salah.csv");
    std::fs::write(&salah, "tindakan,pemda,kode\nganti,desa,x\n").unwrap();
    let k = muat(salah.to_str().unwrap(), "900.1-861/2026", &db);
    assert_eq!(k.kode, 2, "{label}: {} {}", k.stdout, k.stderr);
    assert!(k.stdout.contains("tindakan"), "{label}: {}", k.stdout);
    let sah = folder.join("sah.csv");
    std::fs::write(
        &sah,
        "tindakan,pemda,kode,nama\nhapus,kabupaten_kota,1.02.02.2.02.0015,\n",
    )
    .unwrap();
    let k = muat(sah.to_str().unwrap(), "900.1-861/2026", &db);
    assert_eq!(k.kode, 0, "{label}: {} {}", k.stdout, k.stderr);
    let akhir = k.stdout.trim_end().lines().last().unwrap();
    let v: Value = serde_json::from_str(akhir).unwrap();
    assert_eq!(v["kode"], "900.1-861/2026");
    assert_eq!(
        (v["jumlah_ubah"].as_i64(), v["jumlah_hapus"].as_i64()),
        (Some(0), Some(1))
    );
    // Nomor yang sama: ditolak (bukan 0), tidak menggandakan.
    let k = muat(sah.to_str().unwrap(), "900.1-861/2026", &db);
    assert_ne!(k.kode, 0, "{label}: {}", k.stdout);
    let k = jalankan(&["nomenklatur", "list"], &db);
    assert_eq!(k.kode, 0, "{label}: {}", k.stderr);
    let baris: Vec<Value> = k
        .stdout
        .lines()
        .map(|x| serde_json::from_str(x).unwrap())
        .collect();
    assert_eq!(baris.len(), 1, "{label}: {}", k.stdout);
    assert_eq!(baris[0]["berlaku_tahun"], 2027);
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nomenklatur_muat_dan_daftar() {
    let d = std::env::temp_dir().join(format!("kinerja-nomenklatur-{}", unik()));
    std::fs::create_dir_all(&d).unwrap();
    skenario(
        vec!["--data-dir".into(), d.to_str().unwrap().into()],
        "SQLite",
    );
    let _ = std::fs::remove_dir_all(&d);

    if let Ok(url) = std::env::var("KINERJA_TEST_PG_URL") {
        let skema = format!("t_nomenklatur_cli_{}", unik());
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
        let d = std::env::temp_dir().join(format!("kinerja-nomenklatur-pg-{}", unik()));
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
