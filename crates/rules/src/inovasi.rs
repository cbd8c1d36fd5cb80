//! Inovasi pelayanan publik (isu 12; KIPP/PKRI KemenPAN-RB): peringkat hasil
//! penilaian juri (`peringkat-inovasi`), kelayakan peserta per kelompok,
//! penugasan juri tanpa konflik kepentingan, dan bantuan teks pencarian.
//!
//! Sumber dan status setiap aturan: `docs/aturan-inovasi.md`. Ringkasnya:
//! syarat "sudah diterapkan paling sedikit satu tahun" dan batas kelompok
//! Umum/Replikasi dari juklak KIPP 2021 [S]; kelompok Umum dan Replikasi
//! serta passing grade 85 dari Pedoman Menteri PANRB 4/2025 [S]; bobot
//! nasional per aspek penilaian **tidak dipublikasikan** [R], jadi rubrik dan
//! bobotnya masukan (rubrik bawaan adalah kebijakan Kinerja).
//!
//! Peringkat:
//! 1. nilai satu juri = Σ skor × bobot / 100 ([`nilai_juri`], tanpa
//!    pembulatan; bobot berjumlah 100, skor 0–100);
//! 2. nilai entri = rata-rata nilai jurinya, dibulatkan SEKALI ke 2 desimal,
//!    setengah ke atas (`MidpointAwayFromZero`; nilai tidak pernah negatif,
//!    jadi sama dengan setengah menjauhi nol di [`crate::angka::bulatkan`]);
//! 3. semua entri diurutkan dari nilai tertinggi, seri diurutkan menurut id
//!    (urutan teks), peringkat bersama untuk nilai sama (1, 1, 3);
//! 4. lolos: N entri terbaik yang nilainya ≥ nilai minimum. Bila entri ke-N
//!    dan ke-(N+1) (keduanya ≥ nilai minimum) seri, aturan tidak menebak:
//!    semua entri bernilai batas itu masuk `seri_di_batas`, `lolos` hanya
//!    yang di atasnya, dan `perlu_keputusan` = true (panitia memutuskan).

use crate::Bahasa;
use crate::angka;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use time::{Date, Month};

/// Sumber aturan, untuk penjelasan.
pub const SUMBER: &str = "Juklak KIPP 2021 (KemenPAN-RB); Pedoman Menteri PANRB No. 4 Tahun 2025 (KIPP 2025: kelompok Umum dan Replikasi, passing grade 85); bobot nasional per aspek tidak dipublikasikan: rubrik dan perhitungan peringkat adalah kebijakan Kinerja";

/// Batas banyaknya entri satu peringkat (masukan terbatas).
pub const MAKS_ENTRI: usize = 20_000;
/// Batas banyaknya juri satu entri.
pub const MAKS_JURI: usize = 50;
/// Batas banyaknya kriteria rubrik.
pub const MAKS_KRITERIA: usize = 50;
/// Passing grade KIPP 2025 (Pedoman Menteri PANRB 4/2025) [S]; bawaan
/// kalkulator bila `nilai_minimum` tidak diisi.
pub const NILAI_MINIMUM_KIPP: Decimal = Decimal::from_parts(85, 0, 0, false, 0);
/// Uraian perubahan replikasi paling sedikit sepanjang ini (karakter, sesudah
/// spasi tepi dibuang) [R].
pub const PANJANG_PERUBAHAN: usize = 30;
/// Batas token hasil [`kata_cari`].
pub const MAKS_TOKEN_CARI: usize = 10_000;

const SERATUS: Decimal = Decimal::ONE_HUNDRED;

// ---------------------------------------------------------------------------
// Peringkat
// ---------------------------------------------------------------------------

/// Satu kriteria rubrik dan bobotnya (bobot semua kriteria berjumlah 100).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KriteriaBobot {
    /// Kode kriteria (unik), kunci di `NilaiJuri::skor`.
    pub kode: String,
    /// Bobot 0–100.
    pub bobot: Decimal,
}

/// Skor satu juri untuk satu entri, per kode kriteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NilaiJuri {
    /// Pengenal juri (unik dalam satu entri).
    pub juri: String,
    /// Skor 0–100 per kode kriteria; setiap kriteria wajib dinilai.
    pub skor: BTreeMap<String, Decimal>,
}

/// Satu entri (proposal inovasi) dengan nilai para jurinya.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntriDinilai {
    /// Pengenal entri (unik; urutan teksnya memutus seri).
    pub id: String,
    /// Nilai per juri; paling sedikit satu.
    pub nilai: Vec<NilaiJuri>,
}

/// Masukan peringkat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MasukanPeringkat {
    /// Kuota lolos (mis. 99 untuk Top 99); 0 = tidak ada yang lolos.
    pub n: u32,
    /// Nilai paling rendah untuk lolos (0–100; KIPP 2025: 85).
    pub nilai_minimum: Decimal,
    /// Rubrik: kriteria dan bobotnya.
    pub kriteria: Vec<KriteriaBobot>,
    /// Entri yang dinilai.
    pub entri: Vec<EntriDinilai>,
}

/// Peringkat satu entri.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peringkat {
    /// Pengenal entri.
    pub id: String,
    /// Nilai entri (2 desimal).
    pub nilai: Decimal,
    /// Peringkat (1 = terbaik; nilai sama berbagi peringkat: 1, 1, 3).
    pub urutan: u32,
}

/// Hasil peringkat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HasilPeringkat {
    /// Semua entri, terbaik dulu (seri: menurut id).
    pub peringkat: Vec<Peringkat>,
    /// Id yang lolos, dalam urutan peringkat.
    pub lolos: Vec<String>,
    /// Id yang seri tepat di batas N (≥ nilai minimum), dalam urutan peringkat.
    pub seri_di_batas: Vec<String>,
    /// Ada seri di batas yang harus diputuskan panitia.
    pub perlu_keputusan: bool,
}

