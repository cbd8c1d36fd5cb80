//! Dari isian formulir ke masukan JSON kalkulator, dan dari hasil/galat
//! kembali ke tampilan.

use super::super::Bingkai;
use super::*;
use app::Bahasa;
use askama::Template;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------
// Halaman satu kalkulator
// ---------------------------------------------------------------------------

pub(crate) struct OpsiTampil {
    pub(crate) nilai: &'static str,
    pub(crate) label: String,
    pub(crate) dipilih: bool,
}

pub(crate) struct KolomTampil {
    /// Nama dan id isian.
    pub(crate) nama: String,
    pub(crate) label: String,
    /// "teks", "pilihan" atau "centang".
    pub(crate) jenis: &'static str,
    /// inputmode: "decimal", "numeric" atau "text".
    pub(crate) mode: &'static str,
    pub(crate) nilai: String,
    pub(crate) tercentang: bool,
    pub(crate) opsi: Vec<OpsiTampil>,
    pub(crate) bantuan: &'static str,
    pub(crate) galat: Option<String>,
    /// Label di ringkasan galat (baris daftar diberi nomor).
    pub(crate) label_ringkasan: String,
}

pub(crate) struct BagianTampil {
    /// Kunci galat kelompok (`jumlah`, `kegiatan.2`).
    pub(crate) kunci: String,
    pub(crate) judul: String,
    pub(crate) details: bool,
    pub(crate) terbuka: bool,
    pub(crate) dua: bool,
    pub(crate) galat: Option<String>,
    pub(crate) kolom: Vec<KolomTampil>,
}

pub(crate) struct HasilTampil {
    pub(crate) baris: Vec<(String, String)>,
    pub(crate) pesan: Vec<String>,
    /// Nilai per kegiatan (SKP PP 46): judul dan rinciannya.
    pub(crate) kegiatan: Vec<(String, String)>,
    pub(crate) rumus: Option<String>,
    pub(crate) langkah: Vec<String>,
    pub(crate) rincian: Vec<(String, String)>,
    pub(crate) daftar: Vec<String>,
    pub(crate) sumber: String,
    pub(crate) status: String,
    pub(crate) json: String,
}

pub(crate) struct GalatRingkas {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) pesan: String,
}

#[derive(Template)]
#[template(path = "kalkulator.html")]
pub(crate) struct HalamanKalkulator {
    pub(crate) b: Bingkai,
    pub(crate) nama: &'static str,
    pub(crate) ringkas: &'static str,
    pub(crate) lang: Option<&'static str>,
    pub(crate) q_lang: String,
    pub(crate) bagian: Vec<BagianTampil>,
    pub(crate) galat: Vec<GalatRingkas>,
    pub(crate) hasil: Option<HasilTampil>,
    pub(crate) penjelasan: &'static str,
    pub(crate) sumber: &'static str,
    pub(crate) status: &'static str,
    pub(crate) belum: Vec<(&'static str, &'static str)>,
}

/// Isian formulir mentah: nilai pertama untuk setiap nama.
type Isian = BTreeMap<String, String>;

pub(crate) fn isian_dari(pasangan: Vec<(String, String)>) -> Isian {
    let mut m = Isian::new();
    for (k, v) in pasangan {
        if k != "lang" {
            m.entry(k).or_insert(v);
        }
    }
    m
}

pub(crate) fn nilai_kolom(k: &Kolom, mentah: Option<&String>) -> Option<Value> {
    match k.jenis {
        Jenis::Centang { selalu } => match mentah {
            Some(_) => Some(Value::Bool(true)),
            None if selalu => Some(Value::Bool(false)),
            None => None,
        },
        _ => {
            let s = mentah?.trim();
            // Desimal dan bilangan bulat pun dikirim sebagai teks JSON.
            (!s.is_empty()).then(|| Value::String(s.to_string()))
        }
    }
}

