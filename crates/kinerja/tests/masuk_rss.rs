//! Serbuan masuk gagal tidak menggelembungkan memori server (isu 6, temuan 3).
//!
//! Biner `kinerja serve` yang sebenarnya diserbu lewat loopback: 4 gelombang
//! 30 percobaan masuk dengan sandi salah, serentak, tiap gelombang dari alamat
//! 127.0.0.x sendiri (agar pembatas per alamat tidak menghentikan Argon2).
//! Puncak RSS proses (VmHWM) harus tetap di bawah 100 MB: Argon2 berjalan di
//! kolam terbatas dan glibc mengembalikan blok 19 MiB-nya ke sistem.
//! Berjalan di SQLite dan, bila KINERJA_TEST_PG_URL ada, PostgreSQL.
//!
//! Begitu pula unggahan berkas jahat (temuan 1–2): sel di XFD1048576, tabel
//! teks bersama "100 miliar", sejuta baris, dan CSV 100.001 baris, masing-
//! masing dua kali serentak, lewat API impor dengan sesi admin.
#![cfg(target_os = "linux")]

use std::process::{Command, Stdio};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod umum;
use umum::{BIN, Server, unik};

const BATAS_KB: u64 = 100 * 1024;
/// Tambahan ukuran biner sejak crate laporan (typst dan fon tertanam).
const BATAS_BINER_KB: u64 = 12 * 1024;
/// Pertumbuhan RSS paling banyak selama unggahan jahat serentak.
const BATAS_TUMBUH_UNGGAH_KB: u64 = 64 * 1024;
const GELOMBANG: usize = 4;
const PER_GELOMBANG: usize = 30;

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

