//! Masuk, sesi, sandi dan token API.
//!
//! Sandi: Argon2id (parameter bawaan crate argon2) di thread pemblokir, paling
//! banyak sejumlah inti sekaligus (setiap hitungan memakai ±19 MiB).
//! Sesi: token acak di cookie, hanya hash-nya yang disimpan; setiap sesi
//! punya token CSRF sendiri. Token API: rahasia acak, disimpan ter-hash,
//! bercakupan (`baca`/`tulis`), kedaluwarsa dan dapat dicabut.
//! Percobaan masuk dibatasi per (nama pengguna, alamat) dan per alamat dengan
//! jeda yang tumbuh; akun tidak pernah dikunci untuk semua orang.
//!
//! Sandi yang hilang (isu 11, akun): diatur ulang oleh atasan pegawainya,
//! pimpinan unitnya (juga Plt./Plh.), admin BKD atau super admin
//! (`kebijakan::boleh_atur_ulang_sandi`) menjadi sandi sementara yang wajib
//! diganti saat masuk berikutnya; atau oleh pemiliknya sendiri lewat tautan
//! sekali pakai di surel (`minta_tautan_sandi`, 30 menit, hanya hash token
//! yang disimpan, jawaban selalu sama agar akun tidak dapat ditebak).

use crate::kebijakan::{self, KuasaSandi};
use crate::teks::t;
use crate::tugas::{GalatTugas, TugasBaru};
use crate::{Aktor, Bahasa, Galat, Hasil, Konteks, Layanan, Peran};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use store::akun::{Pengguna, Sesi, TokenApi, TokenSandi};
use tokio::sync::Semaphore;

pub const PANJANG_SANDI_MIN: usize = 8;

/// Mengatur alokator agar memori Argon2 kembali ke sistem. glibc menaikkan
/// ambang mmap secara dinamis setelah blok besar pertama dibebaskan, lalu
/// menyimpan blok 19 MiB berikutnya di arena per thread dan tidak
/// mengembalikannya; ambang tetap mematikan perilaku dinamis itu. Dipanggil
/// sekali di awal `main`, sebelum thread lain ada.
pub fn atur_alokator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt hanya mengubah parameter alokator; dipanggil sebelum
    // runtime dan thread lain dibuat.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

static SETELAH_ARGON2: OnceLock<fn()> = OnceLock::new();

/// Dipasang biner sekali di awal: dijalankan di thread Argon2 setelah setiap
/// hitungan, untuk mengembalikan blok 19 MiB-nya ke sistem seketika
/// (mimalloc `mi_collect`), tanpa membuat alokator melepas memori seketika
/// untuk semua permintaan lain (docs/tolok-ukur.md).
pub fn atur_setelah_argon2(f: fn()) {
    let _ = SETELAH_ARGON2.set(f);
}

/// Izin Argon2: sebanyak inti, agar serbuan masuk antre, bukan menumpuk memori.
fn izin_argon2() -> Arc<Semaphore> {
    static IZIN: OnceLock<Arc<Semaphore>> = OnceLock::new();
    IZIN.get_or_init(|| {
        let n = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(Semaphore::new(n))
    })
    .clone()
}

/// Menjalankan hitungan Argon2 di thread pemblokir setelah mendapat izin.
/// Izin ikut ke closure: bila permintaan batal, izin baru lepas saat hitungan selesai.
async fn di_kolam_argon2<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Hasil<T> {
    let izin = izin_argon2()
        .acquire_owned()
        .await
        .map_err(|e| Galat::Internal(format!("argon2: {e}")))?;
    tokio::task::spawn_blocking(move || {
        let _izin = izin;
        let hasil = f();
        if let Some(bersihkan) = SETELAH_ARGON2.get() {
            bersihkan();
        }
        hasil
    })
    .await
    .map_err(|e| Galat::Internal(e.to_string()))
}

/// Hash Argon2id dalam format PHC.
pub async fn hash_sandi(sandi: &str) -> Hasil<String> {
    let sandi = sandi.to_string();
    di_kolam_argon2(move || {
        Argon2::default()
            .hash_password(sandi.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Galat::Internal(format!("argon2: {e}")))
    })
    .await?
}

