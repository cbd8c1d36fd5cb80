//! Formulir kalkulator `peringkat-inovasi` (isu 12). Kode kriteria formulir
//! tetap `k1`–`k3` supaya kolom skor setiap juri (`nilai.0.skor.k1`) sepadan
//! dengan rubrik; API menerima kode apa pun, sampai 50 kriteria dan 50 juri.

use super::{Bagian, Bentuk, D, Jenis, N, Spek, kel, kol, kolb};
use app::Bahasa;

fn opsi_kode(b: Bahasa) -> Vec<(&'static str, String)> {
    ["k1", "k2", "k3"]
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            let label = app::teks::t(b, "Kriteria", "Criterion");
            (k, format!("{label} {} ({k})", i + 1))
        })
        .collect()
}

const T: Jenis = Jenis::Teks;

pub(crate) const PERINGKAT: Spek = Spek {
    nama: "peringkat-inovasi",
    ringkas: (
        "Peringkat proposal inovasi pelayanan publik dari skor juri berbobot: siapa lolos ke Top N, dan seri di batas yang harus diputuskan panitia.",
        "Ranking of public-service innovation proposals from weighted judges' scores: who makes the Top N, and ties at the boundary for the committee to decide.",
    ),
    bagian: &[
        Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: true,
            kolom: &[
                kolb(
                    "n",
                    "Kuota lolos (N)",
                    "Places (N)",
                    N,
                    "Mis. 99 untuk Top 99.",
                    "E.g. 99 for the Top 99.",
                ),
                kolb(
                    "nilai_minimum",
                    "Nilai minimum",
                    "Minimum score",
                    D,
                    "Kosong = 85 (KIPP 2025).",
                    "Empty = 85 (KIPP 2025).",
                ),
            ],
        },
        Bagian::Daftar {
            kunci: "kriteria",
            butir: ("Kriteria", "Criterion"),
            dua: true,
            kolom: &[
                kol("kode", "Kode", "Code", Jenis::Pilihan(opsi_kode)),
                kolb(
                    "bobot",
                    "Bobot",
                    "Weight",
                    D,
                    "Jumlah bobot semua kriteria = 100.",
                    "All weights add up to 100.",
                ),
            ],
        },
        Bagian::Daftar {
            kunci: "entri",
            butir: ("Proposal", "Proposal"),
            dua: true,
            kolom: &[
                kol("id", "Kode proposal", "Proposal code", T),
                kol("nilai.0.juri", "Juri 1", "Judge 1", T),
                kolb(
                    "nilai.0.skor.k1",
                    "Juri 1 · skor k1",
                    "Judge 1 · score k1",
                    D,
                    "Skor 0–100.",
                    "Score 0–100.",
                ),
                kol(
                    "nilai.0.skor.k2",
                    "Juri 1 · skor k2",
                    "Judge 1 · score k2",
                    D,
                ),
                kol(
                    "nilai.0.skor.k3",
                    "Juri 1 · skor k3",
                    "Judge 1 · score k3",
                    D,
                ),
                kolb(
                    "nilai.1.juri",
                    "Juri 2 (opsional)",
                    "Judge 2 (optional)",
                    T,
                    "Kosong = satu juri.",
                    "Empty = one judge.",
                ),
                kol(
                    "nilai.1.skor.k1",
                    "Juri 2 · skor k1",
                    "Judge 2 · score k1",
                    D,
                ),
                kol(
                    "nilai.1.skor.k2",
                    "Juri 2 · skor k2",
                    "Judge 2 · score k2",
                    D,
                ),
                kol(
                    "nilai.1.skor.k3",
                    "Juri 2 · skor k3",
                    "Judge 2 · score k3",
                    D,
                ),
            ],
        },
    ],
    keluaran: &[kel(
        "perlu_keputusan",
        "Seri di batas N",
        "Tie at the N boundary",
        Bentuk::YaTidak {
            ya: (
                "Ya: panitia memutuskan entri yang seri",
                "Yes: the committee decides between the tied entries",
            ),
            tidak: ("Tidak ada", "None"),
        },
    )],
};
