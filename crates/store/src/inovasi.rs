//! Repositori inovasi pelayanan publik (isu 12): inovasi, penghargaan,
//! konfirmasi tahunan pemilik, replikasi dan laporan berkalanya, kosakata
//! untuk koreksi salah ketik. Migrasi 0050.
//!
//! Pencarian teks penuh adalah satu dari sedikit perbedaan SQL antar-backend
//! (ADR 0002, ADR 0018): FTS5 `MATCH` dengan `bm25` di SQLite, tsvector
//! `simple` dengan `ts_rank` di PostgreSQL. Keduanya menerima kata dasar yang sudah
//! dipotong di Rust (`rules::inovasi::kata_cari`), jadi hasilnya sama.

use crate::{Backend, Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::{AnyPool, Arguments};

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Inovasi {
    pub id: String,
    pub judul: String,
    /// Ringkasan satu paragraf (daftar hasil pencarian).
    pub ringkasan: String,
    /// Latar belakang masalah.
    pub masalah: Option<String>,
    /// Uraian inovasi (solusinya).
    pub solusi: Option<String>,
    /// Hasil dan manfaat yang terbukti.
    pub hasil: Option<String>,
    /// Tahapan pelaksanaan.
    pub tahapan: Option<String>,
    /// Prasyarat agar dapat direplikasi.
    pub prasyarat_replikasi: Option<String>,
    /// Produk/keluaran inovasi (aplikasi, SOP, layanan…).
    pub produk: Option<String>,
    /// Nama instansi pemilik (selalu ada, juga bila pemilik belum memakai Kinerja).
    pub nama_instansi: String,
    pub unit_pemilik: Option<String>,
    /// Instansi pemilik di Kinerja (boleh kosong untuk data repositori lama).
    pub instansi_id: Option<String>,
    /// Kode wilayah Kepmendagri pemilik (`81`, `81.01`).
    pub kode_wilayah: Option<String>,
    /// Kode urusan pemerintahan (`1.02` kesehatan); disimpulkan bila tidak diisi.
    pub urusan: Option<String>,
    /// Jenis inovasi (proses, metode, produk, konseptual, teknologi, …).
    pub jenis: Option<String>,
    /// Tahun mulai diterapkan.
    pub tahun: Option<i64>,
    /// Tanggal mulai diterapkan (YYYY-MM-DD), bila diketahui.
    pub tanggal_implementasi: Option<String>,
    /// Penghargaan tertinggi: `top` (pemenang) atau `top99` (nominasi).
    pub tingkat_penghargaan: Option<String>,
    /// Label penghargaan tertinggi, mis. "Top 45 KIPP 2026".
    pub penghargaan: Option<String>,
    pub video_url: Option<String>,
    /// Asal data (provenans).
    pub sumber: String,
    /// Konfirmasi pemilik terakhir: 1 masih berjalan, 0 berhenti, NULL belum pernah.
    pub masih_berjalan: Option<i64>,
    pub dikonfirmasi_tahun: Option<i64>,
    pub jumlah_replikasi: i64,
    /// Kata dasar judul (dipotong di Rust), dipakai indeks pencarian.
    #[serde(skip)]
    pub judul_cari: String,
    /// Kata dasar isi.
    #[serde(skip)]
    pub isi_cari: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_INOVASI: &str = "id, judul, ringkasan, masalah, solusi, hasil, tahapan, prasyarat_replikasi, produk, nama_instansi, unit_pemilik, instansi_id, kode_wilayah, urusan, jenis, tahun, tanggal_implementasi, tingkat_penghargaan, penghargaan, video_url, sumber, masih_berjalan, dikonfirmasi_tahun, jumlah_replikasi, judul_cari, isi_cari, versi, dibuat_pada, diubah_pada";
const JUMLAH_KOLOM_INOVASI: usize = 29;

fn ikat_inovasi(mut a: AnyArguments, i: &Inovasi) -> AnyArguments {
    let _ = a.add(i.id.clone());
    let _ = a.add(i.judul.clone());
    let _ = a.add(i.ringkasan.clone());
    let _ = a.add(i.masalah.clone());
    let _ = a.add(i.solusi.clone());
    let _ = a.add(i.hasil.clone());
    let _ = a.add(i.tahapan.clone());
    let _ = a.add(i.prasyarat_replikasi.clone());
    let _ = a.add(i.produk.clone());
    let _ = a.add(i.nama_instansi.clone());
    let _ = a.add(i.unit_pemilik.clone());
    let _ = a.add(i.instansi_id.clone());
    let _ = a.add(i.kode_wilayah.clone());
    let _ = a.add(i.urusan.clone());
    let _ = a.add(i.jenis.clone());
    let _ = a.add(i.tahun);
    let _ = a.add(i.tanggal_implementasi.clone());
    let _ = a.add(i.tingkat_penghargaan.clone());
    let _ = a.add(i.penghargaan.clone());
    let _ = a.add(i.video_url.clone());
    let _ = a.add(i.sumber.clone());
    let _ = a.add(i.masih_berjalan);
    let _ = a.add(i.dikonfirmasi_tahun);
    let _ = a.add(i.jumlah_replikasi);
    let _ = a.add(i.judul_cari.clone());
    let _ = a.add(i.isi_cari.clone());
    let _ = a.add(i.versi);
    let _ = a.add(i.dibuat_pada.clone());
    let _ = a.add(i.diubah_pada.clone());
    a
}

/// Banyak inovasi sekaligus (INSERT berbaris banyak; muat awal dan tolok ukur).
pub async fn sisipkan_banyak(k: &mut Koneksi, daftar: &[Inovasi]) -> Hasil<()> {
    let per = Backend::dari_koneksi(k).baris_per_sisip(JUMLAH_KOLOM_INOVASI);
    for potong in daftar.chunks(per) {
        let mut a = AnyArguments::default();
        for i in potong {
            a = ikat_inovasi(a, i);
        }
        let nilai = crate::nilai_banyak(potong.len(), JUMLAH_KOLOM_INOVASI);
        sqlx::query_with(
            sqlf!("INSERT INTO inovasi ({KOLOM_INOVASI}) VALUES {nilai}"),
            a,
        )
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

pub async fn sisipkan(k: &mut Koneksi, i: &Inovasi) -> Hasil<()> {
    sisipkan_banyak(k, std::slice::from_ref(i)).await
}

/// Menulis ulang satu inovasi bila versinya masih `versi_lama` (false: 409).
pub async fn ubah(k: &mut Koneksi, i: &Inovasi, versi_lama: i64) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE inovasi SET judul = $1, ringkasan = $2, masalah = $3, solusi = $4, hasil = $5, tahapan = $6, \
         prasyarat_replikasi = $7, produk = $8, nama_instansi = $9, unit_pemilik = $10, kode_wilayah = $11, \
         urusan = $12, jenis = $13, tahun = $14, tanggal_implementasi = $15, tingkat_penghargaan = $16, \
         penghargaan = $17, video_url = $18, judul_cari = $19, isi_cari = $20, versi = $21, diubah_pada = $22 \
         WHERE id = $23 AND versi = $24",
    )
    .bind(&i.judul)
    .bind(&i.ringkasan)
    .bind(&i.masalah)
    .bind(&i.solusi)
    .bind(&i.hasil)
    .bind(&i.tahapan)
    .bind(&i.prasyarat_replikasi)
    .bind(&i.produk)
    .bind(&i.nama_instansi)
    .bind(&i.unit_pemilik)
    .bind(&i.kode_wilayah)
    .bind(&i.urusan)
    .bind(&i.jenis)
    .bind(i.tahun)
    .bind(&i.tanggal_implementasi)
    .bind(&i.tingkat_penghargaan)
    .bind(&i.penghargaan)
    .bind(&i.video_url)
    .bind(&i.judul_cari)
    .bind(&i.isi_cari)
    .bind(i.versi)
    .bind(&i.diubah_pada)
    .bind(&i.id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn inovasi(pool: &AnyPool, id: &str) -> Hasil<Option<Inovasi>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM_INOVASI} FROM inovasi WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn jumlah(pool: &AnyPool) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inovasi")
        .fetch_one(pool)
        .await?;
    Ok(n)
}

/// Satu halaman data terbuka, urut id (keyset: `setelah` = id terakhir halaman sebelumnya).
pub async fn halaman_data(pool: &AnyPool, setelah: &str, batas: i64) -> Hasil<Vec<Inovasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_INOVASI} FROM inovasi WHERE id > $1 ORDER BY id LIMIT $2"
    ))
    .bind(setelah)
    .bind(batas)
    .fetch_all(pool)
    .await?)
}