/// Sisipkan nilai pada jalur bertitik (`target.min`); segmen angka adalah
/// indeks daftar (`indikator.0.target_triwulan.2`; yang belum diisi `null`).
/// Gagal bila jalur itu sudah berisi nilai lain yang bertentangan (target
/// tunggal dan rentang).
pub(crate) fn sisipkan(obj: &mut Map<String, Value>, jalur: &str, v: Value) -> Result<(), String> {
    match jalur.split_once('.') {
        None => {
            if obj.get(jalur).is_some_and(Value::is_object) {
                return Err(jalur.to_string());
            }
            obj.insert(jalur.to_string(), v);
            Ok(())
        }
        Some((kepala, sisa))
            if sisa
                .split('.')
                .next()
                .is_some_and(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())) =>
        {
            let (indeks, ekor) = sisa
                .split_once('.')
                .map_or((sisa, None), |(a, b)| (a, Some(b)));
            let i: usize = indeks.parse().map_err(|_| kepala.to_string())?;
            let e = obj
                .entry(kepala.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            let Value::Array(a) = e else {
                return Err(kepala.to_string());
            };
            if a.len() <= i {
                a.resize(i + 1, Value::Null);
            }
            match ekor {
                None => {
                    a[i] = v;
                    Ok(())
                }
                Some(ekor) => {
                    if a[i].is_null() {
                        a[i] = Value::Object(Map::new());
                    }
                    match &mut a[i] {
                        Value::Object(m) => sisipkan(m, ekor, v),
                        _ => Err(kepala.to_string()),
                    }
                }
            }
        }
        Some((kepala, sisa)) => {
            let e = obj
                .entry(kepala.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            match e {
                Value::Object(m) => sisipkan(m, sisa, v),
                _ => Err(kepala.to_string()),
            }
        }
    }
}

/// Masukan JSON dari formulir, peta indeks daftar JSON → baris formulir, dan
/// galat formulir sendiri (kunci = nama isian).
pub(crate) struct Masukan {
    pub(crate) json: Value,
    pub(crate) baris: BTreeMap<&'static str, Vec<usize>>,
    pub(crate) galat: BTreeMap<String, String>,
}

pub(crate) fn bangun(s: &Spek, isian: &Isian, b: Bahasa) -> Masukan {
    let mut obj = Map::new();
    let mut peta = BTreeMap::new();
    let mut galat = BTreeMap::new();
    for bg in s.bagian {
        match bg {
            Bagian::Kolom { kolom, .. } => {
                for k in kolom.iter() {
                    if let Some(v) = nilai_kolom(k, isian.get(k.kunci)) {
                        if let Err(f) = sisipkan(&mut obj, k.kunci, v) {
                            galat.entry(f).or_insert_with(|| {
                                app::teks::t(
                                    b,
                                    "Isi target tunggal atau rentang (min dan max), bukan keduanya.",
                                    "Fill either a single target or a range (min and max), not both.",
                                )
                                .to_string()
                            });
                        }
                    }
                }
            }
            Bagian::Daftar { kunci, kolom, .. } => {
                let mut daftar = Vec::new();
                let mut baris = Vec::new();
                for i in 0..BARIS {
                    let mut o = Map::new();
                    for k in kolom.iter() {
                        if let Some(v) =
                            nilai_kolom(k, isian.get(&format!("{kunci}.{i}.{}", k.kunci)))
                        {
                            let _ = sisipkan(&mut o, k.kunci, v);
                        }
                    }
                    rapatkan(&mut o);
                    if !o.is_empty() {
                        daftar.push(Value::Object(o));
                        baris.push(i);
                    }
                }
                obj.insert(kunci.to_string(), Value::Array(daftar));
                peta.insert(*kunci, baris);
            }
        }
    }
    Masukan {
        json: Value::Object(obj),
        baris: peta,
        galat,
    }
}

/// Daftar objek di dalam satu baris formulir (baris belanja, indikator)
/// dirapatkan: butir yang tidak diisi dibuang. Daftar nilai (target triwulan)
/// dibiarkan, karena posisinya bermakna.
fn rapatkan(o: &mut Map<String, Value>) {
    for v in o.values_mut() {
        match v {
            Value::Array(a) if a.iter().any(Value::is_object) => {
                a.retain(|x| !x.is_null());
                for x in a.iter_mut() {
                    if let Value::Object(m) = x {
                        rapatkan(m);
                    }
                }
            }
            Value::Object(m) => rapatkan(m),
            _ => {}
        }
    }
}

/// `kegiatan[1].target_output` → `kegiatan.3.target_output` (baris formulir);
/// indeks lebih dalam menjadi segmen bertitik
/// (`subkegiatan[0].indikator[0].target` → `subkegiatan.2.indikator.0.target`).
pub(crate) fn jalur_ke_nama(jalur: &str, peta: &BTreeMap<&'static str, Vec<usize>>) -> String {
    if let Some((daftar, sisa)) = jalur.split_once('[')
        && let Some((idx, ekor)) = sisa.split_once(']')
        && let (Some(baris), Ok(j)) = (peta.get(daftar), idx.parse::<usize>())
        && let Some(i) = baris.get(j)
    {
        let ekor = ekor.replace('[', ".").replace(']', "");
        return format!("{daftar}.{i}{ekor}");
    }
    jalur.to_string()
}

/// Galat pada field yang dikirim sebagai objek (target rentang) padahal ada
/// juga isian tunggal bernama sama: tampilkan di isian pertama objek itu
/// (`target` → `target.min`), tempat pengguna benar-benar mengetik.
pub(crate) fn arahkan_ke_rentang(nama: String, json: &Value, bagian: &[BagianTampil]) -> String {
    let objek = json.get(&nama).is_some_and(Value::is_object);
    let ada_tunggal = bagian.iter().flat_map(|b| &b.kolom).any(|k| k.nama == nama);
    if !(objek && ada_tunggal) {
        return nama;
    }
    let awalan = format!("{nama}.");
    bagian
        .iter()
        .flat_map(|b| &b.kolom)
        .find(|k| k.nama.starts_with(&awalan))
        .map(|k| k.nama.clone())
        .unwrap_or(nama)
}

/// Pesan di samping isian tidak perlu mengulang jalur field-nya:
/// "capaian_persen harus berupa angka…" → "Harus berupa angka…".
pub(crate) fn bersihkan(pesan: &str, jalur: &str) -> String {
    let sisa = match pesan.strip_prefix(jalur) {
        Some(s) if s.starts_with([' ', ':']) => s.trim_start_matches([':', ' ']),
        _ => return pesan.to_string(),
    };
    let mut c = sisa.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => pesan.to_string(),
    }
}

