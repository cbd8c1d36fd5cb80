//! Akun pengguna, peran, sesi, token API dan pembatasan percobaan masuk.

use crate::{Hasil, Koneksi};
use serde::Serialize;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Pengguna {
    pub instansi_id: String,
    pub id: String,
    pub username: String,
    pub nama: String,
    pub pegawai_id: Option<String>,
    #[serde(skip)]
    pub hash_sandi: String,
    pub aktif: i64,
    pub bahasa: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM: &str = "instansi_id, id, username, nama, pegawai_id, hash_sandi, aktif, bahasa, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_pengguna(k: &mut Koneksi, p: &Pengguna, peran: &[String]) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO pengguna (instansi_id, id, username, nama, pegawai_id, hash_sandi, aktif, bahasa, versi, dibuat_pada, diubah_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&p.instansi_id)
    .bind(&p.id)
    .bind(&p.username)
    .bind(&p.nama)
    .bind(&p.pegawai_id)
    .bind(&p.hash_sandi)
    .bind(p.aktif)
    .bind(&p.bahasa)
    .bind(p.versi)
    .bind(&p.dibuat_pada)
    .bind(&p.diubah_pada)
    .execute(&mut *k)
    .await?;
    sqlx::query(
        "INSERT INTO login_global (username, instansi_id, pengguna_id) VALUES ($1, $2, $3)",
    )
    .bind(&p.username)
    .bind(&p.instansi_id)
    .bind(&p.id)
    .execute(&mut *k)
    .await?;
    for r in peran {
        sqlx::query(
            "INSERT INTO peran_pengguna (instansi_id, pengguna_id, peran) VALUES ($1, $2, $3)",
        )
        .bind(&p.instansi_id)
        .bind(&p.id)
        .bind(r)
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

/// Mencari akun untuk masuk: nama pengguna atau NIP, nasional.
pub async fn pengguna_untuk_masuk(pool: &AnyPool, username: &str) -> Hasil<Option<Pengguna>> {
    let lokasi: Option<(String, String)> =
        sqlx::query_as("SELECT instansi_id, pengguna_id FROM login_global WHERE username = $1")
            .bind(username)
            .fetch_optional(pool)
            .await?;
    match lokasi {
        Some((i, id)) => pengguna(pool, &i, &id).await,
        None => Ok(None),
    }
}

pub async fn pengguna(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn pengguna_pegawai(
    pool: &AnyPool,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<Option<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 AND pegawai_id = $2"
    ))
    .bind(instansi_id)
    .bind(pegawai_id)
    .fetch_optional(pool)
    .await?)
}

pub async fn pengguna_pegawai_tx(
    k: &mut Koneksi,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<Option<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 AND pegawai_id = $2"
    ))
    .bind(instansi_id)
    .bind(pegawai_id)
    .fetch_optional(k)
    .await?)
}

pub async fn daftar_pengguna(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 ORDER BY username"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn jumlah_pengguna(pool: &AnyPool) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pengguna")
        .fetch_one(pool)
        .await?;
    Ok(n)
}

pub async fn peran(pool: &AnyPool, instansi_id: &str, pengguna_id: &str) -> Hasil<Vec<String>> {
    let baris: Vec<(String,)> =
        sqlx::query_as("SELECT peran FROM peran_pengguna WHERE instansi_id = $1 AND pengguna_id = $2 ORDER BY peran")
            .bind(instansi_id)
            .bind(pengguna_id)
            .fetch_all(pool)
            .await?;
    Ok(baris.into_iter().map(|(p,)| p).collect())
}

/// Peran akun di dalam transaksi yang sedang berjalan.
pub async fn peran_tx(k: &mut Koneksi, instansi_id: &str, pengguna_id: &str) -> Hasil<Vec<String>> {
    let baris: Vec<(String,)> =
        sqlx::query_as("SELECT peran FROM peran_pengguna WHERE instansi_id = $1 AND pengguna_id = $2 ORDER BY peran")
            .bind(instansi_id)
            .bind(pengguna_id)
            .fetch_all(k)
            .await?;
    Ok(baris.into_iter().map(|(p,)| p).collect())
}

