//! Pembaca masukan JSON kalkulator: setiap kesalahan dicatat dengan jalur
//! field-nya (`target.min`, `kegiatan[0].target_waktu`), sehingga satu
//! panggilan melaporkan sebanyak mungkin kesalahan sekaligus.
//!
//! Angka desimal: teks (`"97.89"`, `"97,89"`) atau bilangan bulat JSON (`100`).
//! Bilangan JSON pecahan (`97.89` tanpa tanda kutip) ditolak, karena di banyak
//! klien JSON ia melewati float dan bisa kehilangan digit.

use super::{GalatKalkulator, JenisGalat};
use crate::galat::{GalatInput, Masalah};
use crate::token::Token;
use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// Batas banyaknya kesalahan yang dicatat (daftar raksasa tidak membanjiri jawaban).
const MAKS_GALAT: usize = 50;

pub(crate) struct GalatField {
    pub field: String,
    pub kode: &'static str,
    pub pesan: String,
}

pub(crate) struct Pembaca {
    pub bahasa: Bahasa,
    galat: Vec<GalatField>,
}

/// Objek JSON yang sedang dibaca, dengan jalurnya.
pub(crate) struct Obj<'a> {
    jalur: String,
    map: &'a Map<String, Value>,
}

impl Obj<'_> {
    pub fn jalur(&self, kunci: &str) -> String {
        if self.jalur.is_empty() {
            kunci.to_string()
        } else {
            format!("{}.{kunci}", self.jalur)
        }
    }
}

/// Nama jenis JSON yang diharapkan, untuk pesan `tipe_salah`.
#[derive(Clone, Copy)]
pub(crate) enum Jenis {
    Objek,
    Daftar,
    Teks,
    Boolean,
}

fn jenis_teks(j: Jenis, b: Bahasa) -> &'static str {
    match j {
        Jenis::Objek => b.pilih("objek JSON", "a JSON object"),
        Jenis::Daftar => b.pilih("daftar (array) JSON", "a JSON array"),
        Jenis::Teks => b.pilih("teks (string)", "a string"),
        Jenis::Boolean => b.pilih("boolean (true/false)", "a boolean (true/false)"),
    }
}