/// Kesalahan masukan peringkat; setiap varian menyebut jalur field-nya
/// ([`GalatPeringkat::field`]), mis. `entri[3].nilai`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GalatPeringkat {
    /// Rubrik tanpa kriteria (`kriteria`).
    KriteriaKosong,
    /// Lebih dari [`MAKS_KRITERIA`] kriteria (`kriteria`).
    TerlaluBanyakKriteria,
    /// Kode kriteria kosong (`kriteria[i].kode`).
    KodeKriteriaKosong {
        /// Indeks kriteria.
        kriteria: usize,
    },
    /// Kode kriteria muncul dua kali (`kriteria[i].kode`).
    KodeKriteriaGanda {
        /// Indeks kriteria (kemunculan kedua).
        kriteria: usize,
        /// Kodenya.
        kode: String,
    },
    /// Bobot di luar 0–100 (`kriteria[i].bobot`).
    BobotDiLuarRentang {
        /// Indeks kriteria.
        kriteria: usize,
    },
    /// Jumlah bobot bukan 100 (`kriteria`).
    JumlahBobotBukanSeratus {
        /// Jumlah yang ditemukan.
        jumlah: Decimal,
    },
    /// Nilai minimum di luar 0–100 (`nilai_minimum`).
    NilaiMinimumDiLuarRentang,
    /// Lebih dari [`MAKS_ENTRI`] entri (`entri`).
    TerlaluBanyakEntri,
    /// Id entri kosong (`entri[i].id`).
    IdEntriKosong {
        /// Indeks entri.
        entri: usize,
    },
    /// Id entri muncul dua kali (`entri[i].id`).
    IdEntriGanda {
        /// Indeks entri (kemunculan kedua).
        entri: usize,
        /// Id-nya.
        id: String,
    },
    /// Entri tanpa nilai juri satu pun (`entri[i].nilai`).
    TanpaNilai {
        /// Indeks entri.
        entri: usize,
        /// Id entri.
        id: String,
    },
    /// Lebih dari [`MAKS_JURI`] juri untuk satu entri (`entri[i].nilai`).
    TerlaluBanyakJuri {
        /// Indeks entri.
        entri: usize,
    },
    /// Pengenal juri kosong (`entri[i].nilai[j].juri`).
    JuriKosong {
        /// Indeks entri.
        entri: usize,
        /// Indeks nilai juri.
        juri: usize,
    },
    /// Juri yang sama menilai entri yang sama dua kali (`entri[i].nilai[j].juri`).
    JuriGanda {
        /// Indeks entri.
        entri: usize,
        /// Indeks nilai juri (kemunculan kedua).
        juri: usize,
        /// Pengenal juri.
        nama: String,
    },
    /// Skor untuk kode yang tidak ada di rubrik (`entri[i].nilai[j].skor.<kode>`).
    KriteriaTidakDikenal {
        /// Indeks entri.
        entri: usize,
        /// Indeks nilai juri.
        juri: usize,
        /// Kode yang tidak dikenal.
        kode: String,
    },
    /// Kriteria rubrik yang tidak diberi skor (`entri[i].nilai[j].skor.<kode>`).
    KriteriaTidakDinilai {
        /// Indeks entri.
        entri: usize,
        /// Indeks nilai juri.
        juri: usize,
        /// Kode yang belum dinilai.
        kode: String,
    },
    /// Skor di luar 0–100 (`entri[i].nilai[j].skor.<kode>`).
    SkorDiLuarRentang {
        /// Indeks entri.
        entri: usize,
        /// Indeks nilai juri.
        juri: usize,
        /// Kode kriteria.
        kode: String,
    },
}

impl GalatPeringkat {
    /// Jalur field yang salah, seperti di kontrak JSON kalkulator.
    pub fn field(&self) -> String {
        use GalatPeringkat as G;
        match self {
            G::KriteriaKosong | G::TerlaluBanyakKriteria | G::JumlahBobotBukanSeratus { .. } => {
                "kriteria".into()
            }
            G::KodeKriteriaKosong { kriteria } | G::KodeKriteriaGanda { kriteria, .. } => {
                format!("kriteria[{kriteria}].kode")
            }
            G::BobotDiLuarRentang { kriteria } => format!("kriteria[{kriteria}].bobot"),
            G::NilaiMinimumDiLuarRentang => "nilai_minimum".into(),
            G::TerlaluBanyakEntri => "entri".into(),
            G::IdEntriKosong { entri } | G::IdEntriGanda { entri, .. } => {
                format!("entri[{entri}].id")
            }
            G::TanpaNilai { entri, .. } | G::TerlaluBanyakJuri { entri } => {
                format!("entri[{entri}].nilai")
            }
            G::JuriKosong { entri, juri } | G::JuriGanda { entri, juri, .. } => {
                format!("entri[{entri}].nilai[{juri}].juri")
            }
            G::KriteriaTidakDikenal { entri, juri, kode }
            | G::KriteriaTidakDinilai { entri, juri, kode }
            | G::SkorDiLuarRentang { entri, juri, kode } => {
                format!("entri[{entri}].nilai[{juri}].skor.{kode}")
            }
        }
    }

