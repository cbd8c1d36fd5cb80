//! Tolok ukur anggaran (bukan tes), dipanggil scripts/bench_anggaran.sh:
//!
//!   waktu_anggaran URL provinsi TAHUN   nilai uang satu instansi terbesar
//!   waktu_anggaran URL nasional TAHUN   rekap nasional semua instansi
//!
//! Setiap waktu dicetak di samping garis dasarnya dari lari yang sama:
//! `SELECT … SUM(jumlah_sen) … GROUP BY` telanjang atas baris yang sama.
//! Median dari lima lari setelah satu pemanasan.

use std::time::{Duration, Instant};

/// a / b dengan satu desimal (bilangan bulat persepuluhan, bukan f64).
fn rasio(a: Duration, b: Duration) -> String {
    let t = (a.as_micros() * 10 + b.as_micros() / 2) / b.as_micros().max(1);
    format!("{}.{}", t / 10, t % 10)
}

async fn median<F, Fut>(mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    f().await;
    let mut w = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        f().await;
        w.push(t.elapsed());
    }
    w.sort();
    w[2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (url, mode, tahun) = (&a[1], a[2].as_str(), a[3].parse::<i64>().unwrap());
    let db = store::Db::buka(url).await.unwrap();
    let l = app::Layanan::baru(db);
    let k = app::Konteks::sistem();
    let t = app::perencanaan::TanyaNilaiUang {
        bulan: Some(12),
        limit: Some(50),
        ..Default::default()
    };
    match mode {
        "provinsi" => {
            let (iid, n): (String, i64) = sqlx::query_as(
                "SELECT instansi_id, COUNT(*) FROM realisasi_anggaran WHERE tahun = $1 GROUP BY instansi_id ORDER BY 2 DESC LIMIT 1",
            )
            .bind(tahun)
            .fetch_one(l.pool())
            .await
            .unwrap();
            let hasil = app::perencanaan::nilai_uang(&l, &k, &iid, tahun, &t)
                .await
                .unwrap();
            let w = median(|| async {
                app::perencanaan::nilai_uang(&l, &k, &iid, tahun, &t)
                    .await
                    .unwrap();
            })
            .await;
            let dasar = median(|| async {
                let _: Vec<(String, i64)> = sqlx::query_as(
                    "SELECT subkegiatan_kode, CAST(SUM(jumlah_sen) AS BIGINT) FROM realisasi_anggaran \
                     WHERE instansi_id = $1 AND tahun = $2 GROUP BY subkegiatan_kode",
                )
                .bind(&iid)
                .bind(tahun)
                .fetch_all(l.pool())
                .await
                .unwrap();
            })
            .await;
            println!(
                "nilai uang satu instansi ({} sub kegiatan, {n} baris realisasi, {} bertanda): {:.1?}; SUM … GROUP BY telanjang {:.1?}; rasio {}×",
                hasil.total,
                hasil.ringkasan.jumlah_bertanda,
                w,
                dasar,
                rasio(w, dasar)
            );
        }
        _ => {
            let (n,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM realisasi_anggaran WHERE tahun = $1")
                    .bind(tahun)
                    .fetch_one(l.pool())
                    .await
                    .unwrap();
            let r = app::perencanaan::rekap_nasional(&l, &k, tahun, Some(12))
                .await
                .unwrap();
            let w = median(|| async {
                app::perencanaan::rekap_nasional(&l, &k, tahun, Some(12))
                    .await
                    .unwrap();
            })
            .await;
            let dasar = median(|| async {
                let _: Vec<(String, i64)> = sqlx::query_as(
                    "SELECT instansi_id, CAST(SUM(jumlah_sen) AS BIGINT) FROM realisasi_anggaran WHERE tahun = $1 GROUP BY instansi_id",
                )
                .bind(tahun)
                .fetch_all(l.pool())
                .await
                .unwrap();
            })
            .await;
            // Pengelompokan yang dibutuhkan rekap (tanda dihitung per sub
            // kegiatan): dihitung di basis data saja, dan dibawa ke klien
            // seperti garis dasar provinsi.
            let dasar_sub = median(|| async {
                let _: (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM (SELECT instansi_id, subkegiatan_kode, CAST(SUM(jumlah_sen) AS BIGINT) AS j \
                     FROM realisasi_anggaran WHERE tahun = $1 GROUP BY instansi_id, subkegiatan_kode) x",
                )
                .bind(tahun)
                .fetch_one(l.pool())
                .await
                .unwrap();
            })
            .await;
            let dasar_sub_klien = median(|| async {
                let _: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT instansi_id, subkegiatan_kode, CAST(SUM(jumlah_sen) AS BIGINT) \
                     FROM realisasi_anggaran WHERE tahun = $1 GROUP BY instansi_id, subkegiatan_kode",
                )
                .bind(tahun)
                .fetch_all(l.pool())
                .await
                .unwrap();
            })
            .await;
            println!(
                "rekap nasional ({} instansi, {} sub kegiatan, {n} baris realisasi): {:.1?}\n  \
                 garis dasar SUM … GROUP BY instansi_id: {:.1?} (rasio {}×)\n  \
                 garis dasar SUM … GROUP BY instansi_id, subkegiatan_kode, dihitung di basis data: {:.1?} (rasio {}×)\n  \
                 garis dasar SUM … GROUP BY instansi_id, subkegiatan_kode, dibawa ke klien: {:.1?} (rasio {}×)",
                r.instansi.len(),
                r.instansi
                    .iter()
                    .map(|i| i.jumlah_subkegiatan)
                    .sum::<usize>(),
                w,
                dasar,
                rasio(w, dasar),
                dasar_sub,
                rasio(w, dasar_sub),
                dasar_sub_klien,
                rasio(w, dasar_sub_klien)
            );
        }
    }
}