/// Teks bilangan JSON yang berupa bilangan bulat biasa (`-12`, `100`).
fn teks_bulat(n: &serde_json::Number) -> Option<String> {
    let s = n.to_string();
    let digit = s.strip_prefix('-').unwrap_or(&s);
    (!digit.is_empty() && digit.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

impl Pembaca {
    pub fn baru(bahasa: Bahasa) -> Self {
        Pembaca {
            bahasa,
            galat: Vec::new(),
        }
    }

    pub fn catat(&mut self, field: impl Into<String>, kode: &'static str, pesan: String) {
        if self.galat.len() < MAKS_GALAT {
            self.galat.push(GalatField {
                field: field.into(),
                kode,
                pesan,
            });
        }
    }

    pub fn catat_input(&mut self, g: GalatInput) {
        let pesan = g.pesan(self.bahasa);
        self.catat(g.field.clone(), g.kode(), pesan);
    }

    pub fn tipe_salah(&mut self, field: &str, j: Jenis) {
        let jt = jenis_teks(j, self.bahasa);
        let pesan = match self.bahasa {
            Bahasa::Id => format!("{field} harus berupa {jt}"),
            Bahasa::En => format!("{field} must be {jt}"),
        };
        self.catat(field, "tipe_salah", pesan);
    }

    /// Objek akar masukan. Bukan objek: galat langsung.
    pub fn akar<'a>(&mut self, v: &'a Value, kunci: &[&str]) -> Result<Obj<'a>, GalatKalkulator> {
        match self.objek(v, "", kunci) {
            Some(o) => Ok(o),
            None => Err(self
                .selesai()
                .err()
                .unwrap_or_else(|| GalatKalkulator::internal(self.bahasa))),
        }
    }

    /// Objek dengan kunci yang diizinkan; kunci lain dicatat sebagai tidak dikenal.
    pub fn objek<'a>(&mut self, v: &'a Value, jalur: &str, kunci: &[&str]) -> Option<Obj<'a>> {
        let Value::Object(map) = v else {
            self.tipe_salah(if jalur.is_empty() { "input" } else { jalur }, Jenis::Objek);
            return None;
        };
        let obj = Obj {
            jalur: jalur.to_string(),
            map,
        };
        for k in map.keys().filter(|k| !kunci.contains(&k.as_str())) {
            let f = obj.jalur(k);
            let daftar = kunci.join(", ");
            let pesan = match self.bahasa {
                Bahasa::Id => format!("field {f} tidak dikenal; field yang diterima: {daftar}"),
                Bahasa::En => format!("unknown field {f}; accepted fields: {daftar}"),
            };
            self.catat(f, "field_tidak_dikenal", pesan);
        }
        Some(obj)
    }

    /// Nilai field wajib; `null` dianggap tidak ada.
    pub fn wajib<'a>(&mut self, o: &Obj<'a>, k: &str) -> Option<&'a Value> {
        match o.map.get(k) {
            Some(v) if !v.is_null() => Some(v),
            _ => {
                let f = o.jalur(k);
                let pesan = match self.bahasa {
                    Bahasa::Id => format!("{f} wajib diisi"),
                    Bahasa::En => format!("{f} is required"),
                };
                self.catat(f, "field_wajib", pesan);
                None
            }
        }
    }

    /// Nilai field opsional; `null` dianggap tidak ada.
    pub fn opsional<'a>(&self, o: &Obj<'a>, k: &str) -> Option<&'a Value> {
        o.map.get(k).filter(|v| !v.is_null())
    }

    /// Angka desimal dari nilai JSON.
    pub fn nilai_desimal(&mut self, v: &Value, f: &str) -> Option<Decimal> {
        let b = self.bahasa;
        match v {
            Value::Number(n) => match teks_bulat(n) {
                Some(s) => match angka::baca_desimal_tepat(&s) {
                    Ok(d) => Some(d),
                    Err(_) => {
                        self.catat_input(GalatInput::baru(f, Masalah::TerlaluBesar));
                        None
                    }
                },
                None => {
                    let pesan = match b {
                        Bahasa::Id => format!(
                            "{f}: angka pecahan harus dikirim sebagai teks, mis. \"{n}\" (angka JSON pecahan bisa kehilangan digit)"
                        ),
                        Bahasa::En => format!(
                            "{f}: a fractional number must be sent as a string, e.g. \"{n}\" (JSON fractions can lose digits)"
                        ),
                    };
                    self.catat(f, "angka_pecahan_harus_teks", pesan);
                    None
                }
            },
            Value::String(s) => match angka::baca_desimal_tepat(s) {
                Ok(d) => Some(d),
                Err(angka::GalatDesimal::TerlaluPresisi) => {
                    let pesan = match b {
                        Bahasa::Id => format!(
                            "{f}: paling banyak 28 digit bermakna; angka ini tidak dapat dihitung tepat tanpa dibulatkan"
                        ),
                        Bahasa::En => format!(
                            "{f}: at most 28 significant digits; this number cannot be computed exactly without rounding"
                        ),
                    };
                    self.catat(f, "angka_terlalu_presisi", pesan);
                    None
                }
                Err(angka::GalatDesimal::BukanAngka) => {
                    self.bukan_angka(f);
                    None
                }
            },
            _ => {
                self.bukan_angka(f);
                None
            }
        }
    }

    fn bukan_angka(&mut self, f: &str) {
        let pesan = match self.bahasa {
            Bahasa::Id => format!("{f} harus berupa angka, mis. \"97.89\", \"97,89\" atau 100"),
            Bahasa::En => format!("{f} must be a number, e.g. \"97.89\", \"97,89\" or 100"),
        };
        self.catat(f, "bukan_angka", pesan);
    }

    pub fn desimal(&mut self, o: &Obj, k: &str) -> Option<Decimal> {
        let v = self.wajib(o, k)?;
        self.nilai_desimal(v, &o.jalur(k))
    }

    pub fn desimal_opsional(&mut self, o: &Obj, k: &str) -> Option<Decimal> {
        let v = self.opsional(o, k)?;
        self.nilai_desimal(v, &o.jalur(k))
    }

    /// Bilangan bulat (hitungan) `min..=maks`, dari bilangan bulat JSON atau teks digit.
    pub fn nilai_bulat(&mut self, v: &Value, f: &str, min: u64, maks: u64) -> Option<u64> {
        let teks = match v {
            Value::Number(n) => teks_bulat(n),
            Value::String(s) => Some(s.trim().to_string()),
            _ => None,
        };
        let Some(teks) = teks else {
            let pesan = match self.bahasa {
                Bahasa::Id => format!("{f} harus bilangan bulat"),
                Bahasa::En => format!("{f} must be a whole number"),
            };
            self.catat(f, "bukan_bilangan_bulat", pesan);
            return None;
        };
        let d = teks.parse::<Decimal>().ok().filter(|d| d.is_integer());
        let Some(d) = d else {
            let pesan = match self.bahasa {
                Bahasa::Id => format!("{f} harus bilangan bulat"),
                Bahasa::En => format!("{f} must be a whole number"),
            };
            self.catat(f, "bukan_bilangan_bulat", pesan);
            return None;
        };
        let (dmin, dmaks) = (Decimal::from(min), Decimal::from(maks));
        if d < dmin || d > dmaks {
            self.catat_input(GalatInput::baru(
                f,
                Masalah::DiLuarRentang {
                    min: Some(dmin),
                    maks: Some(dmaks),
                },
            ));
            return None;
        }
        teks.parse::<u64>().ok().or_else(|| {
            use rust_decimal::prelude::ToPrimitive;
            d.to_u64()
        })
    }

    pub fn bulat(&mut self, o: &Obj, k: &str, min: u64, maks: u64) -> Option<u64> {
        let v = self.wajib(o, k)?;
        self.nilai_bulat(v, &o.jalur(k), min, maks)
    }

    pub fn bulat_opsional(&mut self, o: &Obj, k: &str, min: u64, maks: u64) -> Option<u64> {
        let v = self.opsional(o, k)?;
        self.nilai_bulat(v, &o.jalur(k), min, maks)
    }

    fn nilai_pilihan<T: Token>(&mut self, v: &Value, f: &str) -> Option<T> {
        if let Some(t) = v.as_str().and_then(T::dari) {
            return Some(t);
        }
        let diberikan = match v {
            Value::String(s) => s.chars().take(40).collect::<String>(),
            lain => lain.to_string().chars().take(40).collect(),
        };
        let daftar = T::daftar_token().join(", ");
        let pesan = match self.bahasa {
            Bahasa::Id => format!("{f}: nilai '{diberikan}' tidak dikenal; pilihan: {daftar}"),
            Bahasa::En => format!("{f}: value '{diberikan}' is not recognised; allowed: {daftar}"),
        };
        self.catat(f, "pilihan_tidak_valid", pesan);
        None
    }

    pub fn pilihan<T: Token>(&mut self, o: &Obj, k: &str) -> Option<T> {
        let v = self.wajib(o, k)?;
        self.nilai_pilihan(v, &o.jalur(k))
    }

    pub fn pilihan_opsional<T: Token>(&mut self, o: &Obj, k: &str) -> Option<T> {
        let v = self.opsional(o, k)?;
        self.nilai_pilihan(v, &o.jalur(k))
    }

    fn nilai_bool(&mut self, v: &Value, f: &str) -> Option<bool> {
        let b = v.as_bool();
        if b.is_none() {
            self.tipe_salah(f, Jenis::Boolean);
        }
        b
    }

    pub fn boolean(&mut self, o: &Obj, k: &str) -> Option<bool> {
        let v = self.wajib(o, k)?;
        self.nilai_bool(v, &o.jalur(k))
    }

    pub fn boolean_opsional(&mut self, o: &Obj, k: &str) -> Option<bool> {
        let v = self.opsional(o, k)?;
        self.nilai_bool(v, &o.jalur(k))
    }

    pub fn daftar<'a>(&mut self, o: &Obj<'a>, k: &str) -> Option<&'a [Value]> {
        match self.wajib(o, k)? {
            Value::Array(a) => Some(a),
            _ => {
                self.tipe_salah(&o.jalur(k), Jenis::Daftar);
                None
            }
        }
    }

    pub fn teks<'a>(&mut self, o: &Obj<'a>, k: &str) -> Option<&'a str> {
        match self.wajib(o, k)? {
            Value::String(s) => Some(s),
            _ => {
                self.tipe_salah(&o.jalur(k), Jenis::Teks);
                None
            }
        }
    }

    /// Teks opsional: `null`, tidak ada, atau hanya spasi → `None`; bukan teks → galat.
    pub fn teks_opsional<'a>(&mut self, o: &Obj<'a>, k: &str) -> Option<&'a str> {
        match self.opsional(o, k)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.trim()),
            _ => {
                self.tipe_salah(&o.jalur(k), Jenis::Teks);
                None
            }
        }
    }

    /// Daftar opsional: `null` atau tidak ada → `None`; bukan daftar → galat.
    pub fn daftar_opsional<'a>(&mut self, o: &Obj<'a>, k: &str) -> Option<&'a [Value]> {
        match self.opsional(o, k)? {
            Value::Array(a) => Some(a),
            _ => {
                self.tipe_salah(&o.jalur(k), Jenis::Daftar);
                None
            }
        }
    }

    /// Desimal draf: `null`, tidak ada, atau teks kosong → `Ok(None)`; angka
    /// yang salah bentuk dicatat sebagai galat (`Err`).
    pub fn nilai_desimal_draf(
        &mut self,
        v: Option<&Value>,
        f: &str,
    ) -> Result<Option<Decimal>, ()> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(v) => self.nilai_desimal(v, f).map(Some).ok_or(()),
        }
    }

    /// Nilai mentah field (tanpa memeriksa `null`).
    pub fn mentah<'a>(&self, o: &Obj<'a>, k: &str) -> Option<&'a Value> {
        o.map.get(k)
    }

    /// Pilihan token draf: `null`, tidak ada, atau teks kosong → `None`.
    pub fn pilihan_draf<T: Token>(&mut self, o: &Obj, k: &str) -> Option<T> {
        match self.opsional(o, k)? {
            Value::String(s) if s.trim().is_empty() => None,
            v => self.nilai_pilihan(v, &o.jalur(k)),
        }
    }

    /// Galat bila ada kesalahan tercatat.
    pub fn selesai(&mut self) -> Result<(), GalatKalkulator> {
        if self.galat.is_empty() {
            return Ok(());
        }
        let galat = std::mem::take(&mut self.galat);
        let pertama = &galat[0];
        let lain = galat.len() - 1;
        let mut pesan = pertama.pesan.clone();
        if lain > 0 {
            pesan.push_str(&match self.bahasa {
                Bahasa::Id => format!(" (dan {lain} kesalahan lain)"),
                Bahasa::En => format!(
                    " (and {lain} more error{})",
                    if lain == 1 { "" } else { "s" }
                ),
            });
        }
        let kode = pertama.kode.to_string();
        let mut fields = std::collections::BTreeMap::new();
        for g in galat {
            fields.entry(g.field).or_insert(g.pesan);
        }
        Err(GalatKalkulator {
            jenis: JenisGalat::InputTidakValid,
            kode,
            pesan,
            fields,
        })
    }
}

/// Nilai yang pasti ada setelah [`Pembaca::selesai`] berhasil; bila tidak
/// (kesalahan program), jawab dengan galat, bukan panik.
pub(crate) fn pasti<T>(v: Option<T>, bahasa: Bahasa) -> Result<T, GalatKalkulator> {
    v.ok_or_else(|| GalatKalkulator::internal(bahasa))
}
