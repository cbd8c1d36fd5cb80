// `sqlx::migrate!` menanam berkas migrasi saat kompilasi; tanpa ini berkas
// migrasi baru tidak ikut terbangun ulang.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