    /// Kode stabil (snake_case) untuk API.
    pub fn kode(&self) -> &'static str {
        use GalatPeringkat as G;
        match self {
            G::KriteriaKosong => "daftar_kosong",
            G::TerlaluBanyakKriteria | G::TerlaluBanyakEntri | G::TerlaluBanyakJuri { .. } => {
                "terlalu_banyak"
            }
            G::KodeKriteriaKosong { .. } | G::IdEntriKosong { .. } | G::JuriKosong { .. } => {
                "field_wajib"
            }
            G::KodeKriteriaGanda { .. } | G::IdEntriGanda { .. } | G::JuriGanda { .. } => "ganda",
            G::BobotDiLuarRentang { .. }
            | G::NilaiMinimumDiLuarRentang
            | G::SkorDiLuarRentang { .. } => "di_luar_rentang",
            G::JumlahBobotBukanSeratus { .. } => "jumlah_bobot_bukan_100",
            G::TanpaNilai { .. } => "tanpa_nilai",
            G::KriteriaTidakDikenal { .. } => "kriteria_tidak_dikenal",
            G::KriteriaTidakDinilai { .. } => "kriteria_tidak_dinilai",
        }
    }

    /// Pesan untuk pengguna, menyebut field yang salah.
    pub fn pesan(&self, b: Bahasa) -> String {
        use GalatPeringkat as G;
        let f = self.field();
        match (self, b) {
            (G::KriteriaKosong, Bahasa::Id) => format!("{f} harus berisi minimal satu kriteria"),
            (G::KriteriaKosong, Bahasa::En) => format!("{f} must hold at least one criterion"),
            (G::TerlaluBanyakKriteria, Bahasa::Id) => {
                format!("{f} paling banyak {MAKS_KRITERIA} kriteria")
            }
            (G::TerlaluBanyakKriteria, Bahasa::En) => {
                format!("{f}: at most {MAKS_KRITERIA} criteria")
            }
            (G::KodeKriteriaKosong { .. }, Bahasa::Id) => format!("{f} wajib diisi"),
            (G::KodeKriteriaKosong { .. }, Bahasa::En) => format!("{f} is required"),
            (G::KodeKriteriaGanda { kode, .. }, Bahasa::Id) => {
                format!("{f}: kode kriteria '{kode}' ganda")
            }
            (G::KodeKriteriaGanda { kode, .. }, Bahasa::En) => {
                format!("{f}: duplicate criterion code '{kode}'")
            }
            (G::BobotDiLuarRentang { .. }, Bahasa::Id) => format!("{f} harus antara 0 dan 100"),
            (G::BobotDiLuarRentang { .. }, Bahasa::En) => {
                format!("{f} must be between 0 and 100")
            }
            (G::JumlahBobotBukanSeratus { jumlah }, Bahasa::Id) => format!(
                "{f}: jumlah bobot harus 100 (ditemukan {})",
                jumlah.normalize()
            ),
            (G::JumlahBobotBukanSeratus { jumlah }, Bahasa::En) => format!(
                "{f}: the weights must add up to 100 (found {})",
                jumlah.normalize()
            ),
            (G::NilaiMinimumDiLuarRentang, Bahasa::Id) => format!("{f} harus antara 0 dan 100"),
            (G::NilaiMinimumDiLuarRentang, Bahasa::En) => {
                format!("{f} must be between 0 and 100")
            }
            (G::TerlaluBanyakEntri, Bahasa::Id) => format!("{f} paling banyak {MAKS_ENTRI} butir"),
            (G::TerlaluBanyakEntri, Bahasa::En) => format!("{f}: at most {MAKS_ENTRI} entries"),
            (G::IdEntriKosong { .. }, Bahasa::Id) => format!("{f} wajib diisi"),
            (G::IdEntriKosong { .. }, Bahasa::En) => format!("{f} is required"),
            (G::IdEntriGanda { id, .. }, Bahasa::Id) => format!("{f}: id entri '{id}' ganda"),
            (G::IdEntriGanda { id, .. }, Bahasa::En) => format!("{f}: duplicate entry id '{id}'"),
            (G::TanpaNilai { id, .. }, Bahasa::Id) => {
                format!("{f}: entri '{id}' belum dinilai juri mana pun")
            }
            (G::TanpaNilai { id, .. }, Bahasa::En) => {
                format!("{f}: entry '{id}' has no judge's score")
            }
            (G::TerlaluBanyakJuri { .. }, Bahasa::Id) => {
                format!("{f} paling banyak {MAKS_JURI} juri")
            }
            (G::TerlaluBanyakJuri { .. }, Bahasa::En) => format!("{f}: at most {MAKS_JURI} judges"),
            (G::JuriKosong { .. }, Bahasa::Id) => format!("{f} wajib diisi"),
            (G::JuriKosong { .. }, Bahasa::En) => format!("{f} is required"),
            (G::JuriGanda { nama, .. }, Bahasa::Id) => {
                format!("{f}: juri '{nama}' menilai entri ini dua kali")
            }
            (G::JuriGanda { nama, .. }, Bahasa::En) => {
                format!("{f}: judge '{nama}' scored this entry twice")
            }
            (G::KriteriaTidakDikenal { kode, .. }, Bahasa::Id) => {
                format!("{f}: kriteria '{kode}' tidak ada di rubrik")
            }
            (G::KriteriaTidakDikenal { kode, .. }, Bahasa::En) => {
                format!("{f}: criterion '{kode}' is not in the rubric")
            }
            (G::KriteriaTidakDinilai { kode, .. }, Bahasa::Id) => {
                format!("{f}: kriteria '{kode}' belum diberi skor")
            }
            (G::KriteriaTidakDinilai { kode, .. }, Bahasa::En) => {
                format!("{f}: criterion '{kode}' has no score")
            }
            (G::SkorDiLuarRentang { .. }, Bahasa::Id) => format!("{f} harus antara 0 dan 100"),
            (G::SkorDiLuarRentang { .. }, Bahasa::En) => format!("{f} must be between 0 and 100"),
        }
    }
}

impl std::fmt::Display for GalatPeringkat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.pesan(Bahasa::Id))
    }
}

impl std::error::Error for GalatPeringkat {}

