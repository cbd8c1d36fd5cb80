//! Masuk, sesi, sandi dan token API.
//!
//! Sandi: Argon2id (parameter bawaan crate argon2) di thread pemblokir.
//! Sesi: token acak di cookie, hanya hash-nya yang disimpan; setiap sesi
//! punya token CSRF sendiri. Token API: rahasia acak, disimpan ter-hash,
//! bercakupan (`baca`/`tulis`), kedaluwarsa dan dapat dicabut.

use crate::teks::t;
use crate::{Aktor, Bahasa, Galat, Hasil, Konteks, Layanan, Peran};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rand::Rng;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use store::akun::{Pengguna, Sesi, TokenApi};

pub const PANJANG_SANDI_MIN: usize = 8;

/// Hash Argon2id dalam format PHC.
pub async fn hash_sandi(sandi: &str) -> Hasil<String> {
    let sandi = sandi.to_string();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(sandi.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Galat::Internal(format!("argon2: {e}")))
    })
    .await
    .map_err(|e| Galat::Internal(e.to_string()))?
}

pub async fn cocok_sandi(sandi: &str, hash: &str) -> bool {
    let sandi = sandi.to_string();
    let hash = hash.to_string();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(sandi.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
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

/// Masuk dengan NIP atau nama pengguna. Kegagalan berulang dikunci
/// sementara per nama pengguna dan per alamat.
pub async fn masuk(
    l: &Layanan,
    b: Bahasa,
    username: &str,
    sandi: &str,
    alamat: &str,
) -> Hasil<HasilMasuk> {
    let username = username.trim();
    let k = &l.konfigurasi;
    let awal_jendela = tambah_menit(-k.jendela_gagal_menit);
    let kunci_user = format!("u:{}", username.to_lowercase());
    let kunci_alamat = format!("a:{alamat}");
    let pool = l.pool();
    if store::akun::jumlah_gagal(pool, &kunci_user, &awal_jendela).await? >= k.batas_gagal_masuk
        || store::akun::jumlah_gagal(pool, &kunci_alamat, &awal_jendela).await?
            >= k.batas_gagal_masuk * 4
    {
        return Err(Galat::TerlaluBanyak(
            t(
                b,
                "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.",
                "Too many failed sign-in attempts. Try again in 15 minutes.",
            )
            .into(),
        ));
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
            let _ = hash_sandi(sandi).await;
            false
        }
    };
    let Some(p) = pengguna.filter(|_| cocok) else {
        let sekarang = store::sekarang();
        store::akun::catat_gagal(pool, &kunci_user, &sekarang, &awal_jendela).await?;
        store::akun::catat_gagal(pool, &kunci_alamat, &sekarang, &awal_jendela).await?;
        return Err(salah());
    };
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
    store::akun::bersihkan_gagal(pool, &kunci_user).await?;
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

/// Aktor dan token CSRF dari token sesi di cookie; None bila sesi tidak berlaku.
pub async fn dari_sesi(l: &Layanan, token: &str) -> Hasil<Option<(Aktor, String, String)>> {
    let Some(s) = store::akun::sesi(l.pool(), &hash_token(token), &store::sekarang()).await? else {
        return Ok(None);
    };
    let Some(p) = store::akun::pengguna(l.pool(), &s.instansi_id, &s.pengguna_id).await? else {
        return Ok(None);
    };
    if p.aktif == 0 {
        return Ok(None);
    }
    Ok(Some((aktor_dari(l, &p, false).await?, s.csrf, p.bahasa)))
}

pub async fn keluar(l: &Layanan, token: &str) -> Hasil<()> {
    store::akun::hapus_sesi(l.pool(), &hash_token(token)).await?;
    Ok(())
}

/// Aktor dari token API (`Authorization: Bearer …`).
pub async fn dari_token_api(l: &Layanan, token: &str) -> Hasil<Option<Aktor>> {
    let Some(tk) =
        store::akun::token_berlaku(l.pool(), &hash_token(token), &store::sekarang()).await?
    else {
        return Ok(None);
    };
    let Some(p) = store::akun::pengguna(l.pool(), &tk.instansi_id, &tk.pengguna_id).await? else {
        return Ok(None);
    };
    if p.aktif == 0 {
        return Ok(None);
    }
    Ok(Some(aktor_dari(l, &p, tk.cakupan == "baca").await?))
}

/// Pengguna mengganti sandinya sendiri.
pub async fn ganti_sandi(
    l: &Layanan,
    k: &Konteks,
    lama: &str,
    baru: &str,
    ulangi: &str,
) -> Hasil<()> {
    let a = k.aktor()?;
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

/// Admin mengatur ulang sandi pengguna di instansinya; sesi pengguna itu diputus.
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
    if let Some(m) = galat_sandi(b, baru) {
        let mut f = BTreeMap::new();
        f.insert("sandi_baru".to_string(), m.to_string());
        return Err(Galat::input(m, f));
    }
    let hash = hash_sandi(baru).await?;
    let mut tx = l.db.mulai().await?;
    store::akun::ganti_sandi(&mut tx, instansi_id, pengguna_id, &hash, &store::sekarang()).await?;
    store::akun::hapus_sesi_pengguna(&mut tx, instansi_id, pengguna_id).await?;
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
    k.boleh_kelola(&a.instansi_id)?;
    if a.peran.contains(&Peran::SuperAdmin) {
        k.wajib_super_admin()?;
    }
    let b = k.bahasa;
    let mut f = crate::galat::GalatKolom::default();
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
    f.jadi_galat(t(b, "Akun belum dibuat.", "The account was not created."))?;
    let waktu = store::sekarang();
    let p = Pengguna {
        instansi_id: a.instansi_id.clone(),
        id: store::id_baru(),
        username,
        nama: a.nama.trim().to_string(),
        pegawai_id: a.pegawai_id,
        hash_sandi: hash_sandi(&a.sandi).await?,
        aktif: 1,
        bahasa: "id".into(),
        versi: 1,
        dibuat_pada: waktu.clone(),
        diubah_pada: waktu,
    };
    let peran: Vec<String> = a.peran.iter().map(|r| r.kode().to_string()).collect();
    let mut tx = l.db.mulai().await?;
    store::akun::sisipkan_pengguna(&mut tx, &p, &peran).await?;
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

#[derive(Debug, Serialize)]
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
    let a = k.aktor()?.clone();
    if a.hanya_baca {
        return Err(k.dilarang());
    }
    let b = k.bahasa;
    let mut f = crate::galat::GalatKolom::default();
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
    let a = k.aktor()?;
    let tidak_ada =
        || Galat::TidakDitemukan(k.t("Token tidak ditemukan.", "Token not found.").into());
    let tk = store::akun::token(l.pool(), id)
        .await?
        .ok_or_else(tidak_ada)?;
    let milik_sendiri = tk.instansi_id == a.instansi_id && tk.pengguna_id == a.pengguna_id;
    if !milik_sendiri {
        // Token orang lain: hanya admin instansinya; selain itu seolah tidak ada.
        if k.boleh_kelola(&tk.instansi_id).is_err() {
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

#[derive(Debug, Serialize)]
pub struct PenggunaDenganPeran {
    #[serde(flatten)]
    pub pengguna: Pengguna,
    pub peran: Vec<String>,
}
