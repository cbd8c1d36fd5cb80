//! Biner `kinerja` dari luar: `serve` mencetak satu baris alamat di stdout,
//! `/healthz` menjawab 200, berhenti dengan rapi pada SIGTERM; urutan
//! konfigurasi flag > lingkungan > berkas > bawaan; `user add` membuat
//! administrator pertama; `--demo` hanya mengisi basis data kosong.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

fn folder() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "kinerja-cli-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

struct Server {
    anak: Child,
    alamat: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.anak.kill();
    }
}

fn mulai(args: &[&str], env: &[(&str, &str)]) -> Server {
    let mut c = Command::new(BIN);
    c.args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut anak = c.spawn().unwrap();
    let mut out = BufReader::new(anak.stdout.take().unwrap());
    let mut baris = String::new();
    out.read_line(&mut baris).unwrap();
    let alamat = baris.trim().trim_start_matches("http://").to_string();
    assert!(!alamat.is_empty(), "serve tidak mencetak alamat");
    Server { anak, alamat }
}

fn get(alamat: &str, jalur: &str) -> (u16, String) {
    let mut s = TcpStream::connect(alamat).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {jalur} HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut teks = String::new();
    s.read_to_string(&mut teks).unwrap();
    let kode = teks
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    (kode, teks)
}

#[test]
fn serve_alamat_healthz_dan_berhenti_rapi() {
    let d = folder();
    let mut s = mulai(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            d.to_str().unwrap(),
        ],
        &[],
    );
    assert!(
        s.alamat.starts_with("127.0.0.1:") && !s.alamat.ends_with(":0"),
        "{}",
        s.alamat
    );
    assert_eq!(get(&s.alamat, "/healthz").0, 200);
    assert!(d.join("kinerja.db").exists(), "SQLite di folder data");
    let (kode, _) = get(&s.alamat, "/metrics");
    assert_eq!(kode, 404, "metrik tertutup tanpa konfigurasi");
    Command::new("kill")
        .args(["-TERM", &s.anak.id().to_string()])
        .status()
        .unwrap();
    let mut status = None;
    for _ in 0..100 {
        if let Some(st) = s.anak.try_wait().unwrap() {
            status = Some(st);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let status = status.expect("tidak berhenti setelah SIGTERM");
    assert!(status.success(), "keluar dengan {status}");
    let mut log = String::new();
    s.anak
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(log.contains("berhenti dengan rapi"), "{log}");
}

#[test]
fn urutan_konfigurasi_flag_lingkungan_berkas() {
    let d = folder();
    std::fs::write(
        d.join("kinerja.toml"),
        "listen = \"127.0.0.1:0\"\nmetrics_on_main = true\n",
    )
    .unwrap();
    // Berkas di folder data terbaca: /metrics dibuka di pendengar utama.
    let s = mulai(&["serve", "--data-dir", d.to_str().unwrap()], &[]);
    assert_eq!(get(&s.alamat, "/metrics").0, 200);
    drop(s);
    // Lingkungan mengalahkan berkas; flag mengalahkan lingkungan.
    let sibuk = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port_sibuk = sibuk.local_addr().unwrap().port().to_string();
    let out = Command::new(BIN)
        .args(["serve", "--data-dir", d.to_str().unwrap()])
        .env("KINERJA_LISTEN", format!("127.0.0.1:{port_sibuk}"))
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "lingkungan seharusnya dipakai (port sibuk)"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(&port_sibuk));
    let s = mulai(
        &[
            "serve",
            "--data-dir",
            d.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ],
        &[("KINERJA_LISTEN", &format!("127.0.0.1:{port_sibuk}"))],
    );
    assert_ne!(
        s.alamat,
        format!("127.0.0.1:{port_sibuk}"),
        "flag mengalahkan lingkungan"
    );
    // Berkas konfigurasi yang salah ditolak dengan pesan jelas.
    std::fs::write(d.join("kinerja.toml"), "lissen = 1\n").unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--data-dir", d.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("kinerja.toml"));
}

#[test]
fn user_add_membuat_admin_pertama_dan_demo_hanya_sekali() {
    let d = folder();
    let dd = d.to_str().unwrap();
    let out = Command::new(BIN)
        .args([
            "user",
            "add",
            "--username",
            "admin",
            "--nama",
            "Administrator",
            "--data-dir",
            dd,
        ])
        .env("KINERJA_SANDI", "rahasia-panjang-1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(BIN)
        .args([
            "user",
            "add",
            "--username",
            "admin",
            "--nama",
            "Lagi",
            "--sandi",
            "rahasia-panjang-1",
            "--data-dir",
            dd,
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sudah dipakai"));
    // --demo hanya mengisi basis data kosong.
    let out = Command::new(BIN)
        .args(["seed", "--demo", "--data-dir", dd])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("demo tidak diisi ulang"));
    let d2 = folder();
    let s = mulai(
        &[
            "serve",
            "--demo",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            d2.to_str().unwrap(),
        ],
        &[],
    );
    let (kode, teks) = get(&s.alamat, "/masuk");
    assert_eq!(kode, 200);
    assert!(teks.contains("NIP"));
    drop(s);
    let s = mulai(
        &[
            "serve",
            "--demo",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            d2.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(get(&s.alamat, "/healthz").0, 200);
    drop(s);
    let out = Command::new(BIN)
        .args(["seed", "--demo", "--data-dir", d2.to_str().unwrap()])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("demo tidak diisi ulang"), "{log}");
    assert!(
        log.contains("admin.bkd") && log.contains("kinerja-demo"),
        "login demo dicetak setiap kali"
    );
}

#[test]
fn bantuan_menjelaskan_subperintah() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    let teks = String::from_utf8_lossy(&out.stdout);
    for kata in ["serve", "migrate", "seed", "user", "calc"] {
        assert!(teks.contains(kata), "--help tanpa {kata}");
    }
    let out = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let teks = String::from_utf8_lossy(&out.stdout);
    for kata in [
        "--demo",
        "--listen",
        "--data-dir",
        "--database-url",
        "KINERJA_DATABASE_URL",
    ] {
        assert!(teks.contains(kata), "serve --help tanpa {kata}");
    }
}
