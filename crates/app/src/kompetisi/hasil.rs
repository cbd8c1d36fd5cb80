//! Menutup tahap, keputusan seleksi dan seri, pengumuman, daftar hasil.
//!
//! - Pendaftaran ditutup: semua entri yang diajukan lolos ke tahap berikut.
//! - Seleksi (administrasi, verifikasi lapangan): penyelenggara memutuskan
//!   setiap entri; penolakan wajib beralasan dan alasannya dilihat peserta.
//! - Penilaian: nilai dihitung per kelompok dengan `rules::inovasi::peringkat`
//!   (rata-rata tertimbang juri, 2 desimal, nilai minimum, Top N); seri di
//!   batas tidak ditebak — penyelenggara memutuskan dengan alasan.
//! - Penetapan: entri yang sampai di sini adalah pemenang.
//!
//! Mengumumkan tahap membuka daftar hasilnya untuk publik dan mencatat
//! penghargaannya di repositori (halaman pemenang dibuat dari entri bila
//! belum ada).

use super::{galat_status, muat as muat_kompetisi, tahap_ke};
use crate::galat::GalatKolom;
use crate::kebijakan;
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use store::kompetisi::{Entri, HasilTahap, Kompetisi, Tahap};

pub const OBJEK_HASIL: &str = "hasil_tahap";

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanTutup {
    /// Penugasan yang belum dinilai dicabut dan entri dinilai dari juri yang
    /// sudah menilai (setiap entri tetap wajib punya paling sedikit satu nilai).
    #[serde(default)]
    pub abaikan_belum_dinilai: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RingkasTutup {
    pub lolos: usize,
    pub tidak_lolos: usize,
    /// Entri seri di batas yang menunggu keputusan penyelenggara.
    pub seri: usize,
}

fn hitung(h: &[HasilTahap]) -> RingkasTutup {
    RingkasTutup {
        lolos: h.iter().filter(|r| r.keputusan == "lolos").count(),
        tidak_lolos: h.iter().filter(|r| r.keputusan == "tidak_lolos").count(),
        seri: h.iter().filter(|r| r.keputusan == "seri").count(),
    }
}

/// Menutup tahap yang sedang buka.
pub async fn tutup_tahap(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    urutan: i64,
    m: MasukanTutup,
) -> Hasil<RingkasTutup> {
    let x = muat_kompetisi(l, k, kid).await?;
    let a = kebijakan::wajib_penyelenggara(k, &x)?.clone();
    let (semua, t) = tahap_ke(l, k, kid, urutan).await?;
    if t.status != "buka" {
        return Err(galat_status(
            k,
            "tahap_tidak_buka",
            "Tahap ini tidak sedang buka.",
            "This stage is not open.",
        ));
    }
    let entri = store::kompetisi::entri_di_tahap(l.pool(), kid, urutan).await?;
    let w = store::sekarang();
    let baris = |e: &Entri,
                 keputusan: &str,
                 nilai: Option<String>,
                 urutan_p: Option<i64>,
                 alasan: Option<String>| HasilTahap {
        kompetisi_id: kid.to_string(),
        tahap: urutan,
        entri_id: e.id.clone(),
        keputusan: keputusan.to_string(),
        nilai,
        urutan: urutan_p,
        alasan,
        diputuskan_oleh: a.pengguna_id.clone(),
        diputuskan_pada: w.clone(),
    };
    let mut hapus_belum = false;
    let hasil: Vec<HasilTahap> = match t.jenis.as_str() {
        "pendaftaran" | "penetapan" => entri
            .iter()
            .map(|e| baris(e, "lolos", None, None, None))
            .collect(),
        "seleksi" => {
            let ada = store::kompetisi::hasil_tahap(l.pool(), kid, urutan).await?;
            let belum = entri
                .iter()
                .filter(|e| !ada.iter().any(|r| r.entri_id == e.id))
                .count();
            if belum > 0 {
                return Err(Galat::Status {
                    kode: "keputusan_belum_lengkap".into(),
                    pesan: match k.bahasa {
                        crate::Bahasa::Id => {
                            format!("{belum} entri belum diputuskan lolos atau tidak.")
                        }
                        crate::Bahasa::En => {
                            format!("{belum} entries have no pass/fail decision yet.")
                        }
                    },
                    fields: Default::default(),
                });
            }
            Vec::new()
        }
        _ => {
            let (h, buang) = peringkat_tahap(l, k, &x, &t, &entri, m.abaikan_belum_dinilai).await?;
            hapus_belum = buang;
            h.into_iter()
                .map(|(e, keputusan, nilai, u, alasan)| {
                    baris(e, keputusan, Some(nilai), Some(u), alasan)
                })
                .collect()
        }
    };
    let mut baru = t.clone();
    baru.status = "ditutup".into();
    baru.versi += 1;
    let mut tx = l.db.mulai().await?;
    if hapus_belum {
        store::kompetisi::hapus_belum_dinilai(&mut tx, kid, urutan).await?;
    }
    if !store::kompetisi::ubah_tahap(&mut tx, &baru, t.versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Tahap sudah diubah orang lain.",
                "The stage was changed by someone else.",
            )
            .into(),
        ));
    }
    store::kompetisi::simpan_hasil(&mut tx, &hasil).await?;
    if let Some(berikut) = semua.iter().find(|s| s.urutan == urutan + 1) {
        // Seleksi: keputusan sudah tersimpan sebelum tahap ditutup.
        let lolos: Vec<String> = if t.jenis == "seleksi" {
            store::kompetisi::hasil_tahap(l.pool(), kid, urutan)
                .await?
                .into_iter()
                .filter(|r| r.keputusan == "lolos")
                .map(|r| r.entri_id)
                .collect()
        } else {
            hasil
                .iter()
                .filter(|r| r.keputusan == "lolos")
                .map(|r| r.entri_id.clone())
                .collect()
        };
        store::kompetisi::naikkan_tahap(&mut tx, kid, urutan, berikut.urutan, &lolos, &w).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "tutup",
        super::OBJEK_TAHAP,
        &format!("{kid}/{urutan}"),
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    let akhir = store::kompetisi::hasil_tahap(l.pool(), kid, urutan).await?;
    beri_tahu_peserta(l, &x, &t, &entri, &akhir).await?;
    Ok(hitung(&akhir))
}

