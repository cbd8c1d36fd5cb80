//! Dukungan tes: basis data baru per tes, pada SQLite dan PostgreSQL.
//!
//! PostgreSQL dipakai bila `KINERJA_TEST_PG_URL` ada (setiap tes mendapat
//! skema sendiri). Bila `KINERJA_WAJIB_PG=1` (CI) dan URL itu tidak ada, tes
//! gagal — tidak ada tes yang diam-diam melewatkan PostgreSQL.

use crate::{Backend, Db, Hasil};

/// Backend yang harus diuji pada mesin ini.
pub fn backend_uji() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    if std::env::var("KINERJA_TEST_PG_URL").is_ok() {
        v.push(Backend::Postgres);
    } else if std::env::var("KINERJA_WAJIB_PG").as_deref() == Ok("1") {
        panic!(
            "KINERJA_WAJIB_PG=1 tetapi KINERJA_TEST_PG_URL tidak diatur: PostgreSQL wajib diuji"
        );
    }
    v
}

/// Basis data kosong yang sudah dimigrasi.
pub async fn db_baru(backend: Backend) -> Hasil<Db> {
    let db = match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("kinerja-uji");
            let _ = std::fs::create_dir_all(&dir);
            let berkas = dir.join(format!("{}.db", crate::id_baru()));
            Db::buka(&format!("sqlite://{}", berkas.display())).await?
        }
        Backend::Postgres => {
            let url = std::env::var("KINERJA_TEST_PG_URL").expect("KINERJA_TEST_PG_URL");
            let skema = format!("t_{}", crate::id_baru().replace('-', ""));
            let admin = Db::buka(&url).await?;
            // Ekstensi berlaku untuk seluruh basis data: pasang sekali, berurutan,
            // sebelum migrasi skema-skema tes yang berjalan paralel.
            {
                static KUNCI: tokio::sync::Mutex<bool> = tokio::sync::Mutex::const_new(false);
                let mut sudah = KUNCI.lock().await;
                if !*sudah {
                    sqlx::raw_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
                        .execute(admin.pool())
                        .await?;
                    *sudah = true;
                }
            }
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {skema}")))
                .execute(admin.pool())
                .await?;
            admin.tutup().await;
            let sep = if url.contains('?') { '&' } else { '?' };
            Db::buka(&format!("{url}{sep}options=-csearch_path%3D{skema}")).await?
        }
    };
    db.migrasi().await?;
    Ok(db)
}