pub async fn cocok_sandi(sandi: &str, hash: &str) -> bool {
    let sandi = sandi.to_string();
    let hash = hash.to_string();
    di_kolam_argon2(move || {
        Argon2::default()
            .verify_password(sandi.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

/// Hash tiruan (parameter sama dengan hash asli) untuk nama pengguna yang
/// tidak ada: diverifikasi, bukan di-hash ulang, agar waktunya sama dan
/// nama pengguna tidak dapat ditebak. Dihitung sekali per proses.
async fn hash_tiruan() -> Hasil<&'static str> {
    static TIRUAN: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    Ok(TIRUAN
        .get_or_try_init(|| hash_sandi("kinerja-bukan-sandi-siapa-pun"))
        .await?
        .as_str())
}

/// 32 bita acak dalam heksadesimal.
pub fn token_acak() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn tanda_hmac(rahasia: &[u8], nonce: &str) -> Hmac<Sha256> {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(rahasia)
        .expect("HMAC menerima kunci sepanjang apa pun");
    m.update(b"kinerja-csrf-masuk:");
    m.update(nonce.as_bytes());
    m
}

/// Token CSRF tamu (formulir masuk): `nonce.HMAC(rahasia, nonce)`. Hanya
/// server yang dapat membuatnya, jadi pasangan cookie+isian karangan penyerang
/// ditolak.
pub fn csrf_tamu_baru(rahasia: &[u8]) -> String {
    let nonce = token_acak();
    let tanda = hex::encode(tanda_hmac(rahasia, &nonce).finalize().into_bytes());
    format!("{nonce}.{tanda}")
}

pub fn csrf_tamu_sah(rahasia: &[u8], token: &str) -> bool {
    let Some((nonce, tanda)) = token.split_once('.') else {
        return false;
    };
    let Ok(tanda) = hex::decode(tanda) else {
        return false;
    };
    nonce.len() == 64 && tanda_hmac(rahasia, nonce).verify_slice(&tanda).is_ok()
}

/// Kunci HMAC CSRF masuk yang sama untuk semua proses di basis data ini.
pub async fn rahasia_csrf(l: &Layanan) -> Hasil<Vec<u8>> {
    let nilai = store::akun::rahasia_server(l.pool(), "csrf_masuk", &token_acak()).await?;
    hex::decode(&nilai).map_err(|e| Galat::Internal(format!("rahasia_server: {e}")))
}

fn tambah_menit(menit: i64) -> String {
    store::format_waktu(time::OffsetDateTime::now_utc() + time::Duration::minutes(menit))
}

fn galat_sandi(b: Bahasa, sandi: &str) -> Option<&'static str> {
    if sandi.chars().count() < PANJANG_SANDI_MIN {
        Some(t(
            b,
            "Sandi minimal 8 karakter.",
            "The password needs at least 8 characters.",
        ))
    } else if sandi.len() > 256 {
        Some(t(
            b,
            "Sandi terlalu panjang (maksimal 256).",
            "The password is too long (at most 256).",
        ))
    } else {
        None
    }
}

/// Hasil masuk: token sesi (untuk cookie) dan aktornya.
pub struct HasilMasuk {
    pub token: String,
    pub csrf: String,
    pub aktor: Aktor,
    /// Sandi yang dipakai sementara (diatur ulang orang lain): sesi ini hanya
    /// boleh mengganti sandi sampai diganti.
    pub wajib_ganti_sandi: bool,
}

fn sekarang_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Jeda sebelum percobaan berikutnya setelah `lebih` kegagalan melewati batas:
/// 1 dtk, 2, 4, … hingga `maks` detik.
fn jeda_ms(lebih: i64, maks_detik: i64) -> i64 {
    let detik = 1_i64 << lebih.clamp(0, 30);
    detik.min(maks_detik) * 1000
}

/// Sisa jeda (ms) bila percobaan ke-(`gagal`+1) datang terlalu cepat sesudah
/// percobaan pada `terakhir`; None bila boleh.
fn sisa_jeda(gagal: i64, batas: i64, terakhir: i64, sekarang: i64, maks_detik: i64) -> Option<i64> {
    if gagal < batas {
        return None;
    }
    let boleh_pada = terakhir.saturating_add(jeda_ms(gagal - batas, maks_detik));
    (sekarang < boleh_pada).then(|| boleh_pada - sekarang)
}

fn dibatasi(b: Bahasa, jenis: &str, username: &str, alamat: &str, sisa_ms: i64) -> Galat {
    let detik = (sisa_ms + 999) / 1000;
    tracing::warn!(
        target: "kinerja::pembatasan",
        jenis,
        username,
        alamat,
        jeda_detik = detik,
        "percobaan masuk dibatasi"
    );
    let waktu = if detik < 60 {
        format!("{detik} {}", t(b, "detik", "seconds"))
    } else {
        format!("{} {}", (detik + 59) / 60, t(b, "menit", "minutes"))
    };
    Galat::TerlaluBanyak(format!(
        "{} {waktu}.",
        t(
            b,
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam",
            "Too many failed sign-in attempts. Try again in",
        )
    ))
}

/// Alamat untuk pembatas: IPv4 apa adanya (juga yang terpetakan di IPv6),
/// IPv6 per prefiks /64 — satu pelanggan biasanya memegang seluruh /64 dan
/// dapat berganti alamat di dalamnya sesuka hati.
fn alamat_pembatas(alamat: &str) -> String {
    match alamat.parse::<std::net::IpAddr>().map(|a| a.to_canonical()) {
        Ok(std::net::IpAddr::V6(a)) => {
            let s = a.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(a) => a.to_string(),
        Err(_) => alamat.to_string(),
    }
}

/// Kunci pembatas untuk pasangan (nama pengguna, alamat). Nama pengguna
/// dipotong agar masukan panjang tidak membengkakkan tabel pembatas.
pub fn kunci_pasangan(username: &str, alamat: &str) -> String {
    let u: String = username.trim().to_lowercase().chars().take(100).collect();
    format!("p:{u}|{}", alamat_pembatas(alamat))
}

pub fn kunci_alamat(alamat: &str) -> String {
    format!("a:{}", alamat_pembatas(alamat))
}

/// Membuang hitungan pembatas yang sudah dilupakan (dipanggil berkala).
pub async fn bersihkan_pembatas(l: &Layanan) -> Hasil<u64> {
    let lupa_sebelum = sekarang_ms() - l.konfigurasi.jendela_gagal_menit * 60_000;
    let n = store::akun::hapus_percobaan_lama(l.pool(), lupa_sebelum).await?;
    // Tautan atur ulang sandi yang kedaluwarsa ikut dibuang.
    Ok(n + store::akun::hapus_token_sandi_kedaluwarsa(l.pool(), &store::sekarang()).await?)
}

/// Masuk dengan NIP atau nama pengguna.
///
/// Pembatasan (tanpa pernah mengunci akun bagi semua orang):
/// - per pasangan (nama pengguna, alamat): setelah `batas_gagal_masuk`
///   percobaan, percobaan berikutnya baru boleh sesudah 1, 2, 4, … detik
///   (paling lama `jeda_maks_detik`). Percobaan dicatat secara atomik
///   SEBELUM sandi diperiksa, sehingga percobaan serentak tidak dapat
///   melewati batas; masuk yang berhasil mengosongkan pasangannya sendiri.
/// - per alamat: hanya kegagalan yang dihitung, dengan batas jauh lebih
///   tinggi (`batas_gagal_alamat`), agar pengguna lain di balik NAT yang
///   sama tidak ikut tertahan oleh satu orang.
///
/// Percobaan yang dibatasi dijawab 429 tanpa menjalankan Argon2.
pub async fn masuk(
    l: &Layanan,
    b: Bahasa,
    username: &str,
    sandi: &str,
    alamat: &str,
) -> Hasil<HasilMasuk> {
    let username = username.trim();
    let k = &l.konfigurasi;
    let pool = l.pool();
    let sekarang = sekarang_ms();
    let lupa_sebelum = sekarang - k.jendela_gagal_menit * 60_000;
    let kunci_pasangan = kunci_pasangan(username, alamat);
    let kunci_alamat = kunci_alamat(alamat);
    if let Some((gagal, terakhir)) = store::akun::baca_percobaan(pool, &kunci_alamat).await? {
        if terakhir >= lupa_sebelum {
            if let Some(sisa) = sisa_jeda(
                gagal,
                k.batas_gagal_alamat,
                terakhir,
                sekarang,
                k.jeda_maks_detik,
            ) {
                return Err(dibatasi(b, "alamat", username, alamat, sisa));
            }
        }
    }
    let klaim = store::akun::catat_percobaan(pool, &kunci_pasangan, sekarang, lupa_sebelum).await?;
    if let Some(sisa) = sisa_jeda(
        klaim.jumlah - 1,
        k.batas_gagal_masuk,
        klaim.sebelumnya,
        sekarang,
        k.jeda_maks_detik,
    ) {
        return Err(dibatasi(b, "pasangan", username, alamat, sisa));
    }
    let salah = || {
        let mut f = BTreeMap::new();
        f.insert(
            "sandi".to_string(),
            t(
                b,
                "NIP/nama pengguna atau sandi salah.",
                "Wrong NIP/username or password.",
            )
            .to_string(),
        );
        Galat::InputTidakValid {
            kode: "gagal_masuk".into(),
            pesan: t(
                b,
                "NIP/nama pengguna atau sandi salah.",
                "Wrong NIP/username or password.",
            )
            .into(),
            fields: f,
        }
    };
    let pengguna = store::akun::pengguna_untuk_masuk(pool, username).await?;
    let cocok = match &pengguna {
        Some(p) => cocok_sandi(sandi, &p.hash_sandi).await,
        None => {
            // Waktu yang sama dengan akun yang ada, agar nama pengguna tidak bisa ditebak.
            let _ = cocok_sandi(sandi, hash_tiruan().await?).await;
            false
        }
    };
    let Some(p) = pengguna.filter(|_| cocok) else {
        // Jeda pasangan dihitung dari akhir kegagalan ini.
        let selesai = sekarang_ms();
        store::akun::tandai_gagal(pool, &kunci_pasangan, selesai).await?;
        store::akun::catat_percobaan(pool, &kunci_alamat, selesai, lupa_sebelum).await?;
        return Err(salah());
    };
    // Sandi benar: hanya pasangan ini yang dikosongkan (alamat tidak).
    store::akun::bersihkan_percobaan(pool, &kunci_pasangan).await?;
    if p.aktif == 0 {
        return Err(Galat::Dilarang(
            t(
                b,
                "Akun ini tidak aktif (pegawai pensiun, pindah, atau dinonaktifkan). Hubungi admin BKD.",
                "This account is inactive (retired, moved or disabled). Contact your BKD admin.",
            )
            .into(),
        ));
    }
    let token = token_acak();
    let csrf = token_acak();
    let sesi = Sesi {
        token_hash: hash_token(&token),
        instansi_id: p.instansi_id.clone(),
        pengguna_id: p.id.clone(),
        csrf: csrf.clone(),
        dibuat_pada: store::sekarang(),
        kedaluwarsa_pada: tambah_menit(l.konfigurasi.lama_sesi_jam * 60),
    };
    store::akun::sisipkan_sesi(pool, &sesi).await?;
    let aktor = aktor_dari(l, &p, false).await?;
    let mut tx = l.db.mulai().await?;
    crate::audit::catat::<()>(
        &mut tx,
        &Konteks::dengan(aktor.clone(), b),
        &p.instansi_id,
        "masuk",
        "pengguna",
        &p.id,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    let wajib_ganti_sandi = store::akun::wajib_ganti_sandi(pool, &p.instansi_id, &p.id).await?;
    Ok(HasilMasuk {
        token,
        csrf,
        aktor,
        wajib_ganti_sandi,
    })
}

async fn aktor_dari(l: &Layanan, p: &Pengguna, hanya_baca: bool) -> Hasil<Aktor> {
    let peran = store::akun::peran(l.pool(), &p.instansi_id, &p.id)
        .await?
        .iter()
        .filter_map(|r| Peran::dari_kode(r))
        .collect();
    Ok(Aktor {
        instansi_id: p.instansi_id.clone(),
        pengguna_id: p.id.clone(),
        username: p.username.clone(),
        nama: p.nama.clone(),
        pegawai_id: p.pegawai_id.clone(),
        peran,
        hanya_baca,
    })
}

/// Pemegang sesi yang berlaku: aktornya, token CSRF sesi, bahasanya dan
/// jumlah notifikasinya yang belum dibaca, dari satu kueri.
pub struct PemegangSesi {
    pub aktor: Aktor,
    pub csrf: String,
    pub bahasa: String,
    pub belum_dibaca: i64,
    /// Sandinya sementara: sesi hanya boleh mengganti sandi (lapisan web
    /// membatasi jalurnya) sampai pemiliknya menggantinya.
    pub wajib_ganti_sandi: bool,
}

/// Pemegang sesi dari token sesi di cookie; None bila sesi tidak berlaku.
pub async fn dari_sesi(l: &Layanan, token: &str) -> Hasil<Option<PemegangSesi>> {
    let Some(m) =
        store::akun::pemilik_sesi(l.pool(), &hash_token(token), &store::sekarang()).await?
    else {
        return Ok(None);
    };
    if m.pengguna.aktif == 0 {
        return Ok(None);
    }
    Ok(Some(PemegangSesi {
        aktor: aktor_pemilik(&m, false),
        csrf: m.tambahan,
        bahasa: m.pengguna.bahasa,
        belum_dibaca: m.belum_dibaca,
        wajib_ganti_sandi: m.wajib_ganti_sandi != 0,
    }))
}

/// Aktor dari pemilik sesi/token yang dibaca dalam satu kueri.
fn aktor_pemilik(m: &store::akun::PemilikKunci, hanya_baca: bool) -> Aktor {
    let p = &m.pengguna;
    Aktor {
        instansi_id: p.instansi_id.clone(),
        pengguna_id: p.id.clone(),
        username: p.username.clone(),
        nama: p.nama.clone(),
        pegawai_id: p.pegawai_id.clone(),
        peran: m
            .peran()
            .iter()
            .filter_map(|r| Peran::dari_kode(r))
            .collect(),
        hanya_baca,
    }
}

pub async fn keluar(l: &Layanan, token: &str) -> Hasil<()> {
    store::akun::hapus_sesi(l.pool(), &hash_token(token)).await?;
    Ok(())
}

/// Aktor dari token API (`Authorization: Bearer …`).
pub async fn dari_token_api(l: &Layanan, token: &str) -> Hasil<Option<Aktor>> {
    let Some(m) =
        store::akun::pemilik_token(l.pool(), &hash_token(token), &store::sekarang()).await?
    else {
        return Ok(None);
    };
    if m.pengguna.aktif == 0 {
        return Ok(None);
    }
    Ok(Some(aktor_pemilik(&m, m.tambahan == "baca")))
}

/// Aktor yang boleh mengubah sesuatu: token API `baca` ditolak.
fn wajib_tulis(k: &Konteks) -> Hasil<&Aktor> {
    let a = k.aktor()?;
    if a.hanya_baca {
        return Err(Galat::Dilarang(
            k.t("Token ini hanya untuk membaca.", "This token is read-only.")
                .into(),
        ));
    }
    Ok(a)
}

/// Satu aturan kuasa atas akun: aktor memegang peran `kode` bila ia
/// memegangnya sendiri, atau ia super admin (memegang semua), atau ia admin
/// instansi dan perannya peran tingkat instansi (admin instansi mencakup
/// perencana, keuangan, pimpinan unit, pegawai, penilai, mentor — tetapi
/// tidak pernah super admin). Kode yang tidak dikenal tidak dipegang siapa pun
/// selain super admin.
fn memegang(a: &Aktor, kode: &str) -> bool {
    if a.super_admin() {
        return true;
    }
    match Peran::dari_kode(kode) {
        None | Some(Peran::SuperAdmin) => false,
        Some(p) => a.punya(Peran::AdminInstansi) || a.punya(p),
    }
}

/// Boleh mengelola (membuat, mengatur ulang sandi, menonaktifkan, mengubah
/// peran, mencabut token) akun di `instansi_id` yang memegang `peran_akun`:
/// admin instansi itu (atau super admin) yang memegang SETIAP peran akun itu.
/// Satu-satunya pintu untuk kuasa atas akun orang lain.
pub fn boleh_kelola_akun<'a>(
    k: &'a Konteks,
    instansi_id: &str,
    peran_akun: &[String],
) -> Hasil<&'a Aktor> {
    let a = k.boleh_kelola(instansi_id)?;
    if peran_akun.iter().all(|r| memegang(a, r)) {
        Ok(a)
    } else {
        Err(Galat::Dilarang(
            k.t(
                "Akun ini memegang peran yang tidak Anda pegang.",
                "This account holds a role you do not hold.",
            )
            .into(),
        ))
    }
}

/// Pengguna mengganti sandinya sendiri. Semua sesi lain (kecuali
/// `sesi_sekarang`, token sesi yang sedang dipakai) diputus dan semua token
/// API-nya dicabut: siapa pun yang memegang sandi lama tidak tinggal masuk.
pub async fn ganti_sandi(
    l: &Layanan,
    k: &Konteks,
    lama: &str,
    baru: &str,
    ulangi: &str,
    sesi_sekarang: Option<&str>,
) -> Hasil<()> {
    let a = wajib_tulis(k)?;
    let b = k.bahasa;
    let p = store::akun::pengguna(l.pool(), &a.instansi_id, &a.pengguna_id)
        .await?
        .ok_or_else(|| k.dilarang())?;
    let mut f = crate::galat::GalatKolom::default();
    if !cocok_sandi(lama, &p.hash_sandi).await {
        f.tambah(
            "sandi_lama",
            t(b, "Sandi lama salah.", "The current password is wrong."),
        );
    }
    if let Some(m) = galat_sandi(b, baru) {
        f.tambah("sandi_baru", m);
    }
    if baru != ulangi {
        f.tambah(
            "ulangi_sandi",
            t(
                b,
                "Ulangan sandi tidak sama.",
                "The repeated password does not match.",
            ),
        );
    }
    if baru == lama {
        f.tambah(
            "sandi_baru",
            t(
                b,
                "Sandi baru harus berbeda dari sandi sekarang.",
                "The new password must differ from the current one.",
            ),
        );
    }
    f.jadi_galat(t(
        b,
        "Sandi belum diganti.",
        "The password was not changed.",
    ))?;
    let hash = hash_sandi(baru).await?;
    let mut tx = l.db.mulai().await?;
    store::akun::ganti_sandi(
        &mut tx,
        &a.instansi_id,
        &a.pengguna_id,
        &hash,
        &store::sekarang(),
        false,
    )
    .await?;
    store::akun::hapus_token_sandi_pengguna(&mut tx, &a.instansi_id, &a.pengguna_id).await?;
    match sesi_sekarang {
        Some(tk) => {
            store::akun::hapus_sesi_lain(&mut tx, &a.instansi_id, &a.pengguna_id, &hash_token(tk))
                .await?
        }
        None => store::akun::hapus_sesi_pengguna(&mut tx, &a.instansi_id, &a.pengguna_id).await?,
    }
    store::akun::cabut_token_pengguna(&mut tx, &a.instansi_id, &a.pengguna_id, &store::sekarang())
        .await?;
    crate::audit::catat::<()>(
        &mut tx,
        k,
        &a.instansi_id,
        "ganti_sandi",
        "pengguna",
        &a.pengguna_id,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sandi sementara buatan server: 12 huruf kecil/angka yang tidak mirip satu
/// sama lain (tanpa 0/o, 1/l/i), tiga kelompok (`k7mq-x2pd-9hra`, ± 59 bit).
/// Ditampilkan sekali kepada yang mengatur ulang; pemiliknya wajib
/// menggantinya saat masuk.
pub fn sandi_sementara() -> String {
    const HURUF: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    // Penolakan bita ≥ 248 (= 8 × 31) agar setiap huruf sama peluangnya.
    let batas = (256 / HURUF.len() * HURUF.len()) as u8;
    let mut pilihan = Vec::with_capacity(12);
    let mut r = rand::rng();
    while pilihan.len() < 12 {
        let mut b = [0u8; 32];
        r.fill_bytes(&mut b);
        pilihan.extend(
            b.iter()
                .filter(|x| **x < batas)
                .map(|x| HURUF[usize::from(*x) % HURUF.len()]),
        );
    }
    let mut s = String::with_capacity(14);
    for (i, c) in pilihan.into_iter().take(12).enumerate() {
        if i > 0 && i % 4 == 0 {
            s.push('-');
        }
        s.push(c as char);
    }
    s
}

/// Akun sasaran atur ulang sandi dan perannya. Bagi yang bukan admin
/// instansi itu, akun instansi lain dan akun yang tidak ada sama-sama 403
/// (keberadaan akun tidak bocor); admin tetap mendapat 404.
async fn akun_sasaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<(Pengguna, Vec<String>)> {
    let a = wajib_tulis(k)?;
    let admin = k.boleh_kelola(instansi_id).is_ok();
    if !admin && a.instansi_id != instansi_id {
        return Err(k.dilarang());
    }
    let Some(p) = store::akun::pengguna(l.pool(), instansi_id, pengguna_id).await? else {
        return Err(if admin {
            Galat::TidakDitemukan(k.t("Pengguna tidak ditemukan.", "User not found.").into())
        } else {
            k.dilarang()
        });
    };
    let peran = store::akun::peran(l.pool(), instansi_id, pengguna_id).await?;
    Ok((p, peran))
}

/// Mengatur ulang sandi akun orang lain menjadi `baru` (diketik yang
/// mengatur ulang): admin BKD, super admin, atau atasan/pimpinan unit/Plt.
/// pegawai pemilik akun (`kebijakan::boleh_atur_ulang_sandi`). Sandi itu
/// sementara: pemiliknya wajib menggantinya saat masuk berikutnya. Semua
/// sesi akun itu diputus, semua token API-nya dicabut, tautan surel yang
/// belum dipakai dibatalkan; dicatat di audit dan diberitahukan kepada
/// pemiliknya.
pub async fn atur_ulang_sandi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pengguna_id: &str,
    baru: &str,
) -> Hasil<()> {
    let (p, peran) = akun_sasaran(l, k, instansi_id, pengguna_id).await?;
    let kuasa = kebijakan::boleh_atur_ulang_sandi(l, k, &p, &peran).await?;
    if let Some(m) = galat_sandi(k.bahasa, baru) {
        let mut f = BTreeMap::new();
        f.insert("sandi_baru".to_string(), m.to_string());
        return Err(Galat::input(m, f));
    }
    simpan_atur_ulang(l, k, &p, baru, kuasa).await
}

/// Seperti `atur_ulang_sandi`, dengan sandi sementara buatan server yang
/// dikembalikan sekali ini saja.
pub async fn atur_ulang_sandi_sementara(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<String> {
    let (p, peran) = akun_sasaran(l, k, instansi_id, pengguna_id).await?;
    let kuasa = kebijakan::boleh_atur_ulang_sandi(l, k, &p, &peran).await?;
    let sandi = sandi_sementara();
    simpan_atur_ulang(l, k, &p, &sandi, kuasa).await?;
    Ok(sandi)
}

/// Atur ulang sandi akun milik pegawai `pegawai_id` (tombol di halaman
/// pegawai); sandi sementara buatan server dikembalikan sekali ini saja.
pub async fn atur_ulang_sandi_pegawai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<String> {
    kebijakan::wajib(
        k,
        kebijakan::Aksi::Baca,
        kebijakan::Sumber::Pegawai(instansi_id),
    )?;
    let Some(p) = store::akun::pengguna_pegawai(l.pool(), instansi_id, pegawai_id).await? else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Pegawai ini belum punya akun.",
                "This employee has no account.",
            )
            .into(),
        ));
    };
    let peran = store::akun::peran(l.pool(), instansi_id, &p.id).await?;
    let kuasa = kebijakan::boleh_atur_ulang_sandi(l, k, &p, &peran).await?;
    let sandi = sandi_sementara();
    simpan_atur_ulang(l, k, &p, &sandi, kuasa).await?;
    Ok(sandi)
}