/// Pembuat setiap entri diberi tahu keputusan tahapnya (alasan dibaca di
/// halaman entri). Pendaftaran tidak diberitahukan (semua lolos).
async fn beri_tahu_peserta(
    l: &Layanan,
    x: &Kompetisi,
    t: &Tahap,
    entri: &[Entri],
    hasil: &[HasilTahap],
) -> Hasil<()> {
    if t.jenis == "pendaftaran" {
        return Ok(());
    }
    let keputusan: HashMap<&str, &str> = hasil
        .iter()
        .map(|r| (r.entri_id.as_str(), r.keputusan.as_str()))
        .collect();
    let daftar = entri
        .iter()
        .filter_map(|e| {
            let kata = match *keputusan.get(e.id.as_str())? {
                "lolos" => "lolos",
                "seri" => "seri di batas, menunggu keputusan penyelenggara",
                _ => "tidak lolos",
            };
            Some(crate::notifikasi::NotifikasiBaru {
                instansi_id: e.instansi_id.clone(),
                pengguna_id: e.pembuat_id.clone(),
                judul: format!("{}: {}", t.nama, kata),
                isi: format!(
                    "Entri \"{}\" di {}: {} pada tahap {}.",
                    e.judul, x.nama, kata, t.nama
                ),
                tautan: Some(format!("/entri-kompetisi/{}", e.id)),
            })
        })
        .collect();
    crate::notifikasi::kirim_banyak(l, daftar).await?;
    Ok(())
}

type BarisPeringkat<'a> = (&'a Entri, &'static str, String, i64, Option<String>);