pub(crate) fn kolom_tampil(
    k: &Kolom,
    nama: String,
    label_ringkasan: String,
    isian: &Isian,
    b: Bahasa,
) -> KolomTampil {
    let mentah = isian.get(&nama).cloned().unwrap_or_default();
    let (jenis, mode, opsi) = match k.jenis {
        Jenis::Desimal => ("teks", "decimal", vec![]),
        Jenis::Bulat => ("teks", "numeric", vec![]),
        Jenis::Teks => ("teks", "text", vec![]),
        Jenis::Centang { .. } => ("centang", "text", vec![]),
        Jenis::Pilihan(f) => (
            "pilihan",
            "text",
            f(b).into_iter()
                .map(|(nilai, label)| OpsiTampil {
                    nilai,
                    label,
                    dipilih: nilai == mentah.trim(),
                })
                .collect(),
        ),
    };
    KolomTampil {
        label: app::teks::t(b, k.id, k.en).to_string(),
        jenis,
        mode,
        tercentang: isian.contains_key(&nama),
        nilai: mentah,
        opsi,
        bantuan: k.bantuan.map(|(i, e)| app::teks::t(b, i, e)).unwrap_or(""),
        galat: None,
        label_ringkasan,
        nama,
    }
}

pub(crate) fn bagian_tampil(s: &Spek, isian: &Isian, b: Bahasa) -> Vec<BagianTampil> {
    let t = |p: (&'static str, &'static str)| app::teks::t(b, p.0, p.1);
    let mut out = Vec::new();
    for bg in s.bagian {
        match bg {
            Bagian::Kolom {
                judul,
                kunci,
                dua,
                kolom,
            } => out.push(BagianTampil {
                kunci: kunci.to_string(),
                judul: judul.map(t).unwrap_or("").to_string(),
                details: false,
                terbuka: true,
                dua: *dua,
                galat: None,
                kolom: kolom
                    .iter()
                    .map(|k| {
                        kolom_tampil(
                            k,
                            k.kunci.to_string(),
                            t((k.id, k.en)).to_string(),
                            isian,
                            b,
                        )
                    })
                    .collect(),
            }),
            Bagian::Daftar {
                kunci,
                butir,
                dua,
                kolom,
            } => {
                for i in 0..BARIS {
                    let judul = format!("{} {}", t(*butir), i + 1);
                    let kolom: Vec<KolomTampil> = kolom
                        .iter()
                        .map(|k| {
                            let nama = format!("{kunci}.{i}.{}", k.kunci);
                            let lr = format!("{judul} · {}", t((k.id, k.en)));
                            kolom_tampil(k, nama, lr, isian, b)
                        })
                        .collect();
                    let terisi = kolom.iter().any(|k| !k.nilai.trim().is_empty());
                    out.push(BagianTampil {
                        kunci: format!("{kunci}.{i}"),
                        judul,
                        details: true,
                        terbuka: i == 0 || terisi,
                        dua: *dua,
                        galat: None,
                        kolom,
                    });
                }
            }
        }
    }
    out
}