/// Aktor boleh mengatur ulang sandi akun pegawai ini (untuk menampilkan
/// tombolnya); false bila pegawai itu tanpa akun, akunnya milik aktor
/// sendiri, atau kebijakan menolak.
pub async fn boleh_atur_ulang_sandi_pegawai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<bool> {
    let Some(a) = k.aktor.as_ref() else {
        return Ok(false);
    };
    if a.hanya_baca || (a.instansi_id == instansi_id && a.pegawai_id.as_deref() == Some(pegawai_id))
    {
        return Ok(false);
    }
    let Some(p) = store::akun::pengguna_pegawai(l.pool(), instansi_id, pegawai_id).await? else {
        return Ok(false);
    };
    let peran = store::akun::peran(l.pool(), instansi_id, &p.id).await?;
    match kebijakan::boleh_atur_ulang_sandi(l, k, &p, &peran).await {
        Ok(_) => Ok(true),
        Err(Galat::Dilarang(_) | Galat::TidakMasuk(_)) => Ok(false),
        Err(g) => Err(g),
    }
}

/// Menyimpan sandi sementara (sesudah kebijakan diperiksa pemanggil).
async fn simpan_atur_ulang(
    l: &Layanan,
    k: &Konteks,
    p: &Pengguna,
    baru: &str,
    kuasa: KuasaSandi,
) -> Hasil<()> {
    let hash = hash_sandi(baru).await?;
    let waktu = store::sekarang();
    let (iid, id) = (p.instansi_id.as_str(), p.id.as_str());
    let mut tx = l.db.mulai().await?;
    store::akun::ganti_sandi(&mut tx, iid, id, &hash, &waktu, true).await?;
    store::akun::hapus_sesi_pengguna(&mut tx, iid, id).await?;
    store::akun::cabut_token_pengguna(&mut tx, iid, id, &waktu).await?;
    store::akun::hapus_token_sandi_pengguna(&mut tx, iid, id).await?;
    crate::audit::catat(
        &mut tx,
        k,
        iid,
        "atur_ulang_sandi",
        "pengguna",
        id,
        None,
        Some(&json!({ "kuasa": kuasa, "wajib_ganti_sandi": true })),
    )
    .await?;
    tx.commit().await?;
    // Pemiliknya diberi tahu (juga lewat surel bila alamatnya ada): bila ia
    // tidak memintanya, ia tahu siapa yang memegang sandi sementaranya.
    let a = k.aktor()?;
    let b = Bahasa::dari_kode(&p.bahasa);
    let isi = format!(
        "{} {} ({}). {}",
        t(
            b,
            "Sandi akun Kinerja Anda diatur ulang oleh",
            "Your Kinerja password was reset by"
        ),
        a.nama,
        a.username,
        t(
            b,
            "Masuk dengan sandi sementara yang diberikan kepada Anda, lalu ganti sandinya. Bila Anda tidak memintanya, hubungi admin BKD.",
            "Sign in with the temporary password you were given, then change it. If you did not ask for this, contact your BKD admin."
        ),
    );
    let n = crate::notifikasi::NotifikasiBaru {
        instansi_id: iid.to_string(),
        pengguna_id: id.to_string(),
        judul: t(b, "Sandi Anda diatur ulang", "Your password was reset").into(),
        isi,
        tautan: Some("/akun".into()),
    };
    if let Err(e) = crate::notifikasi::kirim(l, n).await {
        tracing::warn!(galat = %e, pengguna = %id, "pemberitahuan atur ulang sandi gagal");
    }
    Ok(())
}