/// Peringkat per kelompok untuk tahap penilaian; (hasil, ada penugasan yang
/// belum dinilai dan diabaikan).
async fn peringkat_tahap<'a>(
    l: &Layanan,
    k: &Konteks,
    x: &Kompetisi,
    t: &Tahap,
    entri: &'a [Entri],
    abaikan: bool,
) -> Hasil<(Vec<BarisPeringkat<'a>>, bool)> {
    let kriteria: Vec<rules::inovasi::KriteriaBobot> = store::kompetisi::kriteria(l.pool(), &x.id)
        .await?
        .into_iter()
        .filter(|c| c.tahap == t.urutan)
        .map(|c| rules::inovasi::KriteriaBobot {
            kode: c.kode,
            bobot: super::desimal_0_100(&c.bobot).unwrap_or_default(),
        })
        .collect();
    let penilaian = store::kompetisi::penilaian_tahap(l.pool(), &x.id, t.urutan).await?;
    let belum: Vec<&str> = penilaian
        .iter()
        .filter(|p| p.skor.is_none())
        .map(|p| p.entri_id.as_str())
        .collect();
    if !belum.is_empty() && !abaikan {
        return Err(Galat::Status {
            kode: "penilaian_belum_lengkap".into(),
            pesan: match k.bahasa {
                crate::Bahasa::Id => format!(
                    "{} penugasan juri belum dinilai. Tunggu, atau tutup dengan abaikan_belum_dinilai.",
                    belum.len()
                ),
                crate::Bahasa::En => format!(
                    "{} judge assignments are not scored yet. Wait, or close with abaikan_belum_dinilai.",
                    belum.len()
                ),
            },
            fields: Default::default(),
        });
    }
    let mut per_entri: HashMap<&str, Vec<rules::inovasi::NilaiJuri>> = HashMap::new();
    for p in &penilaian {
        let Some(s) = &p.skor else { continue };
        let peta: BTreeMap<String, String> = serde_json::from_str(s).unwrap_or_default();
        let skor: BTreeMap<String, Decimal> = peta
            .into_iter()
            .filter_map(|(kode, v)| super::desimal_0_100(&v).map(|d| (kode, d)))
            .collect();
        per_entri
            .entry(p.entri_id.as_str())
            .or_default()
            .push(rules::inovasi::NilaiJuri {
                juri: p.juri_id.clone(),
                skor,
            });
    }
    let tanpa: Vec<&Entri> = entri
        .iter()
        .filter(|e| !per_entri.contains_key(e.id.as_str()))
        .collect();
    if !tanpa.is_empty() {
        let fields: BTreeMap<String, String> = tanpa
            .iter()
            .take(50)
            .map(|e| (format!("entri.{}", e.id), e.judul.clone()))
            .collect();
        return Err(Galat::Status {
            kode: "entri_tanpa_nilai".into(),
            pesan: match k.bahasa {
                crate::Bahasa::Id => format!(
                    "{} entri belum punya nilai juri mana pun; tugaskan juri dulu.",
                    tanpa.len()
                ),
                crate::Bahasa::En => format!(
                    "{} entries have no judge's score yet; assign judges first.",
                    tanpa.len()
                ),
            },
            fields,
        });
    }
    let minimum = t
        .nilai_minimum
        .as_deref()
        .and_then(super::desimal_0_100)
        .unwrap_or_default();
    let mut kelompok: BTreeMap<&str, Vec<&Entri>> = BTreeMap::new();
    for e in entri {
        kelompok.entry(e.kelompok.as_str()).or_default().push(e);
    }
    let mut hasil = Vec::new();
    for (_, daftar) in kelompok {
        let m = rules::inovasi::MasukanPeringkat {
            n: t.n_lolos
                .map(|n| n.max(0) as u32)
                .unwrap_or(daftar.len() as u32),
            nilai_minimum: minimum,
            kriteria: kriteria.clone(),
            entri: daftar
                .iter()
                .map(|e| rules::inovasi::EntriDinilai {
                    id: e.id.clone(),
                    nilai: per_entri.remove(e.id.as_str()).unwrap_or_default(),
                })
                .collect(),
        };
        let p = rules::inovasi::peringkat(&m).map_err(|g| Galat::Status {
            kode: g.kode().to_string(),
            pesan: g.pesan(k.bahasa),
            fields: BTreeMap::from([(g.field(), g.pesan(k.bahasa))]),
        })?;
        let cari: HashMap<&str, &Entri> = daftar.iter().map(|e| (e.id.as_str(), *e)).collect();
        let lolos: std::collections::HashSet<&str> = p.lolos.iter().map(String::as_str).collect();
        let seri: std::collections::HashSet<&str> =
            p.seri_di_batas.iter().map(String::as_str).collect();
        for r in &p.peringkat {
            let Some(e) = cari.get(r.id.as_str()) else {
                continue;
            };
            let (keputusan, alasan) = if lolos.contains(r.id.as_str()) {
                ("lolos", None)
            } else if seri.contains(r.id.as_str()) {
                ("seri", None)
            } else if r.nilai < minimum {
                (
                    "tidak_lolos",
                    Some(format!(
                        "Nilai {} di bawah nilai minimum {}.",
                        r.nilai, minimum
                    )),
                )
            } else {
                (
                    "tidak_lolos",
                    Some(format!(
                        "Peringkat {} di luar {} besar kelompoknya.",
                        r.urutan, m.n
                    )),
                )
            };
            hasil.push((*e, keputusan, r.nilai.to_string(), r.urutan as i64, alasan));
        }
    }
    Ok((hasil, !belum.is_empty()))
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanKeputusan {
    pub entri_id: String,
    pub lolos: bool,
    /// Wajib bila tidak lolos (dilihat peserta) dan untuk memutus seri.
    #[serde(default)]
    pub alasan: Option<String>,
}

/// Keputusan penyelenggara atas satu entri: di tahap seleksi yang buka, atau
/// memutus seri di batas tahap penilaian yang sudah ditutup.
pub async fn putuskan(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    urutan: i64,
    m: MasukanKeputusan,
) -> Hasil<HasilTahap> {
    let x = muat_kompetisi(l, k, kid).await?;
    let a = kebijakan::wajib_penyelenggara(k, &x)?.clone();
    let (semua, t) = tahap_ke(l, k, kid, urutan).await?;
    let lama = store::kompetisi::hasil_tahap(l.pool(), kid, urutan)
        .await?
        .into_iter()
        .find(|r| r.entri_id == m.entri_id);
    let seri = lama.as_ref().is_some_and(|r| r.keputusan == "seri");
    let boleh = (t.jenis == "seleksi" && t.status == "buka") || (t.status == "ditutup" && seri);
    if !boleh {
        return Err(galat_status(
            k,
            "keputusan_tidak_dapat_dibuat",
            "Keputusan dibuat di tahap seleksi yang buka, atau untuk entri seri di batas tahap penilaian yang ditutup.",
            "Decisions are made in an open selection stage, or for tied entries at a closed scoring stage's cut.",
        ));
    }
    let entri = store::kompetisi::entri_di_tahap(l.pool(), kid, urutan).await?;
    let mut f = GalatKolom::default();
    if !entri.iter().any(|e| e.id == m.entri_id) {
        f.tambah(
            "entri_id",
            k.t(
                "Entri tidak ada di tahap ini.",
                "No such entry at this stage.",
            ),
        );
    }
    let alasan = m
        .alasan
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    if (!m.lolos || seri) && alasan.as_ref().is_none_or(|s| s.chars().count() < 10) {
        f.tambah(
            "alasan",
            k.t(
                "Tuliskan alasannya (paling sedikit 10 karakter); peserta membacanya.",
                "Give the reason (at least 10 characters); the entrant reads it.",
            ),
        );
    }
    if let Some(s) = &alasan {
        validasi::periksa(
            &mut f,
            k.bahasa,
            "alasan",
            s,
            validasi::MAKS_KETERANGAN,
            JenisTeks::Bebas,
        );
    }
    f.jadi_galat(k.t("Keputusan belum benar.", "The decision is not valid."))?;
    let w = store::sekarang();
    let h = HasilTahap {
        kompetisi_id: kid.to_string(),
        tahap: urutan,
        entri_id: m.entri_id.clone(),
        keputusan: if m.lolos { "lolos" } else { "tidak_lolos" }.into(),
        nilai: lama.as_ref().and_then(|r| r.nilai.clone()),
        urutan: lama.as_ref().and_then(|r| r.urutan),
        alasan,
        diputuskan_oleh: a.pengguna_id.clone(),
        diputuskan_pada: w.clone(),
    };
    let mut tx = l.db.mulai().await?;
    store::kompetisi::simpan_hasil(&mut tx, std::slice::from_ref(&h)).await?;
    if t.status == "ditutup"
        && let Some(berikut) = semua.iter().find(|s| s.urutan == urutan + 1)
    {
        if h.keputusan == "lolos" {
            store::kompetisi::naikkan_tahap(
                &mut tx,
                kid,
                urutan,
                berikut.urutan,
                std::slice::from_ref(&h.entri_id),
                &w,
            )
            .await?;
        }
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "putuskan",
        OBJEK_HASIL,
        &format!("{kid}/{urutan}/{}", m.entri_id),
        lama.as_ref(),
        Some(&h),
    )
    .await?;
    tx.commit().await?;
    Ok(h)
}

/// Mengumumkan hasil tahap yang ditutup: daftar hasilnya menjadi publik dan,
/// bila tahap memberi penghargaan, setiap entri yang lolos mendapat halaman
/// di repositori (dibuat dari entrinya bila belum ada) dan penghargaannya.
/// Tahap terakhir menyelesaikan kompetisi.
pub async fn umumkan(l: &Layanan, k: &Konteks, kid: &str, urutan: i64) -> Hasil<Tahap> {
    let x = muat_kompetisi(l, k, kid).await?;
    kebijakan::wajib_penyelenggara(k, &x)?;
    let (semua, t) = tahap_ke(l, k, kid, urutan).await?;
    if t.status != "ditutup" {
        return Err(galat_status(
            k,
            "tahap_belum_ditutup",
            "Tutup tahapnya dulu.",
            "Close the stage first.",
        ));
    }
    if t.diumumkan_pada.is_some() {
        return Err(galat_status(
            k,
            "sudah_diumumkan",
            "Hasil tahap ini sudah diumumkan.",
            "This stage's results were already announced.",
        ));
    }
    let hasil = store::kompetisi::hasil_tahap(l.pool(), kid, urutan).await?;
    if hasil.iter().any(|r| r.keputusan == "seri") {
        return Err(galat_status(
            k,
            "seri_belum_diputuskan",
            "Putuskan dulu entri yang seri di batas.",
            "Decide the tied entries at the cut first.",
        ));
    }
    let w = store::sekarang();
    let mut baru = t.clone();
    baru.diumumkan_pada = Some(w.clone());
    baru.versi += 1;
    let mut tx = l.db.mulai().await?;
    if !store::kompetisi::ubah_tahap(&mut tx, &baru, t.versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Tahap sudah diubah orang lain.",
                "The stage was changed by someone else.",
            )
            .into(),
        ));
    }
    if let (Some(label), Some(tingkat)) = (&t.penghargaan, &t.tingkat_penghargaan) {
        for r in hasil.iter().filter(|r| r.keputusan == "lolos") {
            let Some(mut e) = store::kompetisi::entri(l.pool(), &r.entri_id).await? else {
                continue;
            };
            let inovasi_id = match &e.inovasi_id {
                Some(id) => id.clone(),
                None => {
                    let i = inovasi_dari_entri(l, &x, &e, &w).await?;
                    crate::inovasi::sisipkan_di(&mut tx, &i).await?;
                    let lama = e.clone();
                    e.inovasi_id = Some(i.id.clone());
                    e.versi += 1;
                    e.diubah_pada = w.clone();
                    store::kompetisi::ubah_entri(&mut tx, &e, lama.versi).await?;
                    i.id
                }
            };
            let p = store::inovasi::Penghargaan {
                inovasi_id: inovasi_id.clone(),
                id: store::id_baru(),
                tahun: x.tahun,
                tingkat: tingkat.clone(),
                label: format!("{label} {}", x.nama),
                kompetisi_id: Some(x.id.clone()),
                dibuat_pada: w.clone(),
            };
            store::inovasi::sisipkan_penghargaan(&mut tx, &p).await?;
            store::inovasi::segarkan_penghargaan(&mut tx, &inovasi_id).await?;
        }
    }
    if urutan == semua.iter().map(|s| s.urutan).max().unwrap_or(urutan) {
        store::kompetisi::ubah_status_kompetisi(&mut tx, kid, "selesai", &w).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "umumkan",
        super::OBJEK_TAHAP,
        &format!("{kid}/{urutan}"),
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    l.kamus_inovasi.usang();
    Ok(baru)
}

