//! Penyimpanan Kinerja: satu jalur SQL untuk SQLite (tertanam) dan PostgreSQL
//! (produksi). Semua kueri memakai teks SQL yang sama dengan placeholder `$1`
//! lewat driver `Any` sqlx; nilai disimpan sebagai TEXT/BIGINT agar kedua
//! backend menyimpan setiap digit (lihat docs/adr/0002).

/// SQL yang disusun dari konstanta kolom dan placeholder bernomor, bukan dari
/// masukan pengguna (masukan selalu lewat bind).
macro_rules! sqlf {
    ($($t:tt)*) => { sqlx::AssertSqlSafe(format!($($t)*)) };
}

pub mod aksi_perubahan;
pub mod akun;
pub mod audit;
pub mod bukti;
pub mod inovasi;
pub mod kompetisi;
pub mod nomenklatur;
pub mod notifikasi;
pub mod organisasi;
pub mod perencanaan;
pub mod sakip;
pub mod skp;
pub mod tugas;
pub mod uji;
pub mod wilayah;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, Transaction};
use std::str::FromStr;
use std::time::Duration;

pub use sqlx::AnyConnection as Koneksi;
pub use sqlx::AnyPool;
pub use sqlx::Error as SqlxError;
pub type Transaksi<'a> = Transaction<'a, Any>;