// ---------- lupa sandi: tautan sekali pakai lewat surel ----------

/// Jenis tugas latar yang membuat token dan mengirim surel tautannya. Token
/// dibuat di dalam tugas, bukan di permintaan, agar tidak pernah tersimpan
/// di muatan tugas (yang disimpan 30 hari); yang tersimpan hanya hash-nya.
pub const JENIS_SUREL_SANDI: &str = "surel_atur_ulang_sandi";
/// Masa berlaku tautan atur ulang sandi.
pub const MENIT_TAUTAN_SANDI: i64 = 30;
/// Permintaan per nama pengguna (NIP) sebelum jeda 1, 2, 4, … menit.
pub const BATAS_LUPA_NAMA: i64 = 3;
/// Permintaan per alamat sebelum jeda 1, 2, 4, … detik.
pub const BATAS_LUPA_ALAMAT: i64 = 20;
/// Hitungan lupa sandi dilupakan setelah sejam tanpa permintaan.
const JENDELA_LUPA_MENIT: i64 = 60;

pub fn kunci_lupa_nama(username: &str) -> String {
    let u: String = username.trim().to_lowercase().chars().take(100).collect();
    format!("lupa:u:{u}")
}

pub fn kunci_lupa_alamat(alamat: &str) -> String {
    format!("lupa:a:{}", alamat_pembatas(alamat))
}