fn dalam_0_100(x: Decimal) -> bool {
    x >= Decimal::ZERO && x <= SERATUS
}

/// Nilai satu juri: Σ skor × bobot / 100, tanpa pembulatan. Kriteria tanpa
/// skor dihitung 0 dan skor untuk kode di luar rubrik diabaikan (validasi
/// ada di [`peringkat`]).
pub fn nilai_juri(kriteria: &[KriteriaBobot], skor: &BTreeMap<String, Decimal>) -> Decimal {
    let jumlah: Decimal = kriteria
        .iter()
        .filter_map(|k| skor.get(&k.kode).map(|s| *s * k.bobot))
        .sum();
    jumlah / SERATUS
}

fn periksa_kriteria(kriteria: &[KriteriaBobot]) -> Result<(), GalatPeringkat> {
    if kriteria.is_empty() {
        return Err(GalatPeringkat::KriteriaKosong);
    }
    if kriteria.len() > MAKS_KRITERIA {
        return Err(GalatPeringkat::TerlaluBanyakKriteria);
    }
    let mut kode = HashSet::with_capacity(kriteria.len());
    for (i, k) in kriteria.iter().enumerate() {
        if k.kode.trim().is_empty() {
            return Err(GalatPeringkat::KodeKriteriaKosong { kriteria: i });
        }
        if !kode.insert(k.kode.as_str()) {
            return Err(GalatPeringkat::KodeKriteriaGanda {
                kriteria: i,
                kode: k.kode.clone(),
            });
        }
        if !dalam_0_100(k.bobot) {
            return Err(GalatPeringkat::BobotDiLuarRentang { kriteria: i });
        }
    }
    // Paling banyak 50 × 100: tidak meluap.
    let jumlah: Decimal = kriteria.iter().map(|k| k.bobot).sum();
    if jumlah != SERATUS {
        return Err(GalatPeringkat::JumlahBobotBukanSeratus { jumlah });
    }
    Ok(())
}

/// Nilai satu entri (rata-rata juri, 2 desimal) sesudah masukannya diperiksa.
fn nilai_entri(
    i: usize,
    e: &EntriDinilai,
    kriteria: &[KriteriaBobot],
    kode: &HashSet<&str>,
) -> Result<Decimal, GalatPeringkat> {
    if e.nilai.is_empty() {
        return Err(GalatPeringkat::TanpaNilai {
            entri: i,
            id: e.id.clone(),
        });
    }
    if e.nilai.len() > MAKS_JURI {
        return Err(GalatPeringkat::TerlaluBanyakJuri { entri: i });
    }
    let mut juri = HashSet::with_capacity(e.nilai.len());
    let mut jumlah = Decimal::ZERO;
    for (j, nj) in e.nilai.iter().enumerate() {
        if nj.juri.trim().is_empty() {
            return Err(GalatPeringkat::JuriKosong { entri: i, juri: j });
        }
        if !juri.insert(nj.juri.as_str()) {
            return Err(GalatPeringkat::JuriGanda {
                entri: i,
                juri: j,
                nama: nj.juri.clone(),
            });
        }
        for (k, s) in &nj.skor {
            if !kode.contains(k.as_str()) {
                return Err(GalatPeringkat::KriteriaTidakDikenal {
                    entri: i,
                    juri: j,
                    kode: k.clone(),
                });
            }
            if !dalam_0_100(*s) {
                return Err(GalatPeringkat::SkorDiLuarRentang {
                    entri: i,
                    juri: j,
                    kode: k.clone(),
                });
            }
        }
        if let Some(k) = kriteria.iter().find(|k| !nj.skor.contains_key(&k.kode)) {
            return Err(GalatPeringkat::KriteriaTidakDinilai {
                entri: i,
                juri: j,
                kode: k.kode.clone(),
            });
        }
        jumlah += nilai_juri(kriteria, &nj.skor);
    }
    // Rata-rata dibulatkan sekali; nilai ≥ 0, jadi setengah menjauhi nol =
    // setengah ke atas (88.125 → 88.13).
    Ok(angka::bulatkan(jumlah / Decimal::from(e.nilai.len())))
}

/// Peringkat semua entri dan siapa yang lolos (lihat dokumentasi modul).
pub fn peringkat(m: &MasukanPeringkat) -> Result<HasilPeringkat, GalatPeringkat> {
    periksa_kriteria(&m.kriteria)?;
    if !dalam_0_100(m.nilai_minimum) {
        return Err(GalatPeringkat::NilaiMinimumDiLuarRentang);
    }
    if m.entri.len() > MAKS_ENTRI {
        return Err(GalatPeringkat::TerlaluBanyakEntri);
    }
    let kode: HashSet<&str> = m.kriteria.iter().map(|k| k.kode.as_str()).collect();
    let mut id = HashSet::with_capacity(m.entri.len());
    let mut nilai: Vec<(&str, Decimal)> = Vec::with_capacity(m.entri.len());
    for (i, e) in m.entri.iter().enumerate() {
        if e.id.trim().is_empty() {
            return Err(GalatPeringkat::IdEntriKosong { entri: i });
        }
        if !id.insert(e.id.as_str()) {
            return Err(GalatPeringkat::IdEntriGanda {
                entri: i,
                id: e.id.clone(),
            });
        }
        nilai.push((e.id.as_str(), nilai_entri(i, e, &m.kriteria, &kode)?));
    }
    nilai.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));

    let mut hasil = Vec::with_capacity(nilai.len());
    let mut urutan = 0u32;
    for (k, (id, v)) in nilai.iter().enumerate() {
        if k == 0 || nilai[k - 1].1 != *v {
            // k < MAKS_ENTRI, muat di u32.
            urutan = u32::try_from(k + 1).unwrap_or(u32::MAX);
        }
        hasil.push(Peringkat {
            id: (*id).to_string(),
            nilai: *v,
            urutan,
        });
    }

    // Urutan menurun: yang ≥ nilai minimum adalah awalan daftar.
    let layak = nilai
        .iter()
        .take_while(|(_, v)| *v >= m.nilai_minimum)
        .count();
    let n = usize::try_from(m.n).unwrap_or(usize::MAX);
    let (ujung_lolos, seri) = if n == 0 {
        (0, 0..0)
    } else if layak <= n {
        (layak, 0..0)
    } else if nilai[n].1 == nilai[n - 1].1 {
        // Entri ke-N dan ke-(N+1) seri, keduanya ≥ nilai minimum.
        let batas = nilai[n - 1].1;
        let awal = nilai.iter().position(|(_, v)| *v == batas).unwrap_or(0);
        let akhir = awal
            + nilai[awal..]
                .iter()
                .take_while(|(_, v)| *v == batas)
                .count();
        (awal, awal..akhir)
    } else {
        (n, 0..0)
    };
    let ambil = |r: std::ops::Range<usize>| -> Vec<String> {
        nilai[r].iter().map(|(id, _)| (*id).to_string()).collect()
    };
    let seri_di_batas = ambil(seri);
    Ok(HasilPeringkat {
        peringkat: hasil,
        lolos: ambil(0..ujung_lolos),
        perlu_keputusan: !seri_di_batas.is_empty(),
        seri_di_batas,
    })
}