/// Halaman repositori untuk entri pemenang: dari bagian proposalnya.
async fn inovasi_dari_entri(
    l: &Layanan,
    x: &Kompetisi,
    e: &Entri,
    w: &str,
) -> Hasil<store::inovasi::Inovasi> {
    let isi = super::entri::IsiEntri::dari(e);
    let b = |kode: &str| isi.bagian.get(kode).cloned();
    let instansi = store::organisasi::instansi(l.pool(), &e.instansi_id).await?;
    let gabung = |kode: &[&str]| {
        let v: Vec<String> = kode.iter().filter_map(|c| b(c)).collect();
        (!v.is_empty()).then(|| v.join("\n\n"))
    };
    let bahan = crate::inovasi::BahanInovasi {
        id: store::id_baru(),
        judul: e.judul.clone(),
        masalah: b("latar_belakang"),
        solusi: gabung(&["deskripsi", "kebaruan", "perubahan"]),
        hasil: gabung(&["hasil", "signifikansi", "dampak"]),
        tahapan: None,
        prasyarat_replikasi: gabung(&["transferabilitas", "sumber_daya"]),
        produk: None,
        nama_instansi: instansi
            .as_ref()
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        unit_pemilik: None,
        instansi_id: Some(e.instansi_id.clone()),
        kode_wilayah: e.kode_wilayah.clone(),
        urusan: crate::inovasi::urusan::tebak(None, &e.judul, b("deskripsi").as_deref())
            .map(str::to_string),
        jenis: None,
        tahun: e
            .tanggal_implementasi
            .as_deref()
            .and_then(|t| t[..4].parse().ok()),
        tanggal_implementasi: e.tanggal_implementasi.clone(),
        video_url: e.video_url.clone(),
        sumber: format!("{} (entri {})", x.nama, e.id),
    };
    Ok(crate::inovasi::bentuk_inovasi(bahan, w))
}

