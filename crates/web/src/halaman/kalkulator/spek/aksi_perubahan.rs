//! Formulir kalkulator `status-aksi-perubahan` (isu 13). Satu baris daftar =
//! satu tonggak; pembatalan memakai jalur bertitik `dibatalkan.alasan`.

use super::{Bagian, Bentuk, D, Jenis, N, Spek, kel, kol, kolb};
use app::Bahasa;
use rules::aksi_perubahan::Tahap;

fn opsi_tahap(b: Bahasa) -> Vec<(&'static str, String)> {
    Tahap::SEMUA
        .iter()
        .map(|t| (t.token(), t.label(b).to_string()))
        .collect()
}

const T: Jenis = Jenis::Teks;

pub(crate) const STATUS_AKSI: Spek = Spek {
    nama: "status-aksi-perubahan",
    ringkas: (
        "Status tonggak dan proyek perubahan alumni pelatihan kepemimpinan: terlambat, senyap, berisiko, sesuai jadwal, selesai atau dibatalkan.",
        "Status of a leadership-training alumnus's change-project milestones and project: late, silent, at risk, on schedule, done or cancelled.",
    ),
    bagian: &[
        Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: true,
            kolom: &[
                kolb(
                    "tanggal",
                    "Tanggal penilaian",
                    "Assessment date",
                    T,
                    "YYYY-MM-DD, mis. 2026-12-01",
                    "YYYY-MM-DD, e.g. 2026-12-01",
                ),
                kolb(
                    "hari_senyap",
                    "Senyap setelah (hari)",
                    "Silent after (days)",
                    N,
                    "Kosong = 90.",
                    "Empty = 90.",
                ),
                kolb(
                    "hari_berisiko",
                    "Berisiko dalam (hari)",
                    "At risk within (days)",
                    N,
                    "Kosong = 30.",
                    "Empty = 30.",
                ),
            ],
        },
        Bagian::Daftar {
            kunci: "tonggak",
            butir: ("Tonggak", "Milestone"),
            dua: true,
            kolom: &[
                kol("id", "Kode tonggak", "Milestone code", T),
                kol("tahap", "Tahap", "Stage", Jenis::Pilihan(opsi_tahap)),
                kolb(
                    "jatuh_tempo",
                    "Jatuh tempo",
                    "Due date",
                    T,
                    "YYYY-MM-DD",
                    "YYYY-MM-DD",
                ),
                kol("progres_persen", "Progres (%)", "Progress (%)", D),
                kolb(
                    "diperbarui_pada",
                    "Pembaruan terakhir",
                    "Last update",
                    T,
                    "YYYY-MM-DD",
                    "YYYY-MM-DD",
                ),
                kolb(
                    "selesai_pada",
                    "Selesai pada (opsional)",
                    "Done on (optional)",
                    T,
                    "Kosong = belum selesai.",
                    "Empty = not done.",
                ),
                kolb(
                    "dibatalkan.alasan",
                    "Alasan pembatalan (opsional)",
                    "Cancellation reason (optional)",
                    T,
                    "Diisi hanya bila tonggak dibatalkan.",
                    "Only when the milestone is cancelled.",
                ),
            ],
        },
    ],
    keluaran: &[
        kel("status", "Status proyek", "Project status", Bentuk::Token),
        kel("alasan", "Alasan", "Reason", Bentuk::Token),
    ],
};