/// Mengganti hash sandi. `wajib_ganti`: sandi ini sementara (diatur ulang
/// orang lain) dan pemiliknya wajib menggantinya sebelum memakai aplikasi.
pub async fn ganti_sandi(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    hash: &str,
    waktu: &str,
    wajib_ganti: bool,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE pengguna SET hash_sandi = $1, versi = versi + 1, diubah_pada = $2, wajib_ganti_sandi = $3 \
         WHERE instansi_id = $4 AND id = $5",
    )
    .bind(hash)
    .bind(waktu)
    .bind(i64::from(wajib_ganti))
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

/// Apakah akun wajib mengganti sandi sementaranya.
pub async fn wajib_ganti_sandi(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<bool> {
    let r: Option<(i64,)> =
        sqlx::query_as("SELECT wajib_ganti_sandi FROM pengguna WHERE instansi_id = $1 AND id = $2")
            .bind(instansi_id)
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(r.is_some_and(|(w,)| w != 0))
}

pub async fn set_aktif(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    aktif: bool,
    waktu: &str,
) -> Hasil<()> {
    sqlx::query("UPDATE pengguna SET aktif = $1, versi = versi + 1, diubah_pada = $2 WHERE instansi_id = $3 AND id = $4")
        .bind(if aktif { 1_i64 } else { 0 })
        .bind(waktu)
        .bind(instansi_id)
        .bind(id)
        .execute(k)
        .await?;
    Ok(())
}

// ---------- sesi ----------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Sesi {
    pub token_hash: String,
    pub instansi_id: String,
    pub pengguna_id: String,
    pub csrf: String,
    pub dibuat_pada: String,
    pub kedaluwarsa_pada: String,
}

pub async fn sisipkan_sesi(pool: &AnyPool, s: &Sesi) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO sesi (token_hash, instansi_id, pengguna_id, csrf, dibuat_pada, kedaluwarsa_pada) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&s.token_hash)
    .bind(&s.instansi_id)
    .bind(&s.pengguna_id)
    .bind(&s.csrf)
    .bind(&s.dibuat_pada)
    .bind(&s.kedaluwarsa_pada)
    .execute(pool)
    .await?;
    Ok(())
}

/// Pemilik sesi atau token yang berlaku, dalam satu kueri: dijalankan pada
/// setiap permintaan yang masuk, jadi satu perjalanan ke basis data, bukan tiga.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PemilikKunci {
    #[sqlx(flatten)]
    pub pengguna: Pengguna,
    /// Token CSRF sesi, atau cakupan token API (`baca`/`tulis`).
    pub tambahan: String,
    /// Larik JSON kode peran, urut.
    pub peran_json: Option<String>,
    /// Notifikasi belum dibaca (lonceng halaman); 0 untuk token API.
    pub belum_dibaca: i64,
    /// 1 bila sandinya sementara (diatur ulang orang lain) dan wajib diganti.
    pub wajib_ganti_sandi: i64,
}

impl PemilikKunci {
    pub fn peran(&self) -> Vec<String> {
        self.peran_json
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }
}

fn sql_pemilik(
    pool: &AnyPool,
    tabel: &str,
    tambahan: &str,
    belum_dibaca: &str,
    syarat: &str,
) -> String {
    let d = crate::Backend::dari_pool(pool);
    format!(
        "SELECT u.instansi_id, u.id, u.username, u.nama, u.pegawai_id, u.hash_sandi, u.aktif, u.bahasa, \
         u.versi, u.dibuat_pada, u.diubah_pada, k.{tambahan} AS tambahan, \
         (SELECT CAST({larik}(r.peran ORDER BY r.peran) AS TEXT) FROM peran_pengguna r \
          WHERE r.instansi_id = u.instansi_id AND r.pengguna_id = u.id) AS peran_json, \
         {belum_dibaca} AS belum_dibaca, u.wajib_ganti_sandi \
         FROM {tabel} k JOIN pengguna u ON u.instansi_id = k.instansi_id AND u.id = k.pengguna_id \
         WHERE k.token_hash = $1 AND k.kedaluwarsa_pada > $2{syarat}",
        larik = d.json_larik()
    )
}