/// Satu baris daftar hasil tahap.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct BarisHasil {
    pub urutan: Option<i64>,
    pub entri_id: String,
    pub judul: String,
    pub instansi: String,
    pub kelompok: String,
    pub keputusan: String,
    pub nilai: Option<String>,
    /// Alasan hanya bagi penyelenggara (peserta melihat alasannya di entrinya).
    pub alasan: Option<String>,
    pub inovasi_id: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct DaftarHasil {
    pub kompetisi: String,
    pub tahun: i64,
    pub tahap: String,
    pub diumumkan_pada: Option<String>,
    /// Publik: hanya yang lolos; penyelenggara: semua entri tahap ini.
    pub baris: Vec<BarisHasil>,
}

/// Daftar hasil satu tahap: publik setelah diumumkan (yang lolos saja);
/// penyelenggara sejak tahap ditutup (semua, dengan alasan).
pub async fn daftar(l: &Layanan, k: &Konteks, kid: &str, urutan: i64) -> Hasil<DaftarHasil> {
    let x = muat_kompetisi(l, k, kid).await?;
    let (_, t) = tahap_ke(l, k, kid, urutan).await?;
    let penyelenggara = k.aktor.is_some() && kebijakan::baca_penyelenggara(k, &x).is_ok();
    if !penyelenggara && t.diumumkan_pada.is_none() {
        return Err(galat_status(
            k,
            "belum_diumumkan",
            "Hasil tahap ini belum diumumkan.",
            "This stage's results have not been announced.",
        ));
    }
    if penyelenggara && t.status != "ditutup" {
        return Err(galat_status(
            k,
            "tahap_belum_ditutup",
            "Tahap belum ditutup.",
            "The stage is not closed.",
        ));
    }
    let hasil = store::kompetisi::hasil_tahap(l.pool(), kid, urutan).await?;
    let ringkas = store::kompetisi::entri_kompetisi(l.pool(), kid, true).await?;
    let peta: HashMap<&str, &store::kompetisi::RingkasEntri> =
        ringkas.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut baris = Vec::new();
    for r in hasil {
        if !penyelenggara && r.keputusan != "lolos" {
            continue;
        }
        let Some(e) = peta.get(r.entri_id.as_str()) else {
            continue;
        };
        let inovasi_id = if r.keputusan == "lolos" {
            e.inovasi_id.clone()
        } else {
            None
        };
        baris.push(BarisHasil {
            urutan: r.urutan,
            entri_id: r.entri_id.clone(),
            judul: e.judul.clone(),
            instansi: e.instansi.clone(),
            kelompok: e.kelompok.clone(),
            keputusan: r.keputusan,
            nilai: r.nilai,
            alasan: if penyelenggara { r.alasan } else { None },
            inovasi_id,
        });
    }
    baris.sort_by(|a, b| {
        (
            a.kelompok.as_str(),
            a.urutan.unwrap_or(i64::MAX),
            a.judul.as_str(),
        )
            .cmp(&(
                b.kelompok.as_str(),
                b.urutan.unwrap_or(i64::MAX),
                b.judul.as_str(),
            ))
    });
    Ok(DaftarHasil {
        kompetisi: x.nama,
        tahun: x.tahun,
        tahap: t.nama,
        diumumkan_pada: t.diumumkan_pada,
        baris,
    })
}