// ---------------------------------------------------------------------------
// Kelayakan
// ---------------------------------------------------------------------------

enum_token! {
    /// Kelompok lomba dan aturan kelayakannya.
    pub enum AturanKelompok {
        /// Inovasi baru: belum pernah menjadi pemenang Top, belum dua kali Top 99.
        Umum => "umum",
        /// Adaptasi inovasi terdahulu yang pernah meraih penghargaan.
        Replikasi => "replikasi",
        /// Untuk inovasi yang pernah menjadi pemenang Top (mis. keberlanjutan).
        Khusus => "khusus",
        /// Hanya syarat satu tahun (kelompok yang diatur panitia sendiri).
        Bebas => "bebas",
    }
}

impl AturanKelompok {
    /// Kode stabil (`"umum"`, …), sama dengan token serde.
    pub const fn kode(self) -> &'static str {
        self.token()
    }

    /// Kelompok dari kodenya; `None` bila tidak dikenal.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::dari_token(kode)
    }

    /// Label untuk manusia.
    pub fn label(self, b: Bahasa) -> &'static str {
        match self {
            AturanKelompok::Umum => b.pilih("Umum", "General"),
            AturanKelompok::Replikasi => b.pilih("Replikasi", "Replication"),
            AturanKelompok::Khusus => b.pilih("Khusus", "Special"),
            AturanKelompok::Bebas => b.pilih("Bebas", "Open"),
        }
    }
}

enum_token! {
    /// Tingkat penghargaan yang pernah diraih.
    pub enum TingkatPenghargaan {
        /// Lolos penilaian proposal (nominasi Top 99 / Top N).
        Top99 => "top99",
        /// Pemenang akhir (Top 45/40/35/25/9, Top Inovasi).
        Top => "top",
    }
}

impl TingkatPenghargaan {
    /// Label untuk manusia.
    pub fn label(self, b: Bahasa) -> &'static str {
        match self {
            TingkatPenghargaan::Top99 => b.pilih("Top 99 (nominasi)", "Top 99 (nominee)"),
            TingkatPenghargaan::Top => b.pilih("Top (pemenang)", "Top (winner)"),
        }
    }
}

/// Satu penghargaan: tahun dan tingkatnya.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Penghargaan {
    /// Tahun kompetisi.
    pub tahun: i32,
    /// Tingkat.
    pub tingkat: TingkatPenghargaan,
}

/// Calon entri seperti yang diperiksa aturan kelayakan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalonEntri {
    /// Tanggal mulai diterapkan; `None` = belum diisi.
    pub tanggal_implementasi: Option<Date>,
    /// Penghargaan inovasi ini sebelumnya (pemanggil hanya menyebut
    /// kompetisi yang sudah lewat).
    pub penghargaan: Vec<Penghargaan>,
    /// Penghargaan inovasi asal yang direplikasi (kelompok Replikasi).
    pub asal_penghargaan: Vec<Penghargaan>,
    /// Inovasi asal disebut (kelompok Replikasi).
    pub ada_asal: bool,
    /// Uraian apa yang diubah oleh replikasi.
    pub perubahan: String,
}

enum_token! {
    /// Alasan calon tidak layak (kode stabil).
    pub enum AlasanTidakLayak {
        /// Diterapkan kurang dari satu tahun sebelum tanggal acuan.
        BelumSetahun => "belum_setahun",
        /// Tanggal implementasi tidak diisi.
        TanpaTanggalImplementasi => "tanpa_tanggal_implementasi",
        /// Umum: sudah pernah menjadi pemenang Top.
        SudahTop => "sudah_top",
        /// Umum: sudah dua kali (atau lebih) masuk Top 99.
        DuaKaliTop99 => "dua_kali_top99",
        /// Replikasi: inovasi asal tidak disebut.
        TanpaAsal => "tanpa_asal",
        /// Replikasi: inovasi asal tidak pernah meraih penghargaan.
        AsalBukanPemenang => "asal_bukan_pemenang",
        /// Replikasi: uraian perubahan kosong atau terlalu pendek.
        TanpaPerubahan => "tanpa_perubahan",
        /// Khusus: belum pernah menjadi pemenang Top.
        BelumPernahTop => "belum_pernah_top",
    }
}