/// Pemilik sesi yang belum kedaluwarsa, dengan jumlah notifikasinya yang
/// belum dibaca (setiap halaman menampilkannya di lonceng).
pub async fn pemilik_sesi(
    pool: &AnyPool,
    token_hash: &str,
    sekarang: &str,
) -> Hasil<Option<PemilikKunci>> {
    let sql = sql_pemilik(
        pool,
        "sesi",
        "csrf",
        "(SELECT COUNT(*) FROM notifikasi n WHERE n.instansi_id = u.instansi_id \
         AND n.pengguna_id = u.id AND n.dibaca_pada IS NULL)",
        "",
    );
    cari_pemilik(pool, sql, token_hash, sekarang).await
}

async fn cari_pemilik(
    pool: &AnyPool,
    sql: String,
    token_hash: &str,
    sekarang: &str,
) -> Hasil<Option<PemilikKunci>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .bind(sekarang)
        .fetch_optional(pool)
        .await?)
}

/// Pemilik token API yang belum dicabut dan belum kedaluwarsa.
pub async fn pemilik_token(
    pool: &AnyPool,
    token_hash: &str,
    sekarang: &str,
) -> Hasil<Option<PemilikKunci>> {
    let sql = sql_pemilik(
        pool,
        "token_api",
        "cakupan",
        "CAST(0 AS BIGINT)",
        " AND k.dicabut_pada IS NULL",
    );
    cari_pemilik(pool, sql, token_hash, sekarang).await
}

pub async fn hapus_sesi(pool: &AnyPool, token_hash: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM sesi WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn hapus_sesi_pengguna(
    k: &mut Koneksi,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<()> {
    sqlx::query("DELETE FROM sesi WHERE instansi_id = $1 AND pengguna_id = $2")
        .bind(instansi_id)
        .bind(pengguna_id)
        .execute(k)
        .await?;
    Ok(())
}

/// Memutus semua sesi pengguna kecuali satu (sesi yang sedang dipakai).
pub async fn hapus_sesi_lain(
    k: &mut Koneksi,
    instansi_id: &str,
    pengguna_id: &str,
    kecuali_hash: &str,
) -> Hasil<()> {
    sqlx::query(
        "DELETE FROM sesi WHERE instansi_id = $1 AND pengguna_id = $2 AND token_hash <> $3",
    )
    .bind(instansi_id)
    .bind(pengguna_id)
    .bind(kecuali_hash)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn hapus_sesi_kedaluwarsa(pool: &AnyPool, sekarang: &str) -> Hasil<u64> {
    Ok(sqlx::query("DELETE FROM sesi WHERE kedaluwarsa_pada <= $1")
        .bind(sekarang)
        .execute(pool)
        .await?
        .rows_affected())
}

// ---------- token API ----------

#[derive(Debug, Clone, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct TokenApi {
    #[serde(skip)]
    pub token_hash: String,
    pub id: String,
    pub instansi_id: String,
    pub pengguna_id: String,
    pub nama: String,
    pub cakupan: String,
    pub dibuat_pada: String,
    pub kedaluwarsa_pada: String,
    pub dicabut_pada: Option<String>,
}

const KOLOM_TOKEN: &str = "token_hash, id, instansi_id, pengguna_id, nama, cakupan, dibuat_pada, kedaluwarsa_pada, dicabut_pada";

pub async fn sisipkan_token(k: &mut Koneksi, t: &TokenApi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO token_api ({KOLOM_TOKEN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&t.token_hash)
    .bind(&t.id)
    .bind(&t.instansi_id)
    .bind(&t.pengguna_id)
    .bind(&t.nama)
    .bind(&t.cakupan)
    .bind(&t.dibuat_pada)
    .bind(&t.kedaluwarsa_pada)
    .bind(&t.dicabut_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn token_berlaku(
    pool: &AnyPool,
    token_hash: &str,
    sekarang: &str,
) -> Hasil<Option<TokenApi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TOKEN} FROM token_api WHERE token_hash = $1 AND dicabut_pada IS NULL AND kedaluwarsa_pada > $2"
    ))
    .bind(token_hash)
    .bind(sekarang)
    .fetch_optional(pool)
    .await?)
}