/// Menambah kata dasar ke kamus koreksi (yang sudah ada diabaikan).
pub async fn tambah_kosakata(k: &mut Koneksi, kata: &[String]) -> Hasil<()> {
    let per = Backend::dari_koneksi(k).baris_per_sisip(1);
    for potong in kata.chunks(per) {
        let mut a = AnyArguments::default();
        for w in potong {
            let _ = a.add(w.clone());
        }
        let nilai = crate::nilai_banyak(potong.len(), 1);
        sqlx::query_with(
            sqlf!(
                "INSERT INTO kosakata_inovasi (kata) VALUES {nilai} ON CONFLICT (kata) DO NOTHING"
            ),
            a,
        )
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

/// Seluruh kamus (puluhan ribu kata pendek; dimuat ke cache layanan).
pub async fn kosakata(pool: &AnyPool) -> Hasil<Vec<String>> {
    let baris: Vec<(String,)> = sqlx::query_as("SELECT kata FROM kosakata_inovasi")
        .fetch_all(pool)
        .await?;
    Ok(baris.into_iter().map(|(k,)| k).collect())
}

/// Penanda perubahan kamus: (jumlah kata) — cukup untuk tahu cache usang,
/// sebab kata tidak pernah dihapus.
pub async fn jumlah_kosakata(pool: &AnyPool) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM kosakata_inovasi")
        .fetch_one(pool)
        .await?;
    Ok(n)
}

/// Saringan pencarian. `istilah`: konjungsi (AND) dari disjungsi (OR) kata
/// dasar yang sudah disaring ke `[a-z0-9]`; `awalan` = istilah terakhir
/// dicocokkan sebagai awalan (mengetik belum selesai).
#[derive(Clone, Debug, Default)]
pub struct SaringanCari {
    pub istilah: Vec<Vec<String>>,
    pub awalan: bool,
    pub urusan: Option<String>,
    /// Kode wilayah; provinsi (`81`) juga memuat kabupaten/kotanya (`81.xx`).
    pub wilayah: Option<String>,
    pub tahun: Option<i64>,
    /// `top`, `top99`, atau `ada` (penghargaan apa pun).
    pub penghargaan: Option<String>,
    pub jenis: Option<String>,
    pub instansi_id: Option<String>,
    pub batas: i64,
    pub lewati: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RingkasInovasi {
    pub id: String,
    pub judul: String,
    /// Nama instansi pemilik.
    pub instansi: String,
    pub tahun: Option<i64>,
    pub ringkasan: String,
    pub kode_wilayah: Option<String>,
    pub urusan: Option<String>,
    pub penghargaan: Option<String>,
    pub jumlah_replikasi: i64,
    pub masih_berjalan: Option<i64>,
}

fn kata_aman(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Ekspresi kueri per backend dari istilah yang sudah aman (hanya [a-z0-9]).
fn ekspresi(backend: Backend, istilah: &[Vec<String>], awalan: bool) -> Option<String> {
    let mut bagian = Vec::new();
    for (i, alt) in istilah.iter().enumerate() {
        let terakhir = awalan && i + 1 == istilah.len();
        let kata: Vec<String> = alt
            .iter()
            .filter(|w| kata_aman(w))
            .map(|w| match (backend, terakhir) {
                (Backend::Sqlite, false) => format!("\"{w}\""),
                (Backend::Sqlite, true) => format!("\"{w}\"*"),
                (Backend::Postgres, false) => w.clone(),
                (Backend::Postgres, true) => format!("{w}:*"),
            })
            .collect();
        if kata.is_empty() {
            continue;
        }
        let atau = match backend {
            Backend::Sqlite => kata.join(" OR "),
            Backend::Postgres => kata.join(" | "),
        };
        bagian.push(format!("({atau})"));
    }
    if bagian.is_empty() {
        return None;
    }
    Some(match backend {
        Backend::Sqlite => bagian.join(" AND "),
        Backend::Postgres => bagian.join(" & "),
    })
}

type BarisRingkas = (
    String,
    String,
    String,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    Option<i64>,
);

fn ringkas_dari(b: BarisRingkas) -> RingkasInovasi {
    RingkasInovasi {
        id: b.0,
        judul: b.1,
        instansi: b.2,
        tahun: b.3,
        ringkasan: b.4,
        kode_wilayah: b.5,
        urusan: b.6,
        penghargaan: b.7,
        jumlah_replikasi: b.8,
        masih_berjalan: b.9,
    }
}

/// SQLite tanpa saringan kolom: halaman teratas dipilih di FTS5.
async fn cari_fts_saja(
    pool: &AnyPool,
    ekspresi: &str,
    batas: i64,
    lewati: i64,
) -> Hasil<(Vec<RingkasInovasi>, i64)> {
    let baris: Vec<BarisRingkas> = sqlx::query_as(
        "SELECT i.id, i.judul, i.nama_instansi, i.tahun, i.ringkasan, i.kode_wilayah, i.urusan, \
         i.penghargaan, i.jumlah_replikasi, i.masih_berjalan \
         FROM (SELECT inovasi_id, bm25(inovasi_fts, 0.0, 10.0, 1.0) AS skor FROM inovasi_fts \
               WHERE inovasi_fts MATCH $1 ORDER BY skor, inovasi_id LIMIT $2 OFFSET $3) f \
         JOIN inovasi i ON i.id = f.inovasi_id ORDER BY f.skor, i.id",
    )
    .bind(ekspresi)
    .bind(batas)
    .bind(lewati)
    .fetch_all(pool)
    .await?;
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM inovasi_fts WHERE inovasi_fts MATCH $1")
            .bind(ekspresi)
            .fetch_one(pool)
            .await?;
    Ok((baris.into_iter().map(ringkas_dari).collect(), total))
}

/// Nilai ikatan yang dapat dipakai dua kali (daftar dan hitungan).
#[derive(Clone)]
enum Ikat {
    Teks(String),
    Angka(i64),
}

fn args(v: &[Ikat]) -> AnyArguments {
    let mut a = AnyArguments::default();
    for x in v {
        let _ = match x {
            Ikat::Teks(t) => a.add(t.clone()),
            Ikat::Angka(n) => a.add(*n),
        };
    }
    a
}

/// Hasil pencarian terbaik dulu (tanpa istilah: terbaru dulu) dan jumlah seluruhnya.
pub async fn cari(pool: &AnyPool, s: &SaringanCari) -> Hasil<(Vec<RingkasInovasi>, i64)> {
    let backend = Backend::dari_pool(pool);
    let mut v: Vec<Ikat> = Vec::new();
    let mut p = |x: Ikat| {
        v.push(x);
        format!("${}", v.len())
    };
    let mut syarat: Vec<String> = Vec::new();
    let expr = ekspresi(backend, &s.istilah, s.awalan);
    // SQLite tanpa saringan: peringkat dan potongan halaman dikerjakan di
    // dalam FTS5 saja; baris `inovasi` (besar) hanya dibaca untuk satu
    // halaman, dan jumlahnya dihitung dari FTS5 tanpa JOIN.
    let tanpa_saringan = s.urusan.is_none()
        && s.wilayah.is_none()
        && s.tahun.is_none()
        && s.penghargaan.is_none()
        && s.jenis.is_none()
        && s.instansi_id.is_none();
    if let (Some(e), Backend::Sqlite, true) = (&expr, backend, tanpa_saringan) {
        return cari_fts_saja(pool, e, s.batas, s.lewati).await;
    }
    let (dari, urut) = match (&expr, backend) {
        (Some(e), Backend::Sqlite) => {
            let ph = p(Ikat::Teks(e.clone()));
            syarat.push(format!("inovasi_fts MATCH {ph}"));
            (
                "FROM inovasi_fts f JOIN inovasi i ON i.id = f.inovasi_id",
                "bm25(inovasi_fts, 0.0, 10.0, 1.0), i.id".to_string(),
            )
        }
        (Some(e), Backend::Postgres) => {
            let ph = p(Ikat::Teks(e.clone()));
            syarat.push(format!("i.cari @@ to_tsquery('simple', {ph})"));
            (
                "FROM inovasi i",
                format!("ts_rank(i.cari, to_tsquery('simple', {ph})) DESC, i.id"),
            )
        }
        // Terbaru dulu lewat indeks (tahun, id) yang dibaca mundur; tahun
        // kosong terakhir di kedua backend.
        (None, Backend::Sqlite) => ("FROM inovasi i", "i.tahun DESC, i.id DESC".to_string()),
        (None, Backend::Postgres) => (
            "FROM inovasi i",
            "i.tahun DESC NULLS LAST, i.id DESC".to_string(),
        ),
    };
    if let Some(u) = &s.urusan {
        let ph = p(Ikat::Teks(u.clone()));
        syarat.push(format!("i.urusan = {ph}"));
    }
    if let Some(w) = &s.wilayah {
        let ph = p(Ikat::Teks(w.clone()));
        let ph2 = p(Ikat::Teks(format!("{w}.%")));
        syarat.push(format!(
            "(i.kode_wilayah = {ph} OR i.kode_wilayah LIKE {ph2})"
        ));
    }
    if let Some(t) = s.tahun {
        let ph = p(Ikat::Angka(t));
        syarat.push(format!("i.tahun = {ph}"));
    }
    match s.penghargaan.as_deref() {
        Some("ada") => syarat.push("i.tingkat_penghargaan IS NOT NULL".into()),
        Some(t) => {
            let ph = p(Ikat::Teks(t.to_string()));
            syarat.push(format!("i.tingkat_penghargaan = {ph}"));
        }
        None => {}
    }
    if let Some(j) = &s.jenis {
        let ph = p(Ikat::Teks(j.clone()));
        syarat.push(format!("i.jenis = {ph}"));
    }
    if let Some(iid) = &s.instansi_id {
        let ph = p(Ikat::Teks(iid.clone()));
        syarat.push(format!("i.instansi_id = {ph}"));
    }
    let di_mana = if syarat.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", syarat.join(" AND "))
    };
    let ph_batas = p(Ikat::Angka(s.batas));
    let ph_lewati = p(Ikat::Angka(s.lewati));
    let sql = format!(
        "SELECT i.id, i.judul, i.nama_instansi, i.tahun, i.ringkasan, i.kode_wilayah, i.urusan, \
         i.penghargaan, i.jumlah_replikasi, i.masih_berjalan {dari} {di_mana} ORDER BY {urut} \
         LIMIT {ph_batas} OFFSET {ph_lewati}"
    );
    type Baris = (
        String,
        String,
        String,
        Option<i64>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
        Option<i64>,
    );
    let baris: Vec<Baris> = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), args(&v))
        .fetch_all(pool)
        .await?;
    let daftar = baris
        .into_iter()
        .map(|b| RingkasInovasi {
            id: b.0,
            judul: b.1,
            instansi: b.2,
            tahun: b.3,
            ringkasan: b.4,
            kode_wilayah: b.5,
            urusan: b.6,
            penghargaan: b.7,
            jumlah_replikasi: b.8,
            masih_berjalan: b.9,
        })
        .collect();
    // Tanpa batas/lewati (dua ikatan terakhir): urutan ikatan lain sama.
    let (total,): (i64,) = sqlx::query_as_with(
        sqlx::AssertSqlSafe(format!("SELECT COUNT(*) {dari} {di_mana}")),
        args(&v[..v.len() - 2]),
    )
    .fetch_one(pool)
    .await?;
    Ok((daftar, total))
}