/// Sisa jeda (ms) bila permintaan ke-(`sebelumnya`+1) datang terlalu cepat:
/// setelah `batas` permintaan, jeda `satuan`·1, 2, 4, … detik (paling lama
/// `maks_detik`) sejak permintaan sebelumnya.
fn sisa_jeda_satuan(
    sebelumnya: i64,
    batas: i64,
    terakhir: i64,
    sekarang: i64,
    maks_detik: i64,
    satuan_detik: i64,
) -> Option<i64> {
    if sebelumnya < batas {
        return None;
    }
    let lebih = (sebelumnya - batas).clamp(0, 30);
    let jeda = satuan_detik.saturating_mul(1_i64 << lebih).min(maks_detik) * 1000;
    let boleh_pada = terakhir.saturating_add(jeda);
    (sekarang < boleh_pada).then(|| boleh_pada - sekarang)
}

fn dibatasi_lupa(b: Bahasa, jenis: &str, username: &str, alamat: &str, sisa_ms: i64) -> Galat {
    let detik = (sisa_ms + 999) / 1000;
    tracing::warn!(
        target: "kinerja::pembatasan",
        jenis,
        username,
        alamat,
        jeda_detik = detik,
        "permintaan lupa sandi dibatasi"
    );
    let waktu = if detik < 60 {
        format!("{detik} {}", t(b, "detik", "seconds"))
    } else {
        format!("{} {}", (detik + 59) / 60, t(b, "menit", "minutes"))
    };
    Galat::TerlaluBanyak(format!(
        "{} {waktu}.",
        t(
            b,
            "Terlalu banyak permintaan atur ulang sandi. Coba lagi dalam",
            "Too many password reset requests. Try again in",
        )
    ))
}

