//! Halaman status satu tugas latar (`/tugas/{id}`): kecil, tanpa JavaScript;
//! selama tugas berjalan pengguna memuat ulang halamannya.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::tugas::TampilanTugas;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new().route("/tugas/{id}", get(tampil))
}

#[derive(Template)]
#[template(path = "tugas.html")]
struct HalamanTugas {
    b: Bingkai,
    t: TampilanTugas,
    /// Ringkasan laporan impor, bila ada.
    ringkasan: String,
    /// Galat baris laporan impor (baris, kolom, pesan).
    galat_baris: Vec<(String, String, String)>,
}

impl HalamanTugas {
    fn label_status(&self) -> &'static str {
        match self.t.status.as_str() {
            "antre" => self.b.t.s("Menunggu giliran", "Queued"),
            "jalan" => self.b.t.s("Sedang berjalan", "Running"),
            "selesai" => self.b.t.s("Selesai", "Finished"),
            "gagal" => self.b.t.s("Gagal", "Failed"),
            _ => "—",
        }
    }
    fn berjalan(&self) -> bool {
        matches!(self.t.status.as_str(), "antre" | "jalan")
    }
}

async fn tampil(State(s): State<AppState>, p: Pengunjung, Path(id): Path<String>) -> HasilHalaman {
    let t = app::tugas::lihat(&s.layanan, &p.konteks, &id)
        .await
        .atau_halaman(&p)?;
    let t = TampilanTugas::from(&t);
    let hasil = t.hasil.clone().unwrap_or_default();
    let ringkasan = hasil["ringkasan"].as_str().unwrap_or_default().to_string();
    let galat_baris = hasil["laporan"]["galat"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    (
                        c["baris"].to_string(),
                        c["kolom"].as_str().unwrap_or_default().to_string(),
                        c["pesan"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let judul = p.konteks.t("Tugas latar", "Background job");
    Ok(render(&HalamanTugas {
        b: Bingkai::dari(&p, judul),
        t,
        ringkasan,
        galat_baris,
    }))
}
