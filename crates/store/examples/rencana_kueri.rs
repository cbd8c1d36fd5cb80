//! Alat diagnosis: `cargo run -p store --example rencana_kueri -- URL SQL [ARG…]`
//! mencetak rencana kueri (EXPLAIN QUERY PLAN di SQLite, EXPLAIN di PostgreSQL).
use sqlx::Row;

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let db = store::Db::buka(&a[0]).await.expect("buka");
    let awalan = match db.backend() {
        store::Backend::Sqlite => "EXPLAIN QUERY PLAN ",
        store::Backend::Postgres => "EXPLAIN ANALYZE ",
    };
    let sql = format!("{awalan}{}", a[1]);
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for x in &a[2..] {
        q = q.bind(x.clone());
    }
    for r in q.fetch_all(db.pool()).await.expect("kueri") {
        let kolom = r.columns().len();
        let teks: Vec<String> = (0..kolom)
            .map(|i| {
                r.try_get::<String, _>(i)
                    .or_else(|_| r.try_get::<i64, _>(i).map(|n| n.to_string()))
                    .unwrap_or_default()
            })
            .collect();
        println!("{}", teks.join(" | "));
    }
}