impl AlasanTidakLayak {
    /// Kode stabil (snake_case).
    pub const fn kode(self) -> &'static str {
        self.token()
    }

    /// Pesan untuk pengguna.
    pub fn pesan(self, b: Bahasa) -> String {
        use AlasanTidakLayak as A;
        match (self, b) {
            (A::BelumSetahun, Bahasa::Id) => {
                "Inovasi belum diterapkan paling sedikit satu tahun".into()
            }
            (A::BelumSetahun, Bahasa::En) => {
                "The innovation has not been implemented for at least one year".into()
            }
            (A::TanpaTanggalImplementasi, Bahasa::Id) => {
                "Tanggal mulai penerapan inovasi belum diisi".into()
            }
            (A::TanpaTanggalImplementasi, Bahasa::En) => {
                "The implementation start date is missing".into()
            }
            (A::SudahTop, Bahasa::Id) => {
                "Kelompok Umum: inovasi ini sudah pernah menjadi pemenang Top".into()
            }
            (A::SudahTop, Bahasa::En) => {
                "General group: this innovation has already been a Top winner".into()
            }
            (A::DuaKaliTop99, Bahasa::Id) => {
                "Kelompok Umum: inovasi ini sudah dua kali masuk Top 99".into()
            }
            (A::DuaKaliTop99, Bahasa::En) => {
                "General group: this innovation has already been in the Top 99 twice".into()
            }
            (A::TanpaAsal, Bahasa::Id) => {
                "Kelompok Replikasi: inovasi asal yang direplikasi belum disebut".into()
            }
            (A::TanpaAsal, Bahasa::En) => {
                "Replication group: the original innovation is not named".into()
            }
            (A::AsalBukanPemenang, Bahasa::Id) => {
                "Kelompok Replikasi: inovasi asal belum pernah meraih penghargaan (Top 99 atau Top)"
                    .into()
            }
            (A::AsalBukanPemenang, Bahasa::En) => {
                "Replication group: the original innovation has no award (Top 99 or Top)".into()
            }
            (A::TanpaPerubahan, Bahasa::Id) => format!(
                "Kelompok Replikasi: uraikan apa yang diubah dari inovasi asal (paling sedikit {PANJANG_PERUBAHAN} karakter)"
            ),
            (A::TanpaPerubahan, Bahasa::En) => format!(
                "Replication group: describe what was changed from the original (at least {PANJANG_PERUBAHAN} characters)"
            ),
            (A::BelumPernahTop, Bahasa::Id) => {
                "Kelompok Khusus: inovasi ini belum pernah menjadi pemenang Top".into()
            }
            (A::BelumPernahTop, Bahasa::En) => {
                "Special group: this innovation has never been a Top winner".into()
            }
        }
    }
}

/// Tanggal yang sama satu tahun kemudian. 29 Februari menjadi **28 Februari**
/// tahun berikutnya (hari terakhir bulan itu, seperti menambah 12 bulan),
/// bukan 1 Maret: dari 29-02-2024 sampai 28-02-2025 sudah 366 hari.
/// Di luar jangkauan `time`: [`Date::MAX`].
pub fn setahun_sesudah(d: Date) -> Date {
    let th = d.year().saturating_add(1);
    Date::from_calendar_date(th, d.month(), d.day())
        .or_else(|_| Date::from_calendar_date(th, Month::February, 28))
        .unwrap_or(Date::MAX)
}

/// Alasan calon tidak layak untuk kelompok `aturan` pada `tanggal_acuan`
/// (mis. batas pendaftaran); kosong = layak. Urutan: syarat satu tahun,
/// lalu syarat kelompok.
///
/// * semua kelompok (termasuk Bebas): diterapkan paling lambat
///   [`setahun_sesudah`]`(tanggal_implementasi)` ≤ `tanggal_acuan`;
/// * Umum: tidak pernah pemenang Top, dan Top 99 kurang dari dua tahun
///   berbeda;
/// * Replikasi: inovasi asal disebut dan pernah meraih Top 99 atau Top;
///   uraian perubahan (tanpa spasi tepi) ≥ [`PANJANG_PERUBAHAN`] karakter;
/// * Khusus: pernah menjadi pemenang Top.
pub fn kelayakan(
    aturan: AturanKelompok,
    c: &CalonEntri,
    tanggal_acuan: Date,
) -> Vec<AlasanTidakLayak> {
    let mut alasan = Vec::new();
    match c.tanggal_implementasi {
        None => alasan.push(AlasanTidakLayak::TanpaTanggalImplementasi),
        Some(t) if setahun_sesudah(t) > tanggal_acuan => {
            alasan.push(AlasanTidakLayak::BelumSetahun)
        }
        Some(_) => {}
    }
    let pernah_top = c
        .penghargaan
        .iter()
        .any(|p| p.tingkat == TingkatPenghargaan::Top);
    match aturan {
        AturanKelompok::Umum => {
            if pernah_top {
                alasan.push(AlasanTidakLayak::SudahTop);
            }
            // Tahun berbeda: catatan ganda untuk satu kompetisi bukan dua kali.
            let tahun_top99: BTreeSet<i32> = c
                .penghargaan
                .iter()
                .filter(|p| p.tingkat == TingkatPenghargaan::Top99)
                .map(|p| p.tahun)
                .collect();
            if tahun_top99.len() >= 2 {
                alasan.push(AlasanTidakLayak::DuaKaliTop99);
            }
        }
        AturanKelompok::Replikasi => {
            if !c.ada_asal {
                alasan.push(AlasanTidakLayak::TanpaAsal);
            } else if c.asal_penghargaan.is_empty() {
                alasan.push(AlasanTidakLayak::AsalBukanPemenang);
            }
            if c.perubahan.trim().chars().count() < PANJANG_PERUBAHAN {
                alasan.push(AlasanTidakLayak::TanpaPerubahan);
            }
        }
        AturanKelompok::Khusus => {
            if !pernah_top {
                alasan.push(AlasanTidakLayak::BelumPernahTop);
            }
        }
        AturanKelompok::Bebas => {}
    }
    alasan
}