/// Pesan yang SAMA untuk setiap permintaan yang tidak dibatasi, ada atau
/// tidak ada akunnya, ada atau tidak ada alamat surelnya.
pub fn pesan_tautan_terkirim(b: Bahasa) -> &'static str {
    t(
        b,
        "Bila NIP/nama pengguna itu terdaftar dan punya alamat surel, tautan untuk mengatur sandi baru sudah dikirim ke sana dan berlaku 30 menit. Tidak menerima surel? Minta atasan Anda atau admin BKD mengatur ulang sandi.",
        "If that NIP/username is registered and has an e-mail address, a link to set a new password was sent there and is valid for 30 minutes. No e-mail? Ask your supervisor or the BKD admin to reset your password.",
    )
}

/// Tamu meminta tautan atur ulang sandi untuk NIP atau nama pengguna.
/// Dibatasi per nama pengguna (3, lalu jeda 1, 2, 4 … menit) dan per alamat
/// (20, lalu 1, 2, 4 … detik), dihitung sama untuk akun yang ada maupun
/// tidak. Selalu mengantre tugas yang sama (selama surel aktif), sehingga
/// jawaban dan lamanya tidak membedakan akun yang ada: tugasnya yang mencari
/// akun dan alamat surelnya.
pub async fn minta_tautan_sandi(l: &Layanan, b: Bahasa, username: &str, alamat: &str) -> Hasil<()> {
    let username = username.trim();
    if username.is_empty() || username.chars().count() > 100 {
        let m = t(
            b,
            "Isi NIP atau nama pengguna Anda.",
            "Enter your NIP or username.",
        );
        let mut f = BTreeMap::new();
        f.insert("username".to_string(), m.to_string());
        return Err(Galat::input(m, f));
    }
    let pool = l.pool();
    let maks = l.konfigurasi.jeda_maks_detik;
    let sekarang = sekarang_ms();
    let lupa_sebelum = sekarang - JENDELA_LUPA_MENIT * 60_000;
    let x = store::akun::catat_percobaan(pool, &kunci_lupa_alamat(alamat), sekarang, lupa_sebelum)
        .await?;
    if let Some(sisa) = sisa_jeda_satuan(
        x.jumlah - 1,
        BATAS_LUPA_ALAMAT,
        x.sebelumnya,
        sekarang,
        maks,
        1,
    ) {
        return Err(dibatasi_lupa(b, "lupa_alamat", username, alamat, sisa));
    }
    let x = store::akun::catat_percobaan(pool, &kunci_lupa_nama(username), sekarang, lupa_sebelum)
        .await?;
    if let Some(sisa) = sisa_jeda_satuan(
        x.jumlah - 1,
        BATAS_LUPA_NAMA,
        x.sebelumnya,
        sekarang,
        maks,
        60,
    ) {
        return Err(dibatasi_lupa(b, "lupa_nama", username, alamat, sisa));
    }
    if !crate::notifikasi::surel_aktif(l) {
        return Ok(());
    }
    let kode = match b {
        Bahasa::En => "en",
        _ => "id",
    };
    let tb = TugasBaru {
        maks_percobaan: 8,
        ..TugasBaru::baru(
            JENIS_SUREL_SANDI,
            json!({ "username": username, "bahasa": kode }),
        )
    };
    crate::tugas::antre(l, tb, None).await?;
    Ok(())
}

/// Akun untuk lupa sandi: nama pengguna (NIP untuk akun pegawai), atau NIP
/// pegawai yang akunnya bernama lain.
async fn akun_untuk_lupa(l: &Layanan, masukan: &str) -> Hasil<Option<Pengguna>> {
    let pool = l.pool();
    if let Some(p) = store::akun::pengguna_untuk_masuk(pool, masukan).await? {
        return Ok(Some(p));
    }
    if berbentuk_nip(masukan)
        && let Some((iid, pid)) = store::organisasi::pemilik_nip(pool, masukan).await?
    {
        return Ok(store::akun::pengguna_pegawai(pool, &iid, &pid).await?);
    }
    Ok(None)
}

/// Surel yang hendak dikirim tugas: (kepada, subjek, isi).
type SurelSandi = (String, String, String);

async fn siapkan_surel_sandi(l: &Layanan, m: &Value) -> Hasil<Option<SurelSandi>> {
    let username = m["username"].as_str().unwrap_or_default();
    let b = Bahasa::dari_kode(m["bahasa"].as_str().unwrap_or("id"));
    let Some(p) = akun_untuk_lupa(l, username).await? else {
        return Ok(None);
    };
    if p.aktif == 0 {
        return Ok(None);
    }
    let Some(alamat) = crate::notifikasi::alamat_surel(l, &p.instansi_id, &p.id).await? else {
        return Ok(None);
    };
    let token = token_acak();
    let ts = TokenSandi {
        token_hash: hash_token(&token),
        instansi_id: p.instansi_id.clone(),
        pengguna_id: p.id.clone(),
        dibuat_pada: store::sekarang(),
        kedaluwarsa_pada: tambah_menit(MENIT_TAUTAN_SANDI),
    };
    let mut tx = l.db.mulai().await?;
    store::akun::ganti_token_sandi(&mut tx, &ts).await?;
    crate::audit::catat::<()>(
        &mut tx,
        &Konteks::publik(b),
        &p.instansi_id,
        "kirim_tautan_sandi",
        "pengguna",
        &p.id,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    let jalur = format!("/lupa-sandi/{token}");
    let tautan = match &l.konfigurasi.alamat_publik {
        Some(a) => format!("{}{jalur}", a.trim_end_matches('/')),
        None => jalur,
    };
    let isi = format!(
        "{} {}\n\n{}\n\n{tautan}\n\n{}",
        t(b, "Yth.", "Dear"),
        p.nama,
        t(
            b,
            "Seseorang (semoga Anda) meminta atur ulang sandi akun Kinerja Anda. Buka tautan ini untuk mengatur sandi baru; tautan berlaku 30 menit dan hanya sekali pakai:",
            "Someone (hopefully you) asked to reset your Kinerja password. Open this link to set a new password; it is valid for 30 minutes and works once:",
        ),
        t(
            b,
            "Bila Anda tidak memintanya, abaikan surel ini: sandi Anda tidak berubah.",
            "If you did not ask for this, ignore this e-mail: your password has not changed.",
        ),
    );
    let subjek = t(b, "Atur ulang sandi Kinerja", "Reset your Kinerja password");
    Ok(Some((alamat, subjek.to_string(), isi)))
}

/// Pekerjaan `surel_atur_ulang_sandi`: mencari akun, membuat token baru
/// (menggantikan token lama akun itu), lalu mengirim tautannya. Hasilnya
/// tidak memuat token maupun alamat.
pub(crate) async fn kerjakan_surel_sandi(
    l: &Layanan,
    tugas_id: &str,
    m: &Value,
) -> Result<Value, GalatTugas> {
    let Some((kepada, subjek, isi)) = siapkan_surel_sandi(l, m).await? else {
        return Ok(json!({ "dikirim": false }));
    };
    crate::notifikasi::kirim_pesan(l, tugas_id, &kepada, &subjek, &isi).await?;
    Ok(json!({ "dikirim": true }))
}

fn berbentuk_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|c| c.is_ascii_hexdigit())
}

