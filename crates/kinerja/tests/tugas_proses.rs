//! Tugas latar pada biner `kinerja serve` yang sebenarnya (isu 7): proses
//! dibunuh (`kill -9`) saat tugas berjalan, dinyalakan lagi, dan tugasnya
//! selesai tepat sekali (penghitung = 1). `/healthz` menjawab 200 begitu
//! alamatnya tercetak: migrasi selesai dan, dengan `--demo`, data demo serta
//! login-nya sudah ada (masuk sebagai `admin.bkd` langsung berhasil).
//! SQLite dan PostgreSQL.
#![cfg(unix)]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod umum;
use umum::{BIN, Server, unik};

fn mulai_server(db: &[String]) -> Server {
    let mut args: Vec<String> = ["serve", "--listen", "127.0.0.1:0", "--pekerja", "1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.extend_from_slice(db);
    let mut anak = Command::new(BIN)
        .args(&args)
        .env("KINERJA_LOG", "error")
        .env("KINERJA_TUGAS_UJI", "1")
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

/// GET satu jalur (HTTP/1.1, Connection: close); kode status.
fn get(alamat: &str, jalur: &str) -> u16 {
    let mut s = std::net::TcpStream::connect(alamat).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {jalur} HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut teks = String::new();
    let _ = s.read_to_string(&mut teks);
    teks.split_whitespace()
        .nth(1)
        .and_then(|k| k.parse().ok())
        .unwrap_or(0)
}

/// Satu permintaan mentah; teks jawaban lengkap.
fn minta(alamat: &str, permintaan: &str) -> String {
    let mut s = std::net::TcpStream::connect(alamat).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(permintaan.as_bytes()).unwrap();
    let mut teks = String::new();
    let _ = s.read_to_string(&mut teks);
    teks
}

/// Masuk lewat formulir (cookie CSRF tamu); kode status POST /masuk.
fn masuk(alamat: &str, username: &str, sandi: &str) -> u16 {
    let teks = minta(
        alamat,
        &format!("GET /masuk HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\n\r\n"),
    );
    let csrf = teks
        .lines()
        .filter_map(|b| b.strip_prefix("set-cookie: kinerja_csrf="))
        .map(|v| v.split(';').next().unwrap().to_string())
        .next()
        .expect("cookie CSRF tamu");
    let badan = format!("username={username}&sandi={sandi}&_csrf={csrf}");
    let teks = minta(
        alamat,
        &format!(
            "POST /masuk HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\nCookie: kinerja_csrf={csrf}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{badan}",
            badan.len()
        ),
    );
    teks.split_whitespace()
        .nth(1)
        .and_then(|k| k.parse().ok())
        .unwrap_or(0)
}

async fn status(db: &store::Db, id: &str) -> (String, i64) {
    let t = store::tugas::tugas(db.pool(), id).await.unwrap().unwrap();
    (t.status, t.percobaan)
}

async fn hitung(db: &store::Db, kunci: &str) -> i64 {
    let r: Option<(i64,)> = sqlx::query_as("SELECT nilai FROM uji_hitung WHERE kunci = $1")
        .bind(kunci)
        .fetch_optional(db.pool())
        .await
        .unwrap();
    r.map(|x| x.0).unwrap_or(0)
}

async fn tunggu_status(db: &store::Db, id: &str, ingin: &str, batas: Duration) {
    let mulai = Instant::now();
    loop {
        let (s, _) = status(db, id).await;
        if s == ingin {
            return;
        }
        assert!(
            mulai.elapsed() < batas,
            "tugas {id} tidak mencapai {ingin} (masih {s})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn bunuh_lalu_lanjut(args: Vec<String>, url: String, label: &str) {
    // Demo: begitu alamat tercetak, sehat dan login demo sudah bisa dipakai.
    let mut demo = args.clone();
    demo.push("--demo".into());
    let s = mulai_server(&demo);
    assert_eq!(get(&s.alamat, "/healthz"), 200, "{label}");
    assert_eq!(
        masuk(&s.alamat, "admin.bkd", app::demo::SANDI_DEMO),
        303,
        "{label}: login demo"
    );
    drop(s);
    let db = store::Db::buka(&url).await.unwrap();
    // Penghitung milik tes ini (tidak ada di skema produksi).
    sqlx::raw_sql("CREATE TABLE uji_hitung (kunci TEXT PRIMARY KEY, nilai BIGINT NOT NULL)")
        .execute(db.pool())
        .await
        .unwrap();
    let l = app::Layanan::baru(db.clone());
    let (t, _) = app::tugas::antre(
        &l,
        app::tugas::TugasBaru {
            kunci: Some("uji:bunuh".into()),
            ..app::tugas::TugasBaru::baru(
                app::tugas::JENIS_UJI_TIDUR,
                serde_json::json!({"ms": 4000}),
            )
        },
        None,
    )
    .await
    .unwrap();

    let s = mulai_server(&args);
    // Alamat tercetak = siap: migrasi selesai, pendengar terpasang.
    assert_eq!(get(&s.alamat, "/healthz"), 200, "{label}");
    tunggu_status(&db, &t.id, "jalan", Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    drop(s); // SIGKILL (kill -9) di tengah tidur 4 dtk
    assert_eq!(
        status(&db, &t.id).await,
        ("jalan".to_string(), 1),
        "{label}"
    );
    assert_eq!(hitung(&db, "uji:bunuh").await, 0, "{label}");

    // Proses baru mengklaim ulang setelah sewa (1,5 dtk) habis dan menyelesaikannya.
    let s = mulai_server(&args);
    assert_eq!(get(&s.alamat, "/healthz"), 200, "{label}");
    tunggu_status(&db, &t.id, "selesai", Duration::from_secs(60)).await;
    assert_eq!(
        status(&db, &t.id).await,
        ("selesai".to_string(), 2),
        "{label}"
    );
    assert_eq!(
        hitung(&db, "uji:bunuh").await,
        1,
        "{label}: selesai tepat sekali"
    );
    // Tidak ada yang menjalankannya lagi.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(hitung(&db, "uji:bunuh").await, 1, "{label}");
    drop(s);
    db.tutup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tugas_proses_yang_dibunuh_selesai_tepat_sekali_setelah_mulai_ulang() {
    let d = std::env::temp_dir().join(format!("kinerja-tugas-{}", unik()));
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
        let skema = format!("t_tugas_{}", unik());
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
        let d = std::env::temp_dir().join(format!("kinerja-tugas-pg-{}", unik()));
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