// ---------------------------------------------------------------------------
// Penugasan juri
// ---------------------------------------------------------------------------

/// Entri yang perlu juri.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntriTugas {
    /// Pengenal entri.
    pub id: String,
    /// Instansi pengusul.
    pub instansi_id: String,
    /// Kode wilayah Kepmendagri instansi pengusul (`"81"`, `"81.01"`).
    pub wilayah: Option<String>,
}

/// Juri yang dapat ditugaskan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuriTugas {
    /// Pengenal juri.
    pub id: String,
    /// Instansi asal juri; `None` = juri eksternal.
    pub instansi_id: Option<String>,
    /// Kode wilayah Kepmendagri juri.
    pub wilayah: Option<String>,
    /// Id entri yang dinyatakan juri sebagai konflik kepentingan.
    pub konflik: BTreeSet<String>,
}

/// Hasil penugasan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HasilTugas {
    /// Penugasan baru `(entri_id, juri_id)`, urut menurut entri lalu juri.
    pub baru: Vec<(String, String)>,
    /// Entri yang jurinya masih kurang dari minimum: `(id, banyak juri)`, urut id.
    pub kurang: Vec<(String, usize)>,
}

/// Dua kode wilayah Kepmendagri berkonflik: sama, atau yang satu awalan
/// bertitik yang lain (`81` dan `81.01` ya; `81` dan `811` tidak). Kode
/// kosong tidak pernah berkonflik.
pub fn wilayah_berkonflik(a: &str, b: &str) -> bool {
    let awalan = |pendek: &str, panjang: &str| {
        panjang
            .strip_prefix(pendek)
            .is_some_and(|sisa| sisa.is_empty() || sisa.starts_with('.'))
    };
    !a.is_empty() && !b.is_empty() && (awalan(a, b) || awalan(b, a))
}

/// Juri tidak boleh menilai entri ini: instansi sama, wilayah sama atau
/// bertumpuk ([`wilayah_berkonflik`]), atau entri ada di konflik yang
/// dinyatakan juri.
pub fn berkonflik(e: &EntriTugas, j: &JuriTugas) -> bool {
    j.instansi_id.as_deref() == Some(e.instansi_id.as_str())
        || matches!((&j.wilayah, &e.wilayah), (Some(a), Some(b)) if wilayah_berkonflik(a, b))
        || j.konflik.contains(&e.id)
}

/// Tugaskan juri sampai setiap entri punya `min_per_entri` juri, beban
/// seimbang, tanpa konflik; deterministik.
///
/// * Penugasan lama (`sudah`) tetap, dihitung ke beban juri dan ke minimum
///   entri, walau kini berkonflik (tidak dicabut); pasangan ganda dihitung
///   sekali. Penugasan baru tidak pernah berkonflik.
/// * Rakus: entri dengan juri layak paling sedikit dulu (lalu id); setiap
///   kursi ke juri layak yang belum menilai entri itu dengan beban terkecil
///   (lalu id).
/// * Id entri atau juri ganda di masukan: yang pertama dipakai.
///
/// Biaya O(E·J·log J) (3.500 entri × 60 juri jauh di bawah satu detik).
pub fn tugaskan_juri(
    entri: &[EntriTugas],
    juri: &[JuriTugas],
    sudah: &[(String, String)],
    min_per_entri: usize,
) -> HasilTugas {
    let mut indeks_juri: HashMap<&str, usize> = HashMap::with_capacity(juri.len());
    let mut daftar_juri: Vec<&JuriTugas> = Vec::with_capacity(juri.len());
    for j in juri {
        if !indeks_juri.contains_key(j.id.as_str()) {
            indeks_juri.insert(&j.id, daftar_juri.len());
            daftar_juri.push(j);
        }
    }
    let mut indeks_entri: HashMap<&str, usize> = HashMap::with_capacity(entri.len());
    let mut daftar_entri: Vec<&EntriTugas> = Vec::with_capacity(entri.len());
    for e in entri {
        if !indeks_entri.contains_key(e.id.as_str()) {
            indeks_entri.insert(&e.id, daftar_entri.len());
            daftar_entri.push(e);
        }
    }

    let mut beban = vec![0usize; daftar_juri.len()];
    let mut jumlah = vec![0usize; daftar_entri.len()];
    // Juri (yang dikenal) yang sudah menilai setiap entri.
    let mut dinilai: Vec<Vec<usize>> = vec![Vec::new(); daftar_entri.len()];
    let mut lama: HashSet<(&str, &str)> = HashSet::with_capacity(sudah.len());
    for (e, j) in sudah {
        if !lama.insert((e.as_str(), j.as_str())) {
            continue;
        }
        let ji = indeks_juri.get(j.as_str()).copied();
        if let Some(ji) = ji {
            beban[ji] += 1;
        }
        if let Some(&ei) = indeks_entri.get(e.as_str()) {
            jumlah[ei] += 1;
            if let Some(ji) = ji {
                dinilai[ei].push(ji);
            }
        }
    }

    let mut layak: Vec<Vec<usize>> = Vec::with_capacity(daftar_entri.len());
    for (ei, e) in daftar_entri.iter().enumerate() {
        dinilai[ei].sort_unstable();
        let d = &dinilai[ei];
        layak.push(
            daftar_juri
                .iter()
                .enumerate()
                .filter(|(ji, j)| d.binary_search(ji).is_err() && !berkonflik(e, j))
                .map(|(ji, _)| ji)
                .collect(),
        );
    }
    let mut urutan: Vec<usize> = (0..daftar_entri.len()).collect();
    urutan.sort_by(|&a, &b| {
        layak[a]
            .len()
            .cmp(&layak[b].len())
            .then_with(|| daftar_entri[a].id.cmp(&daftar_entri[b].id))
    });

    let mut baru = Vec::new();
    for ei in urutan {
        let perlu = min_per_entri.saturating_sub(jumlah[ei]);
        if perlu == 0 {
            continue;
        }
        let calon = &mut layak[ei];
        // Memilih `perlu` terkecil sekaligus sama dengan memilih satu per
        // satu: juri terpilih tidak dapat dipilih lagi untuk entri ini.
        calon.sort_by(|&a, &b| {
            beban[a]
                .cmp(&beban[b])
                .then_with(|| daftar_juri[a].id.cmp(&daftar_juri[b].id))
        });
        for &ji in calon.iter().take(perlu) {
            beban[ji] += 1;
            jumlah[ei] += 1;
            baru.push((daftar_entri[ei].id.clone(), daftar_juri[ji].id.clone()));
        }
    }
    baru.sort();
    let mut kurang: Vec<(String, usize)> = daftar_entri
        .iter()
        .zip(&jumlah)
        .filter(|(_, n)| **n < min_per_entri)
        .map(|(e, n)| (e.id.clone(), *n))
        .collect();
    kurang.sort();
    HasilTugas { baru, kurang }
}