/// Tautan masih berlaku (belum dipakai, belum kedaluwarsa, belum diganti).
pub async fn tautan_sandi_berlaku(l: &Layanan, token: &str) -> Hasil<bool> {
    if !berbentuk_token(token) {
        return Ok(false);
    }
    Ok(
        store::akun::token_sandi_berlaku(l.pool(), &hash_token(token), &store::sekarang())
            .await?
            .is_some(),
    )
}

/// Galat tautan atur ulang sandi yang tidak berlaku (404).
pub fn galat_tautan_tidak_berlaku(b: Bahasa) -> Galat {
    Galat::TidakDitemukan(
        t(
            b,
            "Tautan ini tidak berlaku lagi (sudah dipakai, kedaluwarsa, atau diganti tautan yang lebih baru). Minta tautan baru.",
            "This link is no longer valid (already used, expired, or replaced by a newer link). Ask for a new one.",
        )
        .into(),
    )
}

/// Pemilik tautan mengatur sandi baru (aturan sandi sama dengan
/// `ganti_sandi`). Token dipakai sekali, di transaksi yang sama dengan
/// penggantian sandi; semua sesi diputus, semua token API dicabut, audit.
pub async fn atur_sandi_lewat_tautan(
    l: &Layanan,
    b: Bahasa,
    token: &str,
    baru: &str,
    ulangi: &str,
) -> Hasil<()> {
    if !tautan_sandi_berlaku(l, token).await? {
        return Err(galat_tautan_tidak_berlaku(b));
    }
    let mut f = crate::galat::GalatKolom::default();
    if let Some(m) = galat_sandi(b, baru) {
        f.tambah("sandi_baru", m);
    }
    if baru != ulangi {
        f.tambah(
            "ulangi_sandi",
            t(
                b,
                "Ulangan sandi tidak sama.",
                "The repeated password does not match.",
            ),
        );
    }
    f.jadi_galat(t(b, "Sandi belum diatur.", "The password was not set."))?;
    let hash = hash_sandi(baru).await?;
    let sekarang = store::sekarang();
    let hash_tk = hash_token(token);
    let Some(ts) = store::akun::token_sandi_berlaku(l.pool(), &hash_tk, &sekarang).await? else {
        return Err(galat_tautan_tidak_berlaku(b));
    };
    let (iid, id) = (ts.instansi_id.as_str(), ts.pengguna_id.as_str());
    let Some(p) = store::akun::pengguna(l.pool(), iid, id).await? else {
        return Err(galat_tautan_tidak_berlaku(b));
    };
    let mut tx = l.db.mulai().await?;
    if !store::akun::pakai_token_sandi(&mut tx, &hash_tk, &sekarang).await? {
        return Err(galat_tautan_tidak_berlaku(b));
    }
    store::akun::ganti_sandi(&mut tx, iid, id, &hash, &sekarang, false).await?;
    store::akun::hapus_sesi_pengguna(&mut tx, iid, id).await?;
    store::akun::cabut_token_pengguna(&mut tx, iid, id, &sekarang).await?;
    let pemilik = Konteks::dengan(aktor_dari(l, &p, false).await?, b);
    crate::audit::catat::<()>(
        &mut tx,
        &pemilik,
        iid,
        "atur_sandi_lewat_surel",
        "pengguna",
        id,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// NIP: 18 angka.
fn berbentuk_nip(s: &str) -> bool {
    s.len() == 18 && s.bytes().all(|c| c.is_ascii_digit())
}

/// Membuat akun. Dipakai CLI (`kinerja user add`, tanpa aktor) dan admin.
pub struct AkunBaru {
    pub instansi_id: String,
    pub username: String,
    pub nama: String,
    pub sandi: String,
    pub pegawai_id: Option<String>,
    pub peran: Vec<Peran>,
}

pub async fn buat_akun(l: &Layanan, k: &Konteks, a: AkunBaru) -> Hasil<Pengguna> {
    let kode_peran: Vec<String> = a.peran.iter().map(|r| r.kode().to_string()).collect();
    boleh_kelola_akun(k, &a.instansi_id, &kode_peran)?;
    let b = k.bahasa;
    let mut f = crate::galat::GalatKolom::default();
    {
        use crate::validasi::{JenisTeks::*, MAKS_ID, MAKS_NAMA, periksa, periksa_opsional};
        periksa(&mut f, b, "username", &a.username, 64, Nama);
        periksa(&mut f, b, "nama", &a.nama, MAKS_NAMA, Nama);
        periksa_opsional(
            &mut f,
            b,
            "pegawai_id",
            a.pegawai_id.as_deref(),
            MAKS_ID,
            Baris,
        );
    }
    let username = a.username.trim().to_string();
    if username.is_empty() || username.len() > 64 || username.contains(char::is_whitespace) {
        f.tambah(
            "username",
            t(
                b,
                "Nama pengguna wajib, tanpa spasi, maksimal 64 karakter.",
                "A username is required, without spaces, at most 64 characters.",
            ),
        );
    }
    if a.nama.trim().is_empty() {
        f.tambah("nama", t(b, "Nama wajib diisi.", "A name is required."));
    }
    if let Some(m) = galat_sandi(b, &a.sandi) {
        f.tambah("sandi", m);
    }
    if a.peran.is_empty() {
        f.tambah(
            "peran",
            t(
                b,
                "Pilih setidaknya satu peran.",
                "Choose at least one role.",
            ),
        );
    }
    if store::organisasi::instansi(l.pool(), &a.instansi_id)
        .await?
        .is_none()
    {
        f.tambah(
            "instansi",
            t(b, "Instansi tidak dikenal.", "Unknown agency."),
        );
    }
    if store::akun::pengguna_untuk_masuk(l.pool(), &username)
        .await?
        .is_some()
    {
        f.tambah(
            "username",
            t(b, "Nama pengguna sudah dipakai.", "This username is taken."),
        );
    }
    let pegawai_id = a
        .pegawai_id
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty());
    let pegawai = match &pegawai_id {
        Some(pid) => {
            let pg = store::organisasi::pegawai(l.pool(), &a.instansi_id, pid).await?;
            if pg.is_none() {
                f.tambah(
                    "pegawai_id",
                    t(
                        b,
                        "Pegawai tidak ditemukan di instansi ini.",
                        "No such employee in this agency.",
                    ),
                );
            } else if store::akun::pengguna_pegawai(l.pool(), &a.instansi_id, pid)
                .await?
                .is_some()
            {
                f.tambah(
                    "pegawai_id",
                    t(
                        b,
                        "Pegawai ini sudah punya akun.",
                        "This employee already has an account.",
                    ),
                );
            }
            pg
        }
        None => None,
    };
    // Nama pengguna berbentuk NIP hanya milik pegawai ber-NIP itu, agar tidak
    // ada yang menyerobot NIP pegawai instansi lain.
    if berbentuk_nip(&username)
        && pegawai.as_ref().and_then(|p| p.nip.as_deref()) != Some(&username)
    {
        f.tambah(
            "username",
            t(
                b,
                "Nama pengguna berbentuk NIP hanya untuk akun pegawai ber-NIP itu di instansi ini (tautkan pegawainya).",
                "A NIP-shaped username is only for the account of the employee with that NIP in this agency (link the employee).",
            ),
        );
    }
    f.jadi_galat(t(b, "Akun belum dibuat.", "The account was not created."))?;
    let waktu = store::sekarang();
    let p = Pengguna {
        instansi_id: a.instansi_id.clone(),
        id: store::id_baru(),
        username,
        nama: a.nama.trim().to_string(),
        pegawai_id,
        hash_sandi: hash_sandi(&a.sandi).await?,
        aktif: 1,
        bahasa: "id".into(),
        versi: 1,
        dibuat_pada: waktu.clone(),
        diubah_pada: waktu,
    };
    let mut tx = l.db.mulai().await?;
    if let Err(e) = store::akun::sisipkan_pengguna(&mut tx, &p, &kode_peran).await {
        // Balapan dengan permintaan serentak: nama pengguna atau pegawai baru saja dipakai.
        if e.pelanggaran_unik() {
            drop(tx);
            let mut f = crate::galat::GalatKolom::default();
            match &p.pegawai_id {
                Some(pid)
                    if store::akun::pengguna_pegawai(l.pool(), &p.instansi_id, pid)
                        .await?
                        .is_some() =>
                {
                    f.tambah(
                        "pegawai_id",
                        t(
                            b,
                            "Pegawai ini sudah punya akun.",
                            "This employee already has an account.",
                        ),
                    )
                }
                _ => f.tambah(
                    "username",
                    t(b, "Nama pengguna sudah dipakai.", "This username is taken."),
                ),
            }
            f.jadi_galat(t(b, "Akun belum dibuat.", "The account was not created."))?;
        }
        return Err(e.into());
    }
    crate::audit::catat(
        &mut tx,
        k,
        &p.instansi_id,
        "buat",
        "pengguna",
        &p.id,
        None,
        Some(&p),
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenBaru {
    /// Ditampilkan sekali saja; yang disimpan hanya hash-nya.
    pub token: String,
    pub info: TokenApi,
}

/// Token API untuk klien mesin, atas nama pengguna yang meminta.
pub async fn buat_token(
    l: &Layanan,
    k: &Konteks,
    nama: &str,
    cakupan: &str,
    hari: i64,
) -> Hasil<TokenBaru> {
    let a = wajib_tulis(k)?.clone();
    let b = k.bahasa;
    let mut f = crate::galat::GalatKolom::default();
    crate::validasi::periksa(
        &mut f,
        b,
        "nama",
        nama,
        100,
        crate::validasi::JenisTeks::Nama,
    );
    crate::validasi::periksa(
        &mut f,
        b,
        "cakupan",
        cakupan,
        16,
        crate::validasi::JenisTeks::Baris,
    );
    if nama.trim().is_empty() || nama.len() > 100 {
        f.tambah(
            "nama",
            t(
                b,
                "Nama token wajib (maksimal 100 karakter).",
                "A token name is required (at most 100 characters).",
            ),
        );
    }
    if cakupan != "baca" && cakupan != "tulis" {
        f.tambah(
            "cakupan",
            t(
                b,
                "Cakupan harus 'baca' atau 'tulis'.",
                "Scope must be 'baca' (read) or 'tulis' (write).",
            ),
        );
    }
    if !(1..=365).contains(&hari) {
        f.tambah(
            "hari",
            t(
                b,
                "Masa berlaku 1–365 hari.",
                "Validity must be 1–365 days.",
            ),
        );
    }
    f.jadi_galat(t(b, "Token belum dibuat.", "The token was not created."))?;
    let token = format!("knj_{}", token_acak());
    let info = TokenApi {
        token_hash: hash_token(&token),
        id: store::id_baru(),
        instansi_id: a.instansi_id.clone(),
        pengguna_id: a.pengguna_id.clone(),
        nama: nama.trim().to_string(),
        cakupan: cakupan.to_string(),
        dibuat_pada: store::sekarang(),
        kedaluwarsa_pada: tambah_menit(hari * 24 * 60),
        dicabut_pada: None,
    };
    let mut tx = l.db.mulai().await?;
    store::akun::sisipkan_token(&mut tx, &info).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "buat",
        "token_api",
        &info.id,
        None,
        Some(&info),
    )
    .await?;
    tx.commit().await?;
    Ok(TokenBaru { token, info })
}

pub async fn daftar_token(l: &Layanan, k: &Konteks) -> Hasil<Vec<TokenApi>> {
    let a = k.aktor()?;
    Ok(store::akun::token_pengguna(l.pool(), &a.instansi_id, &a.pengguna_id).await?)
}

pub async fn cabut_token(l: &Layanan, k: &Konteks, id: &str) -> Hasil<()> {
    let a = wajib_tulis(k)?;
    let tidak_ada =
        || Galat::TidakDitemukan(k.t("Token tidak ditemukan.", "Token not found.").into());
    let tk = store::akun::token(l.pool(), id)
        .await?
        .ok_or_else(tidak_ada)?;
    let milik_sendiri = tk.instansi_id == a.instansi_id && tk.pengguna_id == a.pengguna_id;
    if !milik_sendiri {
        // Token orang lain: hanya yang boleh mengelola akun pemiliknya;
        // selain itu seolah tidak ada.
        let peran_pemilik = store::akun::peran(l.pool(), &tk.instansi_id, &tk.pengguna_id).await?;
        if boleh_kelola_akun(k, &tk.instansi_id, &peran_pemilik).is_err() {
            return Err(tidak_ada());
        }
    }
    let mut tx = l.db.mulai().await?;
    store::akun::cabut_token(&mut tx, id, &store::sekarang()).await?;
    crate::audit::catat::<()>(
        &mut tx,
        k,
        &tk.instansi_id,
        "cabut",
        "token_api",
        id,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Akun-akun satu instansi, untuk admin instansi itu.
pub async fn daftar_pengguna(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
) -> Hasil<Vec<PenggunaDenganPeran>> {
    k.boleh_kelola(instansi_id)?;
    let mut hasil = Vec::new();
    for p in store::akun::daftar_pengguna(l.pool(), instansi_id).await? {
        let peran = store::akun::peran(l.pool(), instansi_id, &p.id).await?;
        hasil.push(PenggunaDenganPeran { pengguna: p, peran });
    }
    Ok(hasil)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PenggunaDenganPeran {
    #[serde(flatten)]
    pub pengguna: Pengguna,
    pub peran: Vec<String>,
}
