//! Seberapa kuat dasar suatu aturan (tag di REGULATIONS.md).

enum_token! {
    /// Tingkat kepastian sumber suatu aturan atau nilai.
    pub enum StatusSumber {
        /// [P] dikonfirmasi dari teks primer (regulasi atau laman resmi kementerian).
        Primer => "P",
        /// [S] hanya dari sumber sekunder (berita, slide, beberapa kode publik yang sepakat).
        Sekunder => "S",
        /// [R] dari ingatan; belum terkonfirmasi. Nilai seperti ini dapat dikonfigurasi.
        BelumTerkonfirmasi => "R",
    }
}