// ---------------------------------------------------------------------------
// Teks pencarian
// ---------------------------------------------------------------------------

/// Kata pencarian dari teks: huruf kecil, dipisah di setiap karakter yang
/// bukan huruf/angka, kata henti dibuang, kata dasar diambil (Sastrawi);
/// token angka dipertahankan apa adanya; token (dan kata dasar) kurang dari
/// 2 karakter dibuang; paling banyak [`MAKS_TOKEN_CARI`] token.
pub fn kata_cari(teks: &str) -> Vec<String> {
    let pemotong = crate::pemotong::pemotong();
    let mut hasil = Vec::new();
    for kata in teks
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
    {
        if hasil.len() >= MAKS_TOKEN_CARI {
            break;
        }
        if kata.chars().nth(1).is_none() {
            continue;
        }
        let kecil = kata.to_lowercase();
        if kecil.chars().all(|c| c.is_numeric()) {
            hasil.push(kecil);
            continue;
        }
        if pemotong.is_stopword(&kecil) {
            continue;
        }
        let dasar = pemotong.stem_word(&kecil).into_owned();
        if dasar.chars().nth(1).is_some() {
            hasil.push(dasar);
        }
    }
    hasil
}

/// Jarak Levenshtein (per karakter) bila ≤ `maks`, selain itu `None`. Hanya
/// pita selebar 2·maks+1 di sekitar diagonal yang dihitung, dan berhenti
/// begitu seluruh baris melewati `maks`: O(panjang · maks).
pub fn jarak_edit(a: &str, b: &str, maks: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > maks {
        return None;
    }
    // Jarak tidak pernah melebihi panjang terpanjang: pita tidak perlu lebih lebar.
    let maks_efektif = maks.min(n.max(m));
    let tak_hingga = maks_efektif + 1;
    // Sel di luar pita bernilai tak hingga: baris awal di luar pita dan sel
    // kanan yang belum pernah ditulis tetap tak hingga; sel kiri pita
    // ditulis ulang setiap baris.
    let mut atas: Vec<usize> = (0..=m)
        .map(|j| if j <= maks_efektif { j } else { tak_hingga })
        .collect();
    let mut kini = vec![tak_hingga; m + 1];
    for i in 1..=n {
        let lo = i.saturating_sub(maks_efektif);
        let hi = (i + maks_efektif).min(m);
        if lo > 0 {
            kini[lo - 1] = tak_hingga;
        }
        let mut terkecil = tak_hingga;
        for j in lo..=hi {
            let v = if j == 0 {
                i
            } else {
                let ganti = atas[j - 1] + usize::from(a[i - 1] != b[j - 1]);
                ganti.min(atas[j] + 1).min(kini[j - 1] + 1)
            };
            let v = v.min(tak_hingga);
            kini[j] = v;
            terkecil = terkecil.min(v);
        }
        if terkecil > maks_efektif {
            return None;
        }
        std::mem::swap(&mut atas, &mut kini);
    }
    let d = atas[m];
    (d <= maks).then_some(d)
}

/// Salah ketik yang ditoleransi untuk satu kata pencarian: 0 untuk ≤ 3
/// karakter, 1 untuk 4–7, 2 untuk ≥ 8.
pub fn toleransi_salah_ketik(kata: &str) -> usize {
    match kata.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn jarak_edit_sama_dengan_dp_penuh() {
        fn penuh(a: &str, b: &str) -> usize {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            let mut d: Vec<Vec<usize>> = (0..=a.len())
                .map(|i| (0..=b.len()).map(|j| if i == 0 { j } else { i }).collect())
                .collect();
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    d[i][j] = (d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]))
                        .min(d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1);
                }
            }
            d[a.len()][b.len()]
        }
        let kata = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kesehatan",
            "kesehatn",
            "ksehatan",
            "sehat",
            "layanan",
            "pelayanan",
            "inovasi",
            "inovas",
            "innovasi",
            "ínovasi",
            "abcdefgh",
            "hgfedcba",
        ];
        for a in kata {
            for b in kata {
                let p = penuh(a, b);
                for maks in 0..5 {
                    let harap = (p <= maks).then_some(p);
                    assert_eq!(jarak_edit(a, b, maks), harap, "{a:?} {b:?} {maks}");
                }
            }
        }
    }
}