#[derive(Debug, thiserror::Error)]
pub enum GalatStore {
    #[error("basis data: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("migrasi: {0}")]
    Migrasi(#[from] sqlx::migrate::MigrateError),
    #[error("URL basis data tidak dikenal: {0}")]
    UrlTidakDikenal(String),
}

impl GalatStore {
    /// Pelanggaran UNIQUE (mis. NIP ganda) — dipetakan ke 409 oleh lapisan atas.
    pub fn pelanggaran_unik(&self) -> bool {
        match self {
            GalatStore::Sql(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
    pub fn pelanggaran_fk(&self) -> bool {
        match self {
            GalatStore::Sql(sqlx::Error::Database(e)) => e.is_foreign_key_violation(),
            _ => false,
        }
    }
}

/// Aturan basis data yang dilanggar, untuk dipetakan ke 409/422 dengan kolomnya.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kendala {
    /// UNIQUE atau PRIMARY KEY: data yang sama sudah ada (409).
    Unik(String),
    /// FOREIGN KEY, NOT NULL, CHECK, atau nilai yang ditolak basis data
    /// (NUL, terlalu panjang, bentuk salah): masukan tidak sah (422).
    TidakSah(String),
}

impl GalatStore {
    /// Kendala yang dilanggar beserta kolomnya (sebisanya; `""` bila tidak diketahui).
    pub fn kendala(&self) -> Option<Kendala> {
        let GalatStore::Sql(sqlx::Error::Database(e)) = self else {
            return None;
        };
        let kolom = kolom_kendala(e.as_ref());
        match e.kind() {
            sqlx::error::ErrorKind::UniqueViolation => Some(Kendala::Unik(kolom)),
            sqlx::error::ErrorKind::ForeignKeyViolation
            | sqlx::error::ErrorKind::NotNullViolation
            | sqlx::error::ErrorKind::CheckViolation => Some(Kendala::TidakSah(kolom)),
            _ => {
                // PostgreSQL kelas 22 (data exception): NUL, teks terlalu panjang, format.
                let kode = e.code().unwrap_or_default();
                kode.starts_with("22").then_some(Kendala::TidakSah(kolom))
            }
        }
    }
}

/// Kolom terakhir yang disebut galat: SQLite "UNIQUE constraint failed:
/// pegawai.instansi_id, pegawai.nip" → `nip`; PostgreSQL "Key (instansi_id,
/// nip)=(…)" → `nip`, atau kolom NOT NULL-nya.
fn kolom_kendala(e: &dyn sqlx::error::DatabaseError) -> String {
    if let Some(pg) = e.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
        if let Some(k) = pg.column() {
            return k.to_string();
        }
        if let Some(d) = pg.detail()
            && let Some(isi) = d.split_once("Key (").and_then(|(_, r)| r.split_once(')'))
        {
            return isi.0.rsplit(',').next().unwrap_or("").trim().to_string();
        }
        return String::new();
    }
    let m = e.message();
    m.split_once("failed: ")
        .map(|(_, r)| r.rsplit(',').next().unwrap_or("").trim())
        .and_then(|k| k.rsplit('.').next())
        .unwrap_or("")
        .to_string()
}

pub type Hasil<T> = Result<T, GalatStore>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Backend sebuah pool `Any`, dari skema URL-nya.
    pub fn dari_pool(pool: &AnyPool) -> Backend {
        if pool.connect_options().database_url.scheme() == "sqlite" {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }

    /// Backend sebuah koneksi.
    pub fn dari_koneksi(k: &Koneksi) -> Backend {
        if k.backend_name() == "SQLite" {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }

    /// Baris per INSERT berbaris banyak untuk tabel ber-`kolom` kolom.
    /// sqlx-sqlite mencari nama setiap parameter `$N` dengan penelusuran
    /// linear (`sqlite3_bind_parameter_name`), jadi biaya satu pernyataan
    /// tumbuh kuadratik dengan jumlah parameternya: ±320 parameter menyeimbangkan
    /// itu dengan biaya satu perjalanan ke thread pekerja (docs/tolok-ukur.md).
    /// PostgreSQL mengikat parameter menurut posisi: 200 baris.
    pub fn baris_per_sisip(self, kolom: usize) -> usize {
        match self {
            Backend::Sqlite => (320 / kolom.max(1)).max(1),
            Backend::Postgres => 200,
        }
    }

    /// Agregat larik JSON (urutannya dengan `ORDER BY` di dalam agregat).
    /// Satu dari sedikit perbedaan SQL antar-backend (ADR 0012).
    pub fn json_larik(self) -> &'static str {
        match self {
            Backend::Sqlite => "json_group_array",
            Backend::Postgres => "json_agg",
        }
    }

    /// Objek JSON dari pasangan `'kunci', nilai, …`.
    pub fn json_objek(self) -> &'static str {
        match self {
            Backend::Sqlite => "json_object",
            Backend::Postgres => "json_build_object",
        }
    }
}

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite: satu transaksi tulis jalur panas pada satu waktu di proses ini
    /// ([`Db::kunci_tulis`]).
    penulis: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl Db {
    /// Membuka `sqlite://path` (berkas dibuat bila belum ada) atau `postgres://…`.
    pub async fn buka(url: &str) -> Hasil<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(GalatStore::UrlTidakDikenal(url.to_string()));
        };
        let url = if backend == Backend::Sqlite && !url.contains("mode=") {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}mode=rwc")
        } else {
            url.to_string()
        };
        let opsi = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(ukuran_pool(backend))
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Kunci tulis tunggal SQLite: tunggu, jangan gagal, saat sibuk.
                        sqlx::raw_sql(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;",
                        )
                        .execute(conn)
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(opsi)
            .await?;
        if backend == Backend::Sqlite {
            sqlx::raw_sql("PRAGMA journal_mode = WAL;")
                .execute(&pool)
                .await?;
        }
        Ok(Db {
            pool,
            backend,
            penulis: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn migrasi(&self) -> Hasil<()> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("../../migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("../../migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        wilayah::isi_bila_kosong(&self.pool).await?;
        Ok(())
    }

    pub async fn mulai(&self) -> Hasil<Transaksi<'static>> {
        Ok(self.pool.begin().await?)
    }

    /// Giliran menulis untuk jalur yang ditulis serentak oleh banyak orang
    /// (serbuan realisasi akhir bulan). SQLite hanya punya satu penulis: tanpa
    /// giliran, transaksi yang kalah menunggu lewat `busy_timeout`, yang
    /// tidur 1…100 ms per percobaan — ekor latensinya ratusan ms. Dengan
    /// giliran di proses, penulis antre di memori dan langsung jalan saat
    /// gilirannya. PostgreSQL: `None` (penulis berjalan bersamaan). Pegang
    /// nilainya sampai transaksi di-commit.
    pub async fn kunci_tulis(&self) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        match self.backend {
            Backend::Sqlite => Some(self.penulis.clone().lock_owned().await),
            Backend::Postgres => None,
        }
    }

    pub async fn tutup(&self) {
        self.pool.close().await;
    }
}

