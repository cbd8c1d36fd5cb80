//! Masuk, sesi, sandi dan token API.
//!
//! Sandi: Argon2id (parameter bawaan crate argon2) di thread pemblokir, paling
//! banyak sejumlah inti sekaligus (setiap hitungan memakai ±19 MiB).
//! Sesi: token acak di cookie, hanya hash-nya yang disimpan; setiap sesi
//! punya token CSRF sendiri. Token API: rahasia acak, disimpan ter-hash,
//! bercakupan (`baca`/`tulis`), kedaluwarsa dan dapat dicabut.
//! Percobaan masuk dibatasi per (nama pengguna, alamat) dan per alamat dengan
//! jeda yang tumbuh; akun tidak pernah dikunci untuk semua orang.

use crate::teks::t;
use crate::{Aktor, Bahasa, Galat, Hasil, Konteks, Layanan, Peran};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use store::akun::{Pengguna, Sesi, TokenApi};
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
    Ok(store::akun::hapus_percobaan_lama(l.pool(), lupa_sebelum).await?)
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
    Ok(HasilMasuk { token, csrf, aktor })
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
    )
    .await?;
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

/// Admin mengatur ulang sandi pengguna di instansinya; semua sesi pengguna
/// itu diputus dan semua token API-nya dicabut.
pub async fn atur_ulang_sandi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pengguna_id: &str,
    baru: &str,
) -> Hasil<()> {
    k.boleh_kelola(instansi_id)?;
    let b = k.bahasa;
    let Some(_) = store::akun::pengguna(l.pool(), instansi_id, pengguna_id).await? else {
        return Err(Galat::TidakDitemukan(
            t(b, "Pengguna tidak ditemukan.", "User not found.").into(),
        ));
    };
    let peran_akun = store::akun::peran(l.pool(), instansi_id, pengguna_id).await?;
    boleh_kelola_akun(k, instansi_id, &peran_akun)?;
    if let Some(m) = galat_sandi(b, baru) {
        let mut f = BTreeMap::new();
        f.insert("sandi_baru".to_string(), m.to_string());
        return Err(Galat::input(m, f));
    }
    let hash = hash_sandi(baru).await?;
    let mut tx = l.db.mulai().await?;
    store::akun::ganti_sandi(&mut tx, instansi_id, pengguna_id, &hash, &store::sekarang()).await?;
    store::akun::hapus_sesi_pengguna(&mut tx, instansi_id, pengguna_id).await?;
    store::akun::cabut_token_pengguna(&mut tx, instansi_id, pengguna_id, &store::sekarang())
        .await?;
    crate::audit::catat::<()>(
        &mut tx,
        k,
        instansi_id,
        "atur_ulang_sandi",
        "pengguna",
        pengguna_id,
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