/// Kemajuan penilaian satu entri di tahap penilaian (penyelenggara): banyak
/// juri dan yang sudah menilai; nilainya baru terlihat setelah tahap ditutup.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct KemajuanEntri {
    pub entri_id: String,
    pub judul: String,
    pub instansi: String,
    pub kelompok: String,
    pub juri: usize,
    pub sudah_menilai: usize,
    /// Nilai tertimbang per juri (nama juri → nilai), hanya setelah ditutup.
    pub nilai_juri: BTreeMap<String, String>,
}

pub async fn kemajuan(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    urutan: i64,
) -> Hasil<Vec<KemajuanEntri>> {
    let x = muat_kompetisi(l, k, kid).await?;
    kebijakan::baca_penyelenggara(k, &x)?;
    let (_, t) = tahap_ke(l, k, kid, urutan).await?;
    let terbuka = t.status != "ditutup";
    let kriteria: Vec<_> = store::kompetisi::kriteria(l.pool(), kid)
        .await?
        .into_iter()
        .filter(|c| c.tahap == urutan)
        .collect();
    let juri = store::kompetisi::juri(l.pool(), kid).await?;
    let nama: HashMap<&str, &str> = juri
        .iter()
        .map(|j| (j.pengguna_id.as_str(), j.nama.as_str()))
        .collect();
    let penilaian = store::kompetisi::penilaian_tahap(l.pool(), kid, urutan).await?;
    let ringkas = store::kompetisi::entri_kompetisi(l.pool(), kid, true).await?;
    let di_tahap: std::collections::HashSet<String> =
        store::kompetisi::entri_di_tahap(l.pool(), kid, urutan)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect();
    Ok(ringkas
        .into_iter()
        .filter(|e| di_tahap.contains(&e.id))
        .map(|e| {
            let milik: Vec<_> = penilaian.iter().filter(|p| p.entri_id == e.id).collect();
            let nilai_juri = if terbuka {
                BTreeMap::new()
            } else {
                milik
                    .iter()
                    .filter_map(|p| {
                        let n = super::juri::nilai_tertimbang(&kriteria, p.skor.as_deref()?)?;
                        Some((
                            nama.get(p.juri_id.as_str())
                                .copied()
                                .unwrap_or("?")
                                .to_string(),
                            n.to_string(),
                        ))
                    })
                    .collect()
            };
            KemajuanEntri {
                juri: milik.len(),
                sudah_menilai: milik.iter().filter(|p| p.skor.is_some()).count(),
                nilai_juri,
                entri_id: e.id,
                judul: e.judul,
                instansi: e.instansi,
                kelompok: e.kelompok,
            }
        })
        .collect())
}

