//! Penyimpanan Kinerja: satu jalur SQL untuk SQLite (tertanam) dan PostgreSQL
//! (produksi). Semua kueri memakai teks SQL yang sama dengan placeholder `$1`
//! lewat driver `Any` sqlx; nilai disimpan sebagai TEXT/BIGINT agar kedua
//! backend menyimpan setiap digit (lihat docs/adr/0002).

/// SQL yang disusun dari konstanta kolom dan placeholder bernomor, bukan dari
/// masukan pengguna (masukan selalu lewat bind).
macro_rules! sqlf {
    ($($t:tt)*) => { sqlx::AssertSqlSafe(format!($($t)*)) };
}

pub mod akun;
pub mod audit;
pub mod bukti;
pub mod notifikasi;
pub mod organisasi;
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
        if let Some(d) = pg.detail() {
            if let Some(isi) = d.split_once("Key (").and_then(|(_, r)| r.split_once(')')) {
                return isi.0.rsplit(',').next().unwrap_or("").trim().to_string();
            }
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

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
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
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
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
        Ok(Db { pool, backend })
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

    pub async fn tutup(&self) {
        self.pool.close().await;
    }
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

pub fn id_baru() -> String {
    uuid::Uuid::now_v7().to_string()
}