/// Masuk dengan sandi benar; cookie sesi dan token CSRF sesi (dari halaman akun).
async fn masuk_benar(ke: &str, username: &str, sandi: &str) -> (String, String) {
    let dari = "127.0.0.1";
    let (_, teks) = minta(
        dari,
        ke,
        format!("GET /masuk HTTP/1.1\r\nHost: {ke}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    let tamu = teks
        .lines()
        .filter_map(|b| b.strip_prefix("set-cookie: kinerja_csrf="))
        .map(|v| v.split(';').next().unwrap().to_string())
        .next()
        .expect("cookie CSRF tamu");
    let badan = format!("username={username}&sandi={sandi}&_csrf={tamu}");
    let (kode, teks) = minta(
        dari,
        ke,
        format!(
            "POST /masuk HTTP/1.1\r\nHost: {ke}\r\nConnection: close\r\nCookie: kinerja_csrf={tamu}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{badan}",
            badan.len()
        ),
    )
    .await;
    assert_eq!(kode, 303, "masuk: {teks}");
    let sesi = teks
        .lines()
        .filter_map(|b| b.strip_prefix("set-cookie: kinerja_sesi="))
        .map(|v| v.split(';').next().unwrap().to_string())
        .next()
        .expect("cookie sesi");
    let (_, akun) = minta(
        dari,
        ke,
        format!("GET /akun HTTP/1.1\r\nHost: {ke}\r\nConnection: close\r\nCookie: kinerja_sesi={sesi}\r\n\r\n"),
    )
    .await;
    let i = akun
        .find("name=\"_csrf\" value=\"")
        .expect("token CSRF sesi")
        + 20;
    let csrf = akun[i..].split('"').next().unwrap().to_string();
    (sesi, csrf)
}

/// POST berkas ke API impor pegawai; status jawaban.
async fn unggah(
    ke: String,
    sesi: String,
    csrf: String,
    iid: String,
    nama: String,
    isi: Vec<u8>,
) -> u16 {
    let sock = tokio::net::TcpSocket::new_v4().unwrap();
    let mut s = sock.connect(ke.parse().unwrap()).await.unwrap();
    let kepala = format!(
        "POST /api/v1/instansi/{iid}/pegawai/impor?nama_berkas={nama} HTTP/1.1\r\nHost: {ke}\r\nConnection: close\r\n\
         Cookie: kinerja_sesi={sesi}\r\nx-csrf-token: {csrf}\r\nContent-Type: application/octet-stream\r\n\
         Content-Length: {}\r\n\r\n",
        isi.len()
    );
    s.write_all(kepala.as_bytes()).await.unwrap();
    s.write_all(&isi).await.unwrap();
    let mut teks = Vec::new();
    tokio::time::timeout(Duration::from_secs(300), s.read_to_end(&mut teks))
        .await
        .expect("server menjawab dalam 300 dtk")
        .unwrap();
    String::from_utf8_lossy(&teks)
        .split_whitespace()
        .nth(1)
        .and_then(|k| k.parse().ok())
        .unwrap_or(0)
}

fn mulai_server(db: &[&str]) -> Server {
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
    Server {
        alamat: baris.trim().trim_start_matches("http://").to_string(),
        anak,
    }
}

async fn unggah_jahat(db: &[&str], label: &str) {
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
    let mut args = vec![
        "instansi",
        "add",
        "--nama",
        "Pemerintah Kota Tual",
        "--jenis",
        "kota",
        "--kode-wilayah",
        "81.72",
    ];
    args.extend_from_slice(db);
    let out = Command::new(BIN).args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let iid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let server = mulai_server(db);
    let pid = server.anak.id();
    let (sesi, csrf) = masuk_benar(&server.alamat, "admin", "sandi-benar-panjang").await;
    let jahat = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/berkas-jahat");
    let mut berkas: Vec<(String, Vec<u8>)> = [
        "sel-xfd1048576.xlsx",
        "teks-bersama-100-miliar.xlsx",
        "sejuta-baris.xlsx",
    ]
    .iter()
    .map(|n| {
        (
            n.to_string(),
            std::fs::read(format!("{jahat}/{n}")).unwrap(),
        )
    })
    .collect();
    let mut csv = String::from("nip,nama,jenis_asn,unit");
    for _ in 0..100_001 {
        csv.push_str("\nx,y,z,w");
    }
    berkas.push(("banyak.csv".into(), csv.into_bytes()));
    let awal = status_kb(pid, "VmRSS:");
    for (nama, isi) in &berkas {
        let mut tugas = tokio::task::JoinSet::new();
        for _ in 0..2 {
            tugas.spawn(unggah(
                server.alamat.clone(),
                sesi.clone(),
                csrf.clone(),
                iid.clone(),
                nama.clone(),
                isi.clone(),
            ));
        }
        while let Some(k) = tugas.join_next().await {
            assert_eq!(k.unwrap(), 422, "{label} {nama}");
        }
    }
    let puncak = status_kb(pid, "VmHWM:");
    eprintln!("{label}: unggahan jahat, RSS awal {awal} kB, puncak (VmHWM) {puncak} kB");
    // Yang diukur adalah pertumbuhan karena unggahan; RSS awal ikut ukuran
    // biner (fon PDF tertanam crate laporan menambah ±10 MB sejak isu 10).
    assert!(
        puncak.saturating_sub(awal) < BATAS_TUMBUH_UNGGAH_KB && puncak < BATAS_KB + 28 * 1024,
        "{label}: RSS awal {awal} kB, puncak {puncak} kB (tumbuh paling banyak {BATAS_TUMBUH_UNGGAH_KB} kB)"
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
    let server = mulai_server(db);
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
    // Biner kini membawa typst dan fon PDF (crate laporan, isu 10): ±10 MB
    // lebih besar; batas mutlak naik sebanyak itu, bukan untuk Argon2.
    assert!(
        puncak < BATAS_KB + BATAS_BINER_KB,
        "{label}: puncak RSS {puncak} kB melewati {} kB",
        BATAS_KB + BATAS_BINER_KB
    );
}

/// Menjalankan `uji` di SQLite, lalu di PostgreSQL (skema sendiri) bila ada.
async fn di_kedua_basis_data<F, Fut>(uji: F)
where
    F: Fn(Vec<String>, &'static str) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let d = std::env::temp_dir().join(format!("kinerja-rss-{}", unik()));
    std::fs::create_dir_all(&d).unwrap();
    uji(
        vec!["--data-dir".into(), d.to_str().unwrap().into()],
        "SQLite",
    )
    .await;
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
        uji(vec!["--database-url".into(), url_skema], "PostgreSQL").await;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA {skema} CASCADE")))
            .execute(admin.pool())
            .await
            .unwrap();
        admin.tutup().await;
    } else if std::env::var("KINERJA_WAJIB_PG").as_deref() == Ok("1") {
        panic!("KINERJA_WAJIB_PG=1 tetapi KINERJA_TEST_PG_URL tidak diatur");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn serbuan_masuk_gagal_tidak_menggelembungkan_memori() {
    di_kedua_basis_data(|db, label| async move {
        let db: Vec<&str> = db.iter().map(String::as_str).collect();
        serbu(&db, label).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn unggahan_jahat_tidak_menggelembungkan_memori() {
    di_kedua_basis_data(|db, label| async move {
        let db: Vec<&str> = db.iter().map(String::as_str).collect();
        unggah_jahat(&db, label).await
    })
    .await;
}