pub async fn token_pengguna(
    pool: &AnyPool,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<Vec<TokenApi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TOKEN} FROM token_api WHERE instansi_id = $1 AND pengguna_id = $2 ORDER BY dibuat_pada DESC"
    ))
    .bind(instansi_id)
    .bind(pengguna_id)
    .fetch_all(pool)
    .await?)
}

pub async fn token(pool: &AnyPool, id: &str) -> Hasil<Option<TokenApi>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM_TOKEN} FROM token_api WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn cabut_token(k: &mut Koneksi, id: &str, waktu: &str) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE token_api SET dicabut_pada = $1 WHERE id = $2 AND dicabut_pada IS NULL",
    )
    .bind(waktu)
    .bind(id)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Mencabut semua token pengguna yang belum dicabut; jumlah yang dicabut.
pub async fn cabut_token_pengguna(
    k: &mut Koneksi,
    instansi_id: &str,
    pengguna_id: &str,
    waktu: &str,
) -> Hasil<u64> {
    Ok(sqlx::query(
        "UPDATE token_api SET dicabut_pada = $1 WHERE instansi_id = $2 AND pengguna_id = $3 AND dicabut_pada IS NULL",
    )
    .bind(waktu)
    .bind(instansi_id)
    .bind(pengguna_id)
    .execute(k)
    .await?
    .rows_affected())
}

// ---------- tautan atur ulang sandi (surel) ----------

/// Token tautan atur ulang sandi: hanya hash-nya yang disimpan.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenSandi {
    pub token_hash: String,
    pub instansi_id: String,
    pub pengguna_id: String,
    pub dibuat_pada: String,
    pub kedaluwarsa_pada: String,
}

