//! Serbuan masuk gagal tidak menggelembungkan memori server (isu 6, temuan 3).
//!
//! Biner `kinerja serve` yang sebenarnya diserbu lewat loopback: 4 gelombang
//! 30 percobaan masuk dengan sandi salah, serentak, tiap gelombang dari alamat
//! 127.0.0.x sendiri (agar pembatas per alamat tidak menghentikan Argon2).
//! Puncak RSS proses (VmHWM) harus tetap di bawah 100 MB: Argon2 berjalan di
//! kolam terbatas dan glibc mengembalikan blok 19 MiB-nya ke sistem.
//! Berjalan di SQLite dan, bila KINERJA_TEST_PG_URL ada, PostgreSQL.
#![cfg(target_os = "linux")]

use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BIN: &str = env!("CARGO_BIN_EXE_kinerja");
const BATAS_KB: u64 = 100 * 1024;
const GELOMBANG: usize = 4;
const PER_GELOMBANG: usize = 30;

struct Server {
    anak: Child,
    alamat: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.anak.kill();
        let _ = self.anak.wait();
    }
}

fn unik() -> String {
    format!(
        "{}{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

/// Satu permintaan HTTP/1.1 (Connection: close) dari alamat sumber tertentu;
/// status dan teks jawaban.
async fn minta(dari: &str, ke: &str, permintaan: String) -> (u16, String) {
    let sock = tokio::net::TcpSocket::new_v4().unwrap();
    sock.bind(format!("{dari}:0").parse().unwrap()).unwrap();
    let mut s = sock.connect(ke.parse().unwrap()).await.unwrap();
    s.write_all(permintaan.as_bytes()).await.unwrap();
    let mut teks = String::new();
    tokio::time::timeout(Duration::from_secs(120), s.read_to_string(&mut teks))
        .await
        .expect("server menjawab dalam 120 dtk")
        .unwrap();
    let kode = teks
        .split_whitespace()
        .nth(1)
        .and_then(|k| k.parse().ok())
        .unwrap_or(0);
    (kode, teks)
}

/// GET /masuk untuk token CSRF asli, lalu POST /masuk dengan sandi salah.
async fn masuk_salah(dari: String, ke: String, username: String) -> u16 {
    let (_, teks) = minta(
        &dari,
        &ke,
        format!("GET /masuk HTTP/1.1\r\nHost: {ke}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    let csrf = teks
        .lines()
        .filter_map(|b| b.strip_prefix("set-cookie: kinerja_csrf="))
        .map(|v| v.split(';').next().unwrap().to_string())
        .next()
        .expect("cookie CSRF tamu");
    let badan = format!("username={username}&sandi=tebakan-salah-sekali&_csrf={csrf}");
    let (kode, _) = minta(
        &dari,
        &ke,
        format!(
            "POST /masuk HTTP/1.1\r\nHost: {ke}\r\nConnection: close\r\nCookie: kinerja_csrf={csrf}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{badan}",
            badan.len()
        ),
    )
    .await;
    kode
}

fn status_kb(pid: u32, kunci: &str) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find_map(|b| b.strip_prefix(kunci))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{kunci} tidak ada di /proc/{pid}/status"))
}

fn jalankan(args: &[&str]) {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn serbu(db: &[&str], label: &str) {
    let mut args = vec![
        "user",
        "add",
        "--username",
        "admin",
        "--nama",
        "Administrator",
        "--sandi",
        "sandi-benar-panjang",
    ];
    args.extend_from_slice(db);
    jalankan(&args);
    let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
    args.extend_from_slice(db);
    let mut anak = Command::new(BIN)
        .args(&args)
        .env("KINERJA_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    // Baris pertama stdout: alamat yang dipakai (pembacaan singkat, boleh memblokir).
    let mut baris = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(anak.stdout.take().unwrap()),
        &mut baris,
    )
    .unwrap();
    let server = Server {
        alamat: baris.trim().trim_start_matches("http://").to_string(),
        anak,
    };
    let pid = server.anak.id();
    let awal = status_kb(pid, "VmRSS:");
    let mut ditolak = 0;
    for g in 0..GELOMBANG {
        let dari = format!("127.0.0.{}", 10 + g);
        let mut tugas = tokio::task::JoinSet::new();
        for i in 0..PER_GELOMBANG {
            // Akun yang ada dan nama yang tidak ada: keduanya menjalankan Argon2.
            let username = if i % 3 == 0 {
                "admin".to_string()
            } else {
                format!("tamu{g}x{i}")
            };
            tugas.spawn(masuk_salah(dari.clone(), server.alamat.clone(), username));
        }
        while let Some(k) = tugas.join_next().await {
            let k = k.unwrap();
            assert!(k == 422 || k == 429, "{label}: status {k}");
            if k == 422 {
                ditolak += 1;
            }
        }
    }
    let puncak = status_kb(pid, "VmHWM:");
    let akhir = status_kb(pid, "VmRSS:");
    eprintln!(
        "{label}: RSS awal {awal} kB, puncak (VmHWM) {puncak} kB, akhir {akhir} kB; {ditolak} percobaan sampai ke Argon2"
    );
    assert!(
        ditolak >= 60,
        "{label}: hanya {ditolak} percobaan menjalankan Argon2; serbuan tidak berarti"
    );
    assert!(
        puncak < BATAS_KB,
        "{label}: puncak RSS {puncak} kB melewati {BATAS_KB} kB"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn serbuan_masuk_gagal_tidak_menggelembungkan_memori() {
    let d = std::env::temp_dir().join(format!("kinerja-rss-{}", unik()));
    std::fs::create_dir_all(&d).unwrap();
    serbu(&["--data-dir", d.to_str().unwrap()], "SQLite").await;
    let _ = std::fs::remove_dir_all(&d);

    if let Ok(url) = std::env::var("KINERJA_TEST_PG_URL") {
        let skema = format!("t_rss_{}", unik());
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
        serbu(&["--database-url", &url_skema], "PostgreSQL").await;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA {skema} CASCADE")))
            .execute(admin.pool())
            .await
            .unwrap();
        admin.tutup().await;
    } else if std::env::var("KINERJA_WAJIB_PG").as_deref() == Ok("1") {
        panic!("KINERJA_WAJIB_PG=1 tetapi KINERJA_TEST_PG_URL tidak diatur");
    }
}