/// Koneksi per proses: `KINERJA_DB_KONEKSI`, bawaan per backend (docs/tolok-ukur.md).
fn ukuran_pool(backend: Backend) -> u32 {
    std::env::var("KINERJA_DB_KONEKSI")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| (1..=256).contains(n))
        .unwrap_or(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        })
}

/// Semua baris sebuah kueri sebagai satu nilai JSON yang dirakit basis data
/// lalu diurai sekali ke `T` (ADR 0012): lewat driver `Any` setiap baris hasil
/// berharga ~10 µs, satu nilai hanya sekali. `kolom` adalah nama kolom
/// keluaran `dari` (juga kunci JSON-nya), `urut` pengurutan atas alias `t`.
/// Untuk daftar berukuran halaman atau pohon unit, bukan puluhan ribu baris
/// (satu teks utuh di memori).
pub async fn semua_sebagai_json<T: serde::de::DeserializeOwned>(
    pool: &AnyPool,
    kolom: &str,
    dari: &str,
    urut: &str,
    args: sqlx::any::AnyArguments,
) -> Hasil<Vec<T>> {
    let d = Backend::dari_pool(pool);
    let mut pasangan = String::new();
    for (i, k) in kolom.split(',').map(str::trim).enumerate() {
        if i > 0 {
            pasangan.push_str(", ");
        }
        pasangan.push_str(&format!("'{k}', t.{k}"));
    }
    let sql = format!(
        "SELECT CAST({larik}({objek}({pasangan}) ORDER BY {urut}) AS TEXT) FROM (SELECT {kolom} {dari}) t",
        larik = d.json_larik(),
        objek = d.json_objek(),
    );
    let (isi,): (Option<String>,) = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), args)
        .fetch_one(pool)
        .await?;
    urai_json(isi.as_deref())
}

/// Larik JSON dari basis data ke `Vec<T>`; NULL (agregat atas nol baris di
/// PostgreSQL) menjadi kosong.
pub fn urai_json<T: serde::de::DeserializeOwned>(isi: Option<&str>) -> Hasil<Vec<T>> {
    match isi {
        None => Ok(Vec::new()),
        Some(t) => {
            serde_json::from_str(t).map_err(|e| GalatStore::Sql(sqlx::Error::Decode(Box::new(e))))
        }
    }
}

/// Baris yang ditampung pemanggil sebelum menulis dengan INSERT berbaris
/// banyak (impor); store memotongnya lagi per backend ([`Backend::baris_per_sisip`]).
pub const BARIS_PER_SISIP: usize = 200;

/// `($awal+1, …, $awal+kolom), (…)` untuk `baris` baris: satu INSERT untuk
/// banyak baris, agar muat massal tidak membayar satu perjalanan ke basis
/// data per baris (docs/tolok-ukur.md).
pub fn nilai_banyak(baris: usize, kolom: usize) -> String {
    let mut s = String::with_capacity(baris * kolom * 5);
    for b in 0..baris {
        if b > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for c in 0..kolom {
            if c > 0 {
                s.push_str(", ");
            }
            s.push('$');
            s.push_str(&(b * kolom + c + 1).to_string());
        }
        s.push(')');
    }
    s
}

/// Waktu sekarang dalam UTC, format tetap (urut sebagai teks).
pub fn sekarang() -> String {
    format_waktu(time::OffsetDateTime::now_utc())
}

pub fn format_waktu(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

#[cfg(test)]
mod tes {
    #[test]
    fn nilai_banyak_bernomor_urut() {
        assert_eq!(super::nilai_banyak(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(super::nilai_banyak(1, 1), "($1)");
    }
}

pub fn id_baru() -> String {
    uuid::Uuid::now_v7().to_string()
}
