//! Alat tolok ukur: `cargo run --release -p app --example isi_aksi -- URL N TONGGAK`
//! mengisi provinsi demo (bila kosong) lalu N proyek aksi perubahan dengan
//! TONGGAK tonggak masing-masing (scripts/bench_aksi.sh, docs/tolok-ukur.md).

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let db = store::Db::buka(&a[0]).await.expect("buka");
    db.migrasi().await.expect("migrasi");
    let l = app::Layanan::baru(db);
    app::demo::isi_demo(&l).await.expect("demo");
    let n: usize = a[1].parse().expect("N");
    let t: usize = a[2].parse().expect("TONGGAK");
    let mulai = std::time::Instant::now();
    let jadi = app::demo::isi_skala_aksi(&l, n, t).await.expect("aksi");
    eprintln!(
        "{jadi} proyek × {t} tonggak dalam {:.1} s",
        mulai.elapsed().as_secs_f64()
    );
}