// ---------- penghargaan dan konfirmasi ----------

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Penghargaan {
    pub inovasi_id: String,
    pub id: String,
    pub tahun: i64,
    /// `top` atau `top99`.
    pub tingkat: String,
    pub label: String,
    pub kompetisi_id: Option<String>,
    pub dibuat_pada: String,
}

pub async fn sisipkan_penghargaan(k: &mut Koneksi, p: &Penghargaan) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO penghargaan_inovasi (inovasi_id, id, tahun, tingkat, label, kompetisi_id, dibuat_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&p.inovasi_id)
    .bind(&p.id)
    .bind(p.tahun)
    .bind(&p.tingkat)
    .bind(&p.label)
    .bind(&p.kompetisi_id)
    .bind(&p.dibuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn penghargaan(pool: &AnyPool, inovasi_id: &str) -> Hasil<Vec<Penghargaan>> {
    Ok(sqlx::query_as(
        "SELECT inovasi_id, id, tahun, tingkat, label, kompetisi_id, dibuat_pada FROM penghargaan_inovasi \
         WHERE inovasi_id = $1 ORDER BY tahun DESC, id",
    )
    .bind(inovasi_id)
    .fetch_all(pool)
    .await?)
}

/// Penghargaan tertinggi yang ditampilkan di daftar: `top` mengalahkan `top99`,
/// lalu yang terbaru.
pub async fn segarkan_penghargaan(k: &mut Koneksi, inovasi_id: &str) -> Hasil<()> {
    let terbaik: Option<(String, String)> = sqlx::query_as(
        "SELECT tingkat, label FROM penghargaan_inovasi WHERE inovasi_id = $1 \
         ORDER BY CASE tingkat WHEN 'top' THEN 0 ELSE 1 END, tahun DESC, id DESC LIMIT 1",
    )
    .bind(inovasi_id)
    .fetch_optional(&mut *k)
    .await?;
    let (t, l) = terbaik.unzip();
    sqlx::query("UPDATE inovasi SET tingkat_penghargaan = $1, penghargaan = $2 WHERE id = $3")
        .bind(t)
        .bind(l)
        .bind(inovasi_id)
        .execute(&mut *k)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Konfirmasi {
    pub inovasi_id: String,
    pub tahun: i64,
    pub masih_berjalan: i64,
    pub catatan: String,
    pub instansi_id: String,
    pub pengguna_id: String,
    pub dibuat_pada: String,
}

/// Konfirmasi tahunan pemilik (satu per tahun; mengirim lagi menimpa).
pub async fn simpan_konfirmasi(k: &mut Koneksi, c: &Konfirmasi) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO konfirmasi_inovasi (inovasi_id, tahun, masih_berjalan, catatan, instansi_id, pengguna_id, dibuat_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (inovasi_id, tahun) DO UPDATE SET \
         masih_berjalan = excluded.masih_berjalan, catatan = excluded.catatan, instansi_id = excluded.instansi_id, \
         pengguna_id = excluded.pengguna_id, dibuat_pada = excluded.dibuat_pada",
    )
    .bind(&c.inovasi_id)
    .bind(c.tahun)
    .bind(c.masih_berjalan)
    .bind(&c.catatan)
    .bind(&c.instansi_id)
    .bind(&c.pengguna_id)
    .bind(&c.dibuat_pada)
    .execute(&mut *k)
    .await?;
    // Status yang ditampilkan = konfirmasi tahun terbaru.
    sqlx::query(
        "UPDATE inovasi SET (masih_berjalan, dikonfirmasi_tahun) = \
         (SELECT masih_berjalan, tahun FROM konfirmasi_inovasi WHERE inovasi_id = $1 ORDER BY tahun DESC LIMIT 1) \
         WHERE id = $1",
    )
    .bind(&c.inovasi_id)
    .execute(&mut *k)
    .await?;
    Ok(())
}

pub async fn konfirmasi(pool: &AnyPool, inovasi_id: &str) -> Hasil<Vec<Konfirmasi>> {
    Ok(sqlx::query_as(
        "SELECT inovasi_id, tahun, masih_berjalan, catatan, instansi_id, pengguna_id, dibuat_pada \
         FROM konfirmasi_inovasi WHERE inovasi_id = $1 ORDER BY tahun DESC",
    )
    .bind(inovasi_id)
    .fetch_all(pool)
    .await?)
}

// ---------- replikasi ----------

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Replikasi {
    /// Instansi yang mereplikasi.
    pub instansi_id: String,
    pub id: String,
    pub inovasi_id: String,
    pub unit_id: Option<String>,
    /// Unit/pejabat penanggung jawab (teks).
    pub penanggung_jawab: String,
    /// Apa yang disesuaikan dari aslinya.
    pub adaptasi: String,
    /// Tanggal mulai (YYYY-MM-DD).
    pub mulai: String,
    /// `berjalan` atau `berhenti`.
    pub status: String,
    /// Kode wilayah instansi yang mereplikasi (salinan, untuk peta).
    pub kode_wilayah: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_REPLIKASI: &str = "instansi_id, id, inovasi_id, unit_id, penanggung_jawab, adaptasi, mulai, status, kode_wilayah, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_replikasi(k: &mut Koneksi, r: &Replikasi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO replikasi_inovasi ({KOLOM_REPLIKASI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(&r.instansi_id)
    .bind(&r.id)
    .bind(&r.inovasi_id)
    .bind(&r.unit_id)
    .bind(&r.penanggung_jawab)
    .bind(&r.adaptasi)
    .bind(&r.mulai)
    .bind(&r.status)
    .bind(&r.kode_wilayah)
    .bind(r.versi)
    .bind(&r.dibuat_pada)
    .bind(&r.diubah_pada)
    .execute(&mut *k)
    .await?;
    hitung_ulang_replikasi(k, &r.inovasi_id).await
}

pub async fn ubah_status_replikasi(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    status: &str,
    diubah_pada: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE replikasi_inovasi SET status = $1, versi = versi + 1, diubah_pada = $2 WHERE instansi_id = $3 AND id = $4",
    )
    .bind(status)
    .bind(diubah_pada)
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

/// `jumlah_replikasi` di baris inovasi (tampilan daftar) = replikasi yang tercatat.
pub async fn hitung_ulang_replikasi(k: &mut Koneksi, inovasi_id: &str) -> Hasil<()> {
    sqlx::query(
        "UPDATE inovasi SET jumlah_replikasi = (SELECT COUNT(*) FROM replikasi_inovasi WHERE inovasi_id = $1) WHERE id = $1",
    )
    .bind(inovasi_id)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn replikasi(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Replikasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REPLIKASI} FROM replikasi_inovasi WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn replikasi_instansi(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Replikasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REPLIKASI} FROM replikasi_inovasi WHERE instansi_id = $1 ORDER BY mulai DESC, id"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

/// Replikasi sebuah inovasi, dengan nama instansi dan laporan terakhirnya
/// (halaman publik inovasi).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct ReplikasiPublik {
    pub instansi_id: String,
    pub id: String,
    pub instansi: String,
    pub kode_wilayah: Option<String>,
    pub wilayah: Option<String>,
    pub penanggung_jawab: String,
    pub adaptasi: String,
    pub mulai: String,
    pub status: String,
    /// Laporan berkala terakhir: periode, capaian, masih berjalan.
    pub laporan_periode: Option<String>,
    pub laporan_capaian: Option<String>,
    pub laporan_masih_berjalan: Option<i64>,
    pub jumlah_laporan: i64,
}

pub async fn replikasi_dari(pool: &AnyPool, inovasi_id: &str) -> Hasil<Vec<ReplikasiPublik>> {
    let mut a = AnyArguments::default();
    let _ = a.add(inovasi_id.to_string());
    crate::semua_sebagai_json(
        pool,
        "instansi_id, id, instansi, kode_wilayah, wilayah, penanggung_jawab, adaptasi, mulai, status, \
         laporan_periode, laporan_capaian, laporan_masih_berjalan, jumlah_laporan",
        "FROM (SELECT r.instansi_id, r.id, n.nama AS instansi, r.kode_wilayah, w.nama AS wilayah, \
         r.penanggung_jawab, r.adaptasi, r.mulai, r.status, \
         (SELECT l.periode FROM laporan_replikasi l WHERE l.instansi_id = r.instansi_id AND l.replikasi_id = r.id ORDER BY l.periode DESC LIMIT 1) AS laporan_periode, \
         (SELECT l.capaian FROM laporan_replikasi l WHERE l.instansi_id = r.instansi_id AND l.replikasi_id = r.id ORDER BY l.periode DESC LIMIT 1) AS laporan_capaian, \
         (SELECT l.masih_berjalan FROM laporan_replikasi l WHERE l.instansi_id = r.instansi_id AND l.replikasi_id = r.id ORDER BY l.periode DESC LIMIT 1) AS laporan_masih_berjalan, \
         (SELECT COUNT(*) FROM laporan_replikasi l WHERE l.instansi_id = r.instansi_id AND l.replikasi_id = r.id) AS jumlah_laporan \
         FROM replikasi_inovasi r JOIN instansi n ON n.id = r.instansi_id LEFT JOIN wilayah w ON w.kode = r.kode_wilayah \
         WHERE r.inovasi_id = $1) x",
        "t.mulai, t.id",
        a,
    )
    .await
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct LaporanReplikasi {
    pub instansi_id: String,
    pub id: String,
    pub replikasi_id: String,
    /// Periode laporan (`2026-S1`, `2026-S2`: per semester).
    pub periode: String,
    pub masih_berjalan: i64,
    /// Capaian/hasil pada periode itu.
    pub capaian: String,
    pub bukti_id: Option<String>,
    pub tautan: Option<String>,
    pub pengguna_id: String,
    pub dibuat_pada: String,
}

const KOLOM_LAPORAN: &str = "instansi_id, id, replikasi_id, periode, masih_berjalan, capaian, bukti_id, tautan, pengguna_id, dibuat_pada";

pub async fn sisipkan_laporan(k: &mut Koneksi, l: &LaporanReplikasi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO laporan_replikasi ({KOLOM_LAPORAN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    ))
    .bind(&l.instansi_id)
    .bind(&l.id)
    .bind(&l.replikasi_id)
    .bind(&l.periode)
    .bind(l.masih_berjalan)
    .bind(&l.capaian)
    .bind(&l.bukti_id)
    .bind(&l.tautan)
    .bind(&l.pengguna_id)
    .bind(&l.dibuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn laporan(
    pool: &AnyPool,
    instansi_id: &str,
    replikasi_id: &str,
) -> Hasil<Vec<LaporanReplikasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_LAPORAN} FROM laporan_replikasi WHERE instansi_id = $1 AND replikasi_id = $2 ORDER BY periode DESC"
    ))
    .bind(instansi_id)
    .bind(replikasi_id)
    .fetch_all(pool)
    .await?)
}