/// Letakkan setiap galat di samping isiannya (atau kelompoknya); sisanya
/// hanya di ringkasan. Mengembalikan ringkasan dalam urutan formulir.
pub(crate) fn pasang_galat(
    bagian: &mut [BagianTampil],
    mut galat: BTreeMap<String, String>,
    s: &Spek,
) -> Vec<GalatRingkas> {
    let mut ringkas = Vec::new();
    // Galat daftar secara utuh (mis. "kegiatan harus berisi minimal satu butir") → baris pertamanya.
    for bg in s.bagian {
        if let Bagian::Daftar { kunci, .. } = bg {
            if let Some(g) = galat.remove(*kunci) {
                galat.entry(format!("{kunci}.0")).or_insert(g);
            }
        }
    }
    for bg in bagian.iter_mut() {
        let id_pertama = bg.kolom.first().map(|k| k.nama.clone()).unwrap_or_default();
        if !bg.kunci.is_empty() {
            if let Some(g) = galat.remove(&bg.kunci) {
                bg.terbuka = true;
                ringkas.push(GalatRingkas {
                    id: id_pertama,
                    label: bg.judul.clone(),
                    pesan: g.clone(),
                });
                bg.galat = Some(g);
            }
        }
        for k in bg.kolom.iter_mut() {
            if let Some(g) = galat.remove(&k.nama) {
                bg.terbuka = true;
                ringkas.push(GalatRingkas {
                    id: k.nama.clone(),
                    label: k.label_ringkasan.clone(),
                    pesan: g.clone(),
                });
                k.galat = Some(g);
            }
        }
    }
    for (_, g) in galat {
        ringkas.push(GalatRingkas {
            id: String::new(),
            label: String::new(),
            pesan: g,
        });
    }
    ringkas
}

