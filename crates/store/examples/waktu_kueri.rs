//! Alat tolok ukur: `cargo run --release -p store --example waktu_kueri -- URL N SQL [ARG…]`
//! menjalankan SQL `N` kali lewat pool yang sama dengan server dan mencetak
//! rata-rata mikrodetik per kueri. Argumen yang berupa bilangan bulat diikat
//! sebagai BIGINT, selainnya teks. Dipakai scripts/bench.sh sebagai garis
//! dasar "pindai agregat telanjang" (docs/tolok-ukur.md).
use std::time::Instant;

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let db = store::Db::buka(&a[0]).await.expect("buka");
    let n: u32 = a[1].parse().expect("N");
    let jalankan = || {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(a[2].clone()));
        for x in &a[3..] {
            q = match x.parse::<i64>() {
                Ok(b) => q.bind(b),
                Err(_) => q.bind(x.clone()),
            };
        }
        q.fetch_all(db.pool())
    };
    jalankan().await.expect("kueri");
    let mulai = Instant::now();
    for _ in 0..n {
        jalankan().await.expect("kueri");
    }
    let us = mulai.elapsed().as_micros() / u128::from(n.max(1));
    println!("{us}");
}