/// Apakah bukti ini dirujuk laporan replikasi (jalur baca bukti).
pub async fn laporan_dengan_bukti(
    pool: &AnyPool,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<Option<LaporanReplikasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_LAPORAN} FROM laporan_replikasi WHERE instansi_id = $1 AND bukti_id = $2 LIMIT 1"
    ))
    .bind(instansi_id)
    .bind(bukti_id)
    .fetch_optional(pool)
    .await?)
}

/// Sebaran replikasi per wilayah: nasional per provinsi (`provinsi` None) atau
/// per kabupaten/kota di satu provinsi.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct SebaranWilayah {
    pub kode: String,
    pub nama: String,
    /// Replikasi yang tercatat di wilayah itu.
    pub replikasi: i64,
    /// Yang masih berjalan.
    pub berjalan: i64,
    /// Inovasi berbeda yang direplikasi.
    pub inovasi: i64,
}

pub async fn sebaran(pool: &AnyPool, provinsi: Option<&str>) -> Hasil<Vec<SebaranWilayah>> {
    let mut a = AnyArguments::default();
    let (kelompok, syarat) = match provinsi {
        None => (
            "SUBSTR(r.kode_wilayah, 1, 2)",
            "r.kode_wilayah IS NOT NULL".to_string(),
        ),
        Some(p) => {
            let _ = a.add(p.to_string());
            let _ = a.add(format!("{p}.%"));
            (
                "r.kode_wilayah",
                "(r.kode_wilayah = $1 OR r.kode_wilayah LIKE $2)".to_string(),
            )
        }
    };
    crate::semua_sebagai_json(
        pool,
        "kode, nama, replikasi, berjalan, inovasi",
        &format!(
            "FROM (SELECT g.kode, COALESCE(w.nama, g.kode) AS nama, g.replikasi, g.berjalan, g.inovasi FROM \
             (SELECT {kelompok} AS kode, COUNT(*) AS replikasi, \
              SUM(CASE WHEN r.status = 'berjalan' THEN 1 ELSE 0 END) AS berjalan, \
              COUNT(DISTINCT r.inovasi_id) AS inovasi \
              FROM replikasi_inovasi r WHERE {syarat} GROUP BY {kelompok}) g \
             LEFT JOIN wilayah w ON w.kode = g.kode) x"
        ),
        "t.replikasi DESC, t.kode",
        a,
    )
    .await
}
