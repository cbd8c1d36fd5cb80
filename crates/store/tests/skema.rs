//! Tes skema pada kedua backend: migrasi berjalan, dan aturan distribusi
//! (instansi_id di setiap kunci tabel besar) dipatuhi.

use store::Backend;
use store::uji::{backend_uji, db_baru};

/// Tabel kecil/rujukan atau pencarian global yang sengaja tanpa instansi_id
/// di kuncinya (di Citus: tabel rujukan atau lokal koordinator).
const DIKECUALIKAN: &[&str] = &[
    "wilayah",               // rujukan nasional, 552 baris
    "instansi",              // rujukan, ±600 baris; kolom distribusi itu sendiri
    "nip_global",            // keunikan NIP nasional (pindah antar-instansi)
    "login_global",          // nama pengguna → instansi untuk masuk
    "sesi",                  // dicari dengan hash token
    "token_api",             // dicari dengan hash token
    "token_sandi",           // tautan atur ulang sandi: dicari dengan hash token
    "percobaan_masuk",       // pembatas percobaan masuk
    "rahasia_server",        // beberapa baris kunci server
    "tugas",        // antrean pekerjaan latar, dipindai lintas instansi (lokal koordinator)
    "tugas_berkas", // unggahan impor latar, sementara (lokal koordinator)
    "nomenklatur_versi", // rujukan nasional: perubahan Kepmendagri yang dimuat admin
    "nomenklatur_perubahan", // rujukan nasional, ±10⁴ baris
    "lke_templat",  // rujukan nasional: templat LKE yang dimuat admin
    "aksi_global",  // id proyek perubahan → instansi alumni (seperti nip_global)
    // Repositori inovasi (isu 12): nasional, ±30.000 baris, dicari publik lintas instansi.
    "inovasi",
    "kosakata_inovasi",
    "penghargaan_inovasi",
    "konfirmasi_inovasi",
    // Kompetisi inovasi: ±3.500 entri/tahun nasional, dibaca lintas instansi
    // oleh penyelenggara dan juri (seperti `tugas`: lokal koordinator).
    "kompetisi",
    "kelompok_kompetisi",
    "tahap_kompetisi",
    "kriteria_tahap",
    "entri_kompetisi",
    "juri_kompetisi",
    "konflik_juri",
    "penilaian_entri",
    "hasil_tahap",
    "_sqlx_migrations",
];

/// FK tabel besar ke tabel rujukan (Citus menerimanya: tabel rujukan ada di
/// setiap node).
const FK_KE_RUJUKAN: &[(&str, &str)] = &[("replikasi_inovasi", "inovasi_id")];

/// (tabel, jenis kunci, kolom) untuk setiap PK, UNIQUE dan FK.
async fn kunci(db: &store::Db) -> Vec<(String, String, Vec<String>)> {
    let pool = db.pool();
    let mut hasil = Vec::new();
    match db.backend() {
        Backend::Postgres => {
            let baris: Vec<(String, String, String, String)> = sqlx::query_as(
                "SELECT tc.table_name::text, tc.constraint_type::text, tc.constraint_name::text, kcu.column_name::text \
                 FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu \
                 ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema \
                 WHERE tc.table_schema = current_schema() AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') \
                 ORDER BY 1, 3",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            let mut peta: std::collections::BTreeMap<(String, String, String), Vec<String>> =
                Default::default();
            for (t, jenis, nama, kolom) in baris {
                peta.entry((t, jenis, nama)).or_default().push(kolom);
            }
            for ((t, jenis, _), kolom) in peta {
                hasil.push((t, jenis, kolom));
            }
        }
        Backend::Sqlite => {
            let tabel: Vec<(String,)> = sqlx::query_as(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for (t,) in tabel {
                let kolom: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT name, pk FROM pragma_table_info('{t}')"
                )))
                .fetch_all(pool)
                .await
                .unwrap();
                let pk: Vec<String> = kolom
                    .iter()
                    .filter(|(_, pk)| *pk > 0)
                    .map(|(n, _)| n.clone())
                    .collect();
                hasil.push((t.clone(), "PRIMARY KEY".into(), pk));
                let indeks: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'u'"
                )))
                .fetch_all(pool)
                .await
                .unwrap();
                for (nama, _) in indeks {
                    let k: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                        "SELECT name FROM pragma_index_info('{nama}')"
                    )))
                    .fetch_all(pool)
                    .await
                    .unwrap();
                    hasil.push((
                        t.clone(),
                        "UNIQUE".into(),
                        k.into_iter().map(|(n,)| n).collect(),
                    ));
                }
                let fk: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT id, \"from\" FROM pragma_foreign_key_list('{t}')"
                )))
                .fetch_all(pool)
                .await
                .unwrap();
                let mut per_fk: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
                for (id, dari) in fk {
                    per_fk.entry(id).or_default().push(dari);
                }
                for (_, k) in per_fk {
                    hasil.push((t.clone(), "FOREIGN KEY".into(), k));
                }
            }
        }
    }
    hasil
}

#[tokio::test]
async fn setiap_kunci_tabel_besar_memuat_instansi_id() {
    for b in backend_uji() {
        let db = db_baru(b).await.unwrap();
        let semua = kunci(&db).await;
        assert!(
            semua.iter().any(|(t, _, _)| t == "pegawai"),
            "{b:?}: skema tidak terbaca"
        );
        let mut salah = Vec::new();
        for (t, jenis, kolom) in &semua {
            // Tabel bayangan FTS5 SQLite (`inovasi_fts_data`, …) ikut dikecualikan.
            if DIKECUALIKAN.contains(&t.as_str()) || t.starts_with("inovasi_fts") {
                continue;
            }
            // FK tunggal ke tabel instansi sendiri adalah kolom distribusi itu sendiri.
            if jenis == "FOREIGN KEY" && kolom == &vec!["instansi_id".to_string()] {
                continue;
            }
            if jenis == "FOREIGN KEY"
                && FK_KE_RUJUKAN
                    .iter()
                    .any(|(tabel, k)| t == tabel && kolom == &vec![k.to_string()])
            {
                continue;
            }
            if !kolom.iter().any(|k| k == "instansi_id") {
                salah.push(format!("{t}: {jenis} ({})", kolom.join(", ")));
            }
        }
        assert!(
            salah.is_empty(),
            "{b:?}: kunci tanpa instansi_id: {salah:?}"
        );
        db.tutup().await;
    }
}

#[tokio::test]
async fn migrasi_mengisi_kode_wilayah_maluku() {
    for b in backend_uji() {
        let db = db_baru(b).await.unwrap();
        let kab = store::wilayah::dalam_provinsi(db.pool(), "81")
            .await
            .unwrap();
        // Provinsi Maluku + 9 kabupaten + 2 kota.
        assert_eq!(kab.len(), 12, "{b:?}");
        assert_eq!(kab[0].nama, "Maluku");
        assert_eq!(kab.iter().filter(|w| w.tingkat == "kota").count(), 2);
        // Migrasi kedua kali tidak menggandakan apa pun.
        db.migrasi().await.unwrap();
        assert_eq!(
            store::wilayah::dalam_provinsi(db.pool(), "81")
                .await
                .unwrap()
                .len(),
            12
        );
        db.tutup().await;
    }
}