/// Menyimpan token baru untuk akunnya; token lama akun itu (bila ada) tidak
/// berlaku lagi: satu token berlaku per akun.
pub async fn ganti_token_sandi(k: &mut Koneksi, t: &TokenSandi) -> Hasil<()> {
    hapus_token_sandi_pengguna(&mut *k, &t.instansi_id, &t.pengguna_id).await?;
    sqlx::query(
        "INSERT INTO token_sandi (token_hash, instansi_id, pengguna_id, dibuat_pada, kedaluwarsa_pada) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&t.token_hash)
    .bind(&t.instansi_id)
    .bind(&t.pengguna_id)
    .bind(&t.dibuat_pada)
    .bind(&t.kedaluwarsa_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Token yang belum kedaluwarsa (tanpa memakainya).
pub async fn token_sandi_berlaku(
    pool: &AnyPool,
    token_hash: &str,
    sekarang: &str,
) -> Hasil<Option<TokenSandi>> {
    Ok(sqlx::query_as(
        "SELECT token_hash, instansi_id, pengguna_id, dibuat_pada, kedaluwarsa_pada FROM token_sandi \
         WHERE token_hash = $1 AND kedaluwarsa_pada > $2",
    )
    .bind(token_hash)
    .bind(sekarang)
    .fetch_optional(pool)
    .await?)
}

/// Memakai token sekali: menghapusnya bila masih berlaku. Benar hanya untuk
/// satu pemakai, juga bila dua permintaan datang bersamaan.
pub async fn pakai_token_sandi(k: &mut Koneksi, token_hash: &str, sekarang: &str) -> Hasil<bool> {
    let r = sqlx::query("DELETE FROM token_sandi WHERE token_hash = $1 AND kedaluwarsa_pada > $2")
        .bind(token_hash)
        .bind(sekarang)
        .execute(k)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Membuang token akun (sandinya baru saja diatur ulang dengan cara lain).
pub async fn hapus_token_sandi_pengguna(
    k: &mut Koneksi,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<()> {
    sqlx::query("DELETE FROM token_sandi WHERE instansi_id = $1 AND pengguna_id = $2")
        .bind(instansi_id)
        .bind(pengguna_id)
        .execute(k)
        .await?;
    Ok(())
}

pub async fn hapus_token_sandi_kedaluwarsa(pool: &AnyPool, sekarang: &str) -> Hasil<u64> {
    Ok(
        sqlx::query("DELETE FROM token_sandi WHERE kedaluwarsa_pada <= $1")
            .bind(sekarang)
            .execute(pool)
            .await?
            .rows_affected(),
    )
}

// ---------- pembatasan percobaan masuk ----------

/// Keadaan satu kunci pembatas setelah dicatat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percobaan {
    /// Jumlah percobaan tercatat, termasuk yang baru saja.
    pub jumlah: i64,
    /// Waktu (ms epoch) percobaan sebelum yang ini; 0 bila belum ada.
    pub sebelumnya: i64,
}

/// Mencatat satu percobaan untuk kunci secara atomik (satu pernyataan
/// `INSERT … ON CONFLICT … DO UPDATE … RETURNING`): percobaan yang berjalan
/// bersamaan tidak saling menimpa. Hitungan yang percobaan terakhirnya lebih
/// tua dari `lupa_sebelum` (ms) mulai lagi dari 1.
pub async fn catat_percobaan(
    pool: &AnyPool,
    kunci: &str,
    sekarang_ms: i64,
    lupa_sebelum_ms: i64,
) -> Hasil<Percobaan> {
    let (jumlah, sebelumnya): (i64, i64) = sqlx::query_as(
        "INSERT INTO percobaan_masuk (kunci, jumlah, terakhir, sebelumnya) VALUES ($1, 1, $2, 0) \
         ON CONFLICT (kunci) DO UPDATE SET \
         jumlah = CASE WHEN percobaan_masuk.terakhir < $3 THEN 1 ELSE percobaan_masuk.jumlah + 1 END, \
         sebelumnya = CASE WHEN percobaan_masuk.terakhir < $3 THEN 0 ELSE percobaan_masuk.terakhir END, \
         terakhir = $2 \
         RETURNING jumlah, sebelumnya",
    )
    .bind(kunci)
    .bind(sekarang_ms)
    .bind(lupa_sebelum_ms)
    .fetch_one(pool)
    .await?;
    Ok(Percobaan { jumlah, sebelumnya })
}

/// Menandai waktu kegagalan terakhir kunci (jeda dihitung dari sini).
pub async fn tandai_gagal(pool: &AnyPool, kunci: &str, sekarang_ms: i64) -> Hasil<()> {
    sqlx::query("UPDATE percobaan_masuk SET terakhir = $1 WHERE kunci = $2 AND terakhir < $1")
        .bind(sekarang_ms)
        .bind(kunci)
        .execute(pool)
        .await?;
    Ok(())
}

/// Jumlah dan waktu percobaan terakhir sebuah kunci, tanpa mencatat.
pub async fn baca_percobaan(pool: &AnyPool, kunci: &str) -> Hasil<Option<(i64, i64)>> {
    Ok(
        sqlx::query_as("SELECT jumlah, terakhir FROM percobaan_masuk WHERE kunci = $1")
            .bind(kunci)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn bersihkan_percobaan(pool: &AnyPool, kunci: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM percobaan_masuk WHERE kunci = $1")
        .bind(kunci)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn hapus_percobaan_lama(pool: &AnyPool, sebelum_ms: i64) -> Hasil<u64> {
    Ok(
        sqlx::query("DELETE FROM percobaan_masuk WHERE terakhir < $1")
            .bind(sebelum_ms)
            .execute(pool)
            .await?
            .rows_affected(),
    )
}

// ---------- rahasia server ----------

/// Nilai rahasia bersama untuk `kunci`; dibuat dari `usulan` bila belum ada.
/// Proses yang mulai bersamaan mendapat nilai yang sama (yang pertama menang).
pub async fn rahasia_server(pool: &AnyPool, kunci: &str, usulan: &str) -> Hasil<String> {
    sqlx::query(
        "INSERT INTO rahasia_server (kunci, nilai) VALUES ($1, $2) ON CONFLICT (kunci) DO NOTHING",
    )
    .bind(kunci)
    .bind(usulan)
    .execute(pool)
    .await?;
    let (nilai,): (String,) = sqlx::query_as("SELECT nilai FROM rahasia_server WHERE kunci = $1")
        .bind(kunci)
        .fetch_one(pool)
        .await?;
    Ok(nilai)
}
