//! `kinerja sakip muat-templat` dari biner yang sudah dibangun (isu 10), di
//! atas folder data baru (SQLite) dan, bila `KINERJA_TEST_PG_URL` ada, skema
//! PostgreSQL baru: kuesioner Mendagri dan MenPAN (wp-eval-sakip) dari
//! `data/sakip/` dimuat untuk satu tahun; stdout tepat satu baris JSON
//! `{"id", "tahun", "nama"}` dengan kode keluar 0; format yang salah dan
//! berkas rusak keluar bukan 0 dengan galat per field di stderr (bahasa
//! `--lang`); yang tersimpan adalah templat LKE berjenis kuesioner.

use serde_json::Value;
use std::process::Command;

mod umum;
use umum::{BIN, unik};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/sakip/");

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

fn muat(format: &str, berkas: &str, tambahan: &[&str], db: &[String]) -> Keluaran {
    let mut a = vec![
        "sakip",
        "muat-templat",
        "--tahun",
        "2030",
        "--format",
        format,
    ];
    a.extend_from_slice(tambahan);
    a.push(berkas);
    jalankan(&a, db)
}

/// stdout tepat satu baris JSON `{"id", "nama", "tahun"}`.
fn dimuat(k: &Keluaran, label: &str) -> Value {
    assert_eq!(
        k.kode, 0,
        "{label}: stdout {} stderr {}",
        k.stdout, k.stderr
    );
    let baris = k.stdout.strip_suffix('\n').expect("diakhiri baris baru");
    assert!(!baris.contains('\n'), "{label}: {:?}", k.stdout);
    let v: Value = serde_json::from_str(baris).unwrap();
    let mut kunci: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    kunci.sort_unstable();
    assert_eq!(kunci, ["id", "nama", "tahun"], "{label}: {v}");
    assert_eq!(v["tahun"], 2030);
    v
}

async fn skenario(db: Vec<String>, url: String, label: &str) {
    let folder = std::env::temp_dir().join(format!("kinerja-sakip-cli-berkas-{}", unik()));
    std::fs::create_dir_all(&folder).unwrap();
    let mendagri = format!("{DATA}wp-eval-sakip_kuesioner_mendagri.json");
    let menpan = format!("{DATA}wp-eval-sakip_kuesioner_menpan.json");

    // Format tidak dikenal: bukan 0, galat `format` dengan pilihannya, stdout kosong.
    let k = muat("excel", &mendagri, &[], &db);
    assert_ne!(k.kode, 0, "{label}");
    assert!(
        k.stderr
            .contains("format: Pilihan: lke, kuesioner_mendagri, kuesioner_menpan"),
        "{label}: {:?}",
        k.stderr
    );
    assert_eq!(k.stdout, "");
    // Berkas rusak (bobot dimensi pertama hilang), pesan dalam bahasa Inggris.
    let rusak = folder.join("menpan-rusak.json");
    let isi = std::fs::read_to_string(&menpan).unwrap();
    std::fs::write(&rusak, isi.replacen("\"bobot\":\"25\",", "", 1)).unwrap();
    let k = muat(
        "kuesioner_menpan",
        rusak.to_str().unwrap(),
        &["--lang", "en"],
        &db,
    );
    assert_ne!(k.kode, 0, "{label}");
    assert!(
        k.stderr
            .contains("[0].kuesioner.bobot: [0].kuesioner.bobot must be between 0 and 100"),
        "{label}: {:?}",
        k.stderr
    );
    // Berkas yang tidak ada.
    let k = muat("kuesioner_menpan", "/tidak/ada.json", &[], &db);
    assert_ne!(k.kode, 0);
    assert!(k.stderr.contains("tidak dapat membaca"), "{:?}", k.stderr);

    let v = dimuat(&muat("kuesioner_mendagri", &mendagri, &[], &db), label);
    assert_eq!(
        v["nama"],
        "Kuesioner tingkat kematangan perangkat daerah (Kemendagri)"
    );
    let v = dimuat(&muat("kuesioner_menpan", &menpan, &[], &db), label);
    assert_eq!(v["nama"], "Kuesioner evaluasi kelembagaan (KemenPANRB)");

    // Yang berlaku untuk 2030: yang dimuat terakhir, templat LKE yang sah.
    let d = store::Db::buka(&url).await.unwrap();
    let mut kon = d.pool().acquire().await.unwrap();
    let t = store::sakip::templat_untuk_tahun(&mut kon, 2030)
        .await
        .unwrap()
        .unwrap();
    drop(kon);
    assert_eq!(t.id, v["id"].as_str().unwrap(), "{label}");
    let t: rules::sakip::TemplatLke = serde_json::from_str(&t.isi).unwrap();
    t.periksa().unwrap();
    assert_eq!(t.instrumen, rules::sakip::JenisInstrumen::Kuesioner);
    assert_eq!(t.kriteria().count(), 62, "{label}");
    d.tutup().await;
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sakip_muat_templat_kuesioner_dari_berkas() {
    let d = std::env::temp_dir().join(format!("kinerja-sakip-cli-{}", unik()));
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
        let skema = format!("t_sakip_cli_{}", unik());
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
        let d = std::env::temp_dir().join(format!("kinerja-sakip-cli-pg-{}", unik()));
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