pub(crate) fn hasil_tampil(s: &Spek, v: &Value, masukan: &Masukan, b: Bahasa) -> HasilTampil {
    let t = |id: &'static str, en: &'static str| app::teks::t(b, id, en).to_string();
    let mut h = HasilTampil {
        baris: vec![],
        pesan: vec![],
        kegiatan: vec![],
        rumus: None,
        langkah: vec![],
        rincian: vec![],
        daftar: vec![],
        sumber: String::new(),
        status: String::new(),
        json: serde_json::to_string(&masukan.json).unwrap_or_default(),
    };
    let baris_kegiatan = masukan.baris.get("kegiatan").cloned().unwrap_or_default();
    let no_kegiatan = |j: usize| baris_kegiatan.get(j).map(|i| i + 1).unwrap_or(j + 1);
    for k in s.keluaran {
        let Some(x) = v.get(k.kunci) else { continue };
        let label = t(k.id, k.en);
        match (k.bentuk, x) {
            (Bentuk::Angka, Value::String(a)) => h.baris.push((label, format_angka(a, b))),
            (Bentuk::Persen, Value::String(a)) => {
                h.baris.push((label, format!("{}%", format_angka(a, b))))
            }
            (Bentuk::Token, Value::String(a)) => {
                h.baris.push((label, label_token(s.nama, k.kunci, a, b)))
            }
            (Bentuk::Tanggal, Value::String(a)) => h.baris.push((label, app::teks::tanggal(b, a))),
            (Bentuk::Valid, Value::Bool(ok)) => h.baris.push((
                label,
                if *ok {
                    t("Sesuai kurva", "Fits the curve")
                } else {
                    t("Tidak sesuai kurva", "Does not fit the curve")
                },
            )),
            (Bentuk::DaftarPesan, Value::Array(a)) => h.pesan.extend(
                a.iter()
                    .filter_map(|p| p.get("pesan").and_then(Value::as_str))
                    .map(str::to_string),
            ),
            (Bentuk::DaftarPesanAwalan(id, en), Value::Array(a)) => h.pesan.extend(
                a.iter()
                    .filter_map(|p| p.get("pesan").and_then(Value::as_str))
                    .map(|p| format!("{} {p}", t(id, en))),
            ),
            (Bentuk::YaTidak { ya, tidak }, Value::Bool(ok)) => {
                let (i, e) = if *ok { ya } else { tidak };
                h.baris.push((label, t(i, e)))
            }
            (_, Value::Null) => h.baris.push((label, "—".to_string())),
            (Bentuk::TabelKegiatan, Value::Array(a)) => {
                let aspek = [
                    ("kuantitas", "kuantitas", "quantity"),
                    ("kualitas", "kualitas", "quality"),
                    ("waktu", "waktu", "time"),
                    ("biaya", "biaya", "cost"),
                ];
                let angka = |o: &Value, k: &str| {
                    o.get(k).and_then(Value::as_str).map(|x| format_angka(x, b))
                };
                h.kegiatan = a
                    .iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let rinci: Vec<String> = aspek
                            .iter()
                            .filter_map(|(k, i, e)| angka(o, k).map(|x| format!("{} {x}", t(i, e))))
                            .collect();
                        let judul = format!("{} {}", t("Kegiatan", "Activity"), no_kegiatan(j));
                        let nilai = angka(o, "nilai").unwrap_or_default();
                        (
                            judul,
                            format!("{} {nilai} ({})", t("nilai", "score"), rinci.join("; ")),
                        )
                    })
                    .collect();
            }
            (_, Value::String(a)) => h.baris.push((label, a.clone())),
            (_, lain) => h.baris.push((label, lain.to_string())),
        }
    }
    let Some(Value::Object(pj)) = v.get("penjelasan") else {
        return h;
    };
    for (kunci, x) in pj {
        match (kunci.as_str(), x) {
            ("sumber", Value::String(a)) => h.sumber = a.clone(),
            ("status", Value::String(a)) => h.status = label_status(a, b).to_string(),
            ("status_arti" | "label" | "label_ej", _) => {}
            (k, _) if k.starts_with("status_") => {}
            ("rumus", Value::String(a)) => h.rumus = Some(a.clone()),
            ("langkah", Value::Array(a)) => h
                .langkah
                .extend(a.iter().filter_map(Value::as_str).map(str::to_string)),
            ("aturan", Value::Array(a)) => h.daftar.extend(a.iter().map(|o| {
                let ok = o.get("dipenuhi").and_then(Value::as_bool).unwrap_or(false);
                let pesan = o.get("pesan").and_then(Value::as_str).unwrap_or("");
                format!("{} {pesan}", if ok { "✓" } else { "✗" })
            })),
            ("komponen", Value::Array(a)) => h.daftar.extend(a.iter().map(|o| {
                let nama = o.get("komponen").and_then(Value::as_str).unwrap_or("");
                let nilai = o.get("nilai").and_then(Value::as_str).unwrap_or("");
                let bobot = o.get("bobot").map(Value::to_string).unwrap_or_default();
                format!(
                    "{}: {} / {bobot}",
                    judul_token(nama),
                    format_angka(nilai, b)
                )
            })),
            ("kegiatan", Value::Array(a)) => h.daftar.extend(a.iter().enumerate().map(|(j, o)| {
                let mut bagian = vec![format!(
                    "{} {}: {} {}% ({})",
                    t("Kegiatan", "Activity"),
                    no_kegiatan(j),
                    t("efisiensi waktu", "time efficiency"),
                    o.get("efisiensi_waktu")
                        .and_then(Value::as_str)
                        .unwrap_or(""),
                    o.get("rumus_waktu").and_then(Value::as_str).unwrap_or("")
                )];
                if let Some(e) = o.get("efisiensi_biaya").and_then(Value::as_str) {
                    bagian.push(format!(
                        "{} {e}% ({})",
                        t("efisiensi biaya", "cost efficiency"),
                        o.get("rumus_biaya").and_then(Value::as_str).unwrap_or("")
                    ));
                }
                if let Some(n) = o.get("pembagi") {
                    bagian.push(format!("{} {n}", t("dibagi", "divided by")));
                }
                if o.get("tidak_dikerjakan").and_then(Value::as_bool) == Some(true) {
                    bagian.push(t(
                        "tidak dikerjakan: waktu dan biaya 0",
                        "not done: time and cost 0",
                    ));
                }
                bagian.join("; ")
            })),
            (k, x) => {
                let mut label = label_rincian(k, b);
                let r_status = pj
                    .get(&format!("status_{k}"))
                    .and_then(Value::as_str)
                    .or_else(|| x.get("status").and_then(Value::as_str));
                if let Some(st) = r_status {
                    label.push_str(&format!(" [{st}]"));
                }
                h.rincian.push((label, nilai_rincian(k, x, b)));
            }
        }
    }
    h
}