/// Entri kompetisi bagi penyelenggara (yang sudah diajukan).
pub async fn entri_penyelenggara(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
) -> Hasil<Vec<store::kompetisi::RingkasEntri>> {
    let x = muat_kompetisi(l, k, kid).await?;
    kebijakan::baca_penyelenggara(k, &x)?;
    Ok(store::kompetisi::entri_kompetisi(l.pool(), kid, true).await?)
}

/// Daftar hasil sebagai XLSX (kolom: kelompok, urutan, judul, instansi,
/// keputusan, nilai, id entri; nilai sebagai teks agar setiap digit tetap).
pub fn xlsx(d: &DaftarHasil, b: crate::Bahasa) -> Hasil<Vec<u8>> {
    let galat = |e: rust_xlsxwriter::XlsxError| Galat::Internal(format!("xlsx: {e}"));
    let judul: &[&str] = match b {
        crate::Bahasa::Id => &[
            "kelompok",
            "urutan",
            "judul",
            "instansi",
            "keputusan",
            "nilai",
            "entri_id",
        ],
        crate::Bahasa::En => &[
            "group", "rank", "title", "agency", "decision", "score", "entry_id",
        ],
    };
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("hasil").map_err(galat)?;
    let tebal = rust_xlsxwriter::Format::new().set_bold();
    for (i, j) in judul.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *j, &tebal)
            .map_err(galat)?;
    }
    for (r, x) in d.baris.iter().enumerate() {
        let r = r as u32 + 1;
        let urutan = x.urutan.map(|u| u.to_string()).unwrap_or_default();
        let sel = [
            x.kelompok.as_str(),
            urutan.as_str(),
            x.judul.as_str(),
            x.instansi.as_str(),
            x.keputusan.as_str(),
            x.nilai.as_deref().unwrap_or(""),
            x.entri_id.as_str(),
        ];
        for (c, v) in sel.iter().enumerate() {
            // Teks apa adanya: rumus tidak pernah ditulis dari data pengguna.
            ws.write_string(r, c as u16, *v).map_err(galat)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(galat)?;
    wb.save_to_buffer().map_err(galat)
}

/// Daftar hasil sebagai lampiran keputusan penetapan (PDF, crate `laporan`),
/// hanya yang lolos, per kelompok dalam urutan peringkat. `d` sudah diperiksa
/// haknya oleh [`daftar`]; `penanda_tangan` = nama yang mencetak.
pub async fn pdf(l: &Layanan, kid: &str, d: &DaftarHasil, penanda_tangan: &str) -> Hasil<Vec<u8>> {
    let x = store::kompetisi::kompetisi(l.pool(), kid)
        .await?
        .ok_or_else(|| Galat::TidakDitemukan("kompetisi".into()))?;
    let penyelenggara = store::organisasi::instansi(l.pool(), &x.instansi_id)
        .await?
        .map(|i| i.nama)
        .unwrap_or_default();
    let nama_kelompok: HashMap<String, String> = store::kompetisi::kelompok(l.pool(), kid)
        .await?
        .into_iter()
        .map(|g| (g.kode, g.nama))
        .collect();
    let mut kelompok: Vec<laporan::KelompokLampiran> = Vec::new();
    for r in d.baris.iter().filter(|r| r.keputusan == "lolos") {
        let nama = nama_kelompok
            .get(&r.kelompok)
            .cloned()
            .unwrap_or_else(|| r.kelompok.clone());
        if kelompok.last().is_none_or(|g| g.nama != nama) {
            kelompok.push(laporan::KelompokLampiran {
                nama: nama.clone(),
                baris: Vec::new(),
            });
        }
        if let Some(g) = kelompok.last_mut() {
            g.baris.push(laporan::BarisLampiran {
                no: (g.baris.len() + 1).to_string(),
                judul: r.judul.clone(),
                instansi: r.instansi.clone(),
                nilai: r
                    .nilai
                    .as_deref()
                    .map(crate::sakip::pdf::angka_id)
                    .unwrap_or_else(|| "–".into()),
            });
        }
    }
    let tanggal = crate::teks::tanggal(
        crate::Bahasa::Id,
        d.diumumkan_pada.as_deref().unwrap_or(&store::sekarang()),
    );
    let tentang = format!("Penetapan Hasil {} {}", d.tahap, d.kompetisi);
    let data = laporan::LampiranKeputusan {
        pejabat_keputusan: format!("PENYELENGGARA {}", penyelenggara.to_uppercase()),
        nomor: "…".into(),
        tanggal: tanggal.clone(),
        tentang: tentang.clone(),
        judul_daftar: format!("Daftar {} {}", d.tahap, d.kompetisi),
        kelompok,
        penanda_tangan: laporan::Pihak {
            nama: if penanda_tangan.is_empty() {
                penyelenggara.clone()
            } else {
                penanda_tangan.to_string()
            },
            nip: String::new(),
            jabatan: format!("Penyelenggara, {penyelenggara}"),
        },
        tempat_tanggal: tanggal,
    };
    crate::sakip::pdf::render(data, laporan::hasil_kompetisi_pdf).await
}
