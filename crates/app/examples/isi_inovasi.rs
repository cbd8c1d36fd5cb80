//! Alat tolok ukur: `cargo run --release -p app --example isi_inovasi -- URL N ENTRI JURI`
//! mengisi provinsi demo (bila kosong), N inovasi sintetis di repositori, lalu
//! satu kompetisi ENTRI entri × JURI juri yang sudah menilai dan mengukur
//! penutupan tahap penilaiannya (scripts/bench_inovasi.sh, docs/tolok-ukur.md).

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let db = store::Db::buka(&a[0]).await.expect("buka");
    db.migrasi().await.expect("migrasi");
    let l = app::Layanan::baru(db);
    app::demo::isi_demo(&l).await.expect("demo");
    let n: usize = a[1].parse().expect("N");
    let entri: usize = a[2].parse().expect("ENTRI");
    let juri: usize = a[3].parse().expect("JURI");
    let mulai = std::time::Instant::now();
    let jadi = app::demo::isi_skala_inovasi(&l, n).await.expect("inovasi");
    eprintln!(
        "{jadi} inovasi sintetis dalam {:.1} s",
        mulai.elapsed().as_secs_f64()
    );
    let r = app::demo::isi_skala_kompetisi(&l, entri, juri)
        .await
        .expect("kompetisi");
    println!("{}", serde_json::to_string(&r).expect("json"));
}
