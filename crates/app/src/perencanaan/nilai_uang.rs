//! Nilai uang per sub kegiatan atas revisi yang ditetapkan: penyerapan,
//! capaian keluaran, ekspektasi waktu, biaya per satuan dan tanda merah —
//! semuanya dari `rules::anggaran::nilai_uang`, fungsi kalkulator `nilai-uang`.

use super::{
    DataRencana, KEGIATAN, PROGRAM, RevisiTahun, d2, nama_unit, periksa_tahun, rupiah, terlihat,
};
use crate::kebijakan::{Aksi, CakupanUnit, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::HasilNilaiUang;
use rules::anggaran::{KodeTanda, MasukanNilaiUang};
use rules::galat::GalatInput;
use rules::permenpanrb_8_2021::{Polaritas, Target};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use store::perencanaan::{Butir, Indikator, KeluaranTerakhir};

/// Baris per halaman bawaan dan terbesar.
pub const BATAS_BAWAAN: usize = 500;
pub const BATAS_MAKS: usize = 5_000;

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TanyaNilaiUang {
    /// Bulan yang sudah berjalan (1–12); bawaan menurut tanggal di zona waktu instansi.
    pub bulan: Option<u8>,
    /// Hanya sub kegiatan unit ini (dan turunannya).
    pub unit: Option<String>,
    /// Hanya sub kegiatan dengan tanda berkode ini.
    pub tanda: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TandaJson {
    pub kode: String,
    pub pesan: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct IndikatorNilaiUang {
    pub nama: String,
    pub satuan: Option<String>,
    pub target: Option<String>,
    /// Realisasi kumulatif triwulan terakhir yang dilaporkan (null: belum ada).
    pub realisasi: Option<String>,
    pub triwulan: Option<i64>,
    pub capaian_persen: Option<String>,
    pub biaya_per_satuan: Option<String>,
    pub tanda: Vec<TandaJson>,
    /// `tidak_ada` | `belum_diverifikasi` | `diverifikasi`.
    pub bukti: String,
    /// Mengapa nilai tidak dapat dihitung (mis. target kosong).
    pub catatan: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisNilaiUang {
    pub kode: String,
    pub nama: String,
    /// Unit penanggung jawab ("Induk > Unit").
    pub unit: Option<String>,
    pub unit_id: Option<String>,
    pub program_kode: Option<String>,
    pub kegiatan_kode: Option<String>,
    pub pagu: String,
    pub realisasi_anggaran: String,
    pub penyerapan_persen: Option<String>,
    /// Capaian indikator utama (indikator pertama sub kegiatan).
    pub capaian_persen: Option<String>,
    pub ekspektasi_waktu_persen: String,
    pub biaya_per_satuan: Option<String>,
    pub satuan: Option<String>,
    pub tanda: Vec<TandaJson>,
    pub bukti: String,
    pub catatan: Option<String>,
    pub indikator: Vec<IndikatorNilaiUang>,
}

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Kuadran {
    /// Penyerapan dan capaian sama-sama ≥ ekspektasi waktu.
    pub seimbang: usize,
    /// Uang terserap, keluaran tertinggal.
    pub hasil_tertinggal: usize,
    /// Keluaran jalan, belanja tertinggal.
    pub belanja_tertinggal: usize,
    pub keduanya_tertinggal: usize,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RingkasanNilaiUang {
    pub pagu: String,
    pub realisasi_anggaran: String,
    pub penyerapan_persen: Option<String>,
    /// Rata-rata capaian berbobot pagu, atas sub kegiatan yang capaiannya ada.
    pub capaian_tertimbang_persen: Option<String>,
    pub jumlah_subkegiatan: usize,
    pub jumlah_bertanda: usize,
    /// Jumlah sub kegiatan per kode tanda (setiap kode selalu ada).
    pub tanda: BTreeMap<String, usize>,
    pub kuadran: Kuadran,
}

/// Rekap per perangkat daerah (unit tingkat pertama di bawah akar instansi).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RekapUnit {
    pub unit_id: Option<String>,
    pub unit: Option<String>,
    pub pagu: String,
    pub realisasi_anggaran: String,
    pub penyerapan_persen: Option<String>,
    pub capaian_tertimbang_persen: Option<String>,
    pub jumlah_subkegiatan: usize,
    pub jumlah_bertanda: usize,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct JawabanNilaiUang {
    pub tahun: i64,
    pub revisi: i64,
    pub bulan: u8,
    /// Baris yang cocok dengan saringan (sebelum halaman).
    pub total: usize,
    pub subkegiatan: Vec<BarisNilaiUang>,
    /// Atas seluruh baris yang cocok, bukan hanya halaman ini.
    pub ringkasan: RingkasanNilaiUang,
    /// Peringkat perangkat daerah: capaian tertimbang menurun, lalu penyerapan.
    pub unit: Vec<RekapUnit>,
}

fn status_bukti(r: Option<&KeluaranTerakhir>) -> &'static str {
    match r {
        Some(x) if x.bukti_id.is_some() || x.bukti_url.is_some() => {
            if x.diverifikasi_pada.is_some() {
                "diverifikasi"
            } else {
                "belum_diverifikasi"
            }
        }
        _ => "tidak_ada",
    }
}

/// Hasil satu indikator sebelum dijadikan teks.
struct HitungIndikator<'a> {
    ind: &'a Indikator,
    r: Option<&'a KeluaranTerakhir>,
    hasil: Result<HasilNilaiUang, Option<GalatInput>>,
}

/// Hasil satu sub kegiatan sebelum dijadikan teks: angka eksak dan tanda
/// dari aturan; pesan hanya disusun untuk baris halaman yang dikirim.
struct HitungSub<'a> {
    b: &'a Butir,
    pagu: Decimal,
    real: Decimal,
    penyerapan: Option<Decimal>,
    indikator: Vec<HitungIndikator<'a>>,
}

impl HitungSub<'_> {
    fn utama(&self) -> Option<&HasilNilaiUang> {
        self.indikator.first().and_then(|i| i.hasil.as_ref().ok())
    }
}

/// Nilai uang sub kegiatan yang boleh dilihat pemanggil (pimpinan unit: unitnya).
pub async fn nilai_uang(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    t: &TanyaNilaiUang,
) -> Hasil<JawabanNilaiUang> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    super::periksa_bulan(k, t.bulan)?;
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(rencana) = rt.berlaku().cloned() else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Belum ada rencana yang ditetapkan untuk tahun ini.",
                "There is no final plan for this year yet.",
            )
            .into(),
        ));
    };
    let bulan = match t.bulan {
        Some(b) => b,
        None => super::bulan_bawaan(l, instansi_id, tahun).await?,
    };
    let triwulan = (i64::from(bulan) + 2) / 3;
    let revisi = rencana.revisi;
    let pool = l.pool();
    // Empat bacaan yang saling lepas berjalan bersamaan (pool, WAL).
    let (data, jumlah, keluaran, unit, konf) = tokio::try_join!(
        DataRencana::muat_ringkas(l, rencana),
        async {
            Ok::<_, Galat>(
                store::perencanaan::jumlah_realisasi(pool, instansi_id, tahun, i64::from(bulan))
                    .await?,
            )
        },
        async {
            Ok::<_, Galat>(
                store::perencanaan::keluaran_terakhir(pool, instansi_id, tahun, triwulan).await?,
            )
        },
        nama_unit(l, instansi_id),
        super::konfigurasi::berlaku(l, instansi_id),
    )?;
    let realisasi: HashMap<&str, i64> = jumlah
        .iter()
        .map(|r| (r.subkegiatan_kode.as_str(), r.jumlah_sen))
        .collect();
    let keluaran: HashMap<&str, &KeluaranTerakhir> = keluaran
        .iter()
        .map(|r| (r.indikator_kunci.as_str(), r))
        .collect();
    let saring_unit: Option<std::collections::HashSet<String>> = match &t.unit {
        Some(u) if !u.is_empty() => {
            let semua = store::organisasi::semua_unit(pool, instansi_id).await?;
            Some(
                crate::organisasi::unit::dengan_turunan(&semua, u)
                    .into_iter()
                    .collect(),
            )
        }
        _ => None,
    };
    let saring_tanda = t.tanda.as_deref().filter(|x| !x.is_empty());
    let ekspektasi = Decimal::from(bulan) * Decimal::ONE_HUNDRED / Decimal::from(12);
    let ind = data.indikator_per_butir();
    let mut hitung: Vec<HitungSub> = Vec::new();
    for b in data.subkegiatan_urut() {
        if !terlihat(&c, b) {
            continue;
        }
        if let Some(s) = &saring_unit
            && !b.unit_id.as_ref().is_some_and(|u| s.contains(u))
        {
            continue;
        }
        let pagu = rupiah(b.pagu_sen.unwrap_or(0));
        let real = rupiah(realisasi.get(b.kode.as_str()).copied().unwrap_or(0));
        let mut daftar = Vec::new();
        for i in ind.get(b.id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            let r = keluaran.get(i.kunci.as_str()).copied();
            let hasil = hitung_indikator(
                &MasukanIndikator {
                    pagu,
                    realisasi_anggaran: real,
                    target: i.target.as_deref(),
                    polaritas: i.polaritas.as_deref(),
                    baseline: i.baseline.as_deref(),
                    realisasi_keluaran: r.map(|x| x.realisasi.as_str()),
                    ada_bukti: r.is_some_and(|x| x.bukti_id.is_some() || x.bukti_url.is_some()),
                    bulan,
                },
                &konf.nilai_uang,
            );
            daftar.push(HitungIndikator { ind: i, r, hasil });
        }
        let h = HitungSub {
            b,
            pagu,
            real,
            penyerapan: rules::pmk_22_2021::penyerapan(real, pagu).ok(),
            indikator: daftar,
        };
        if let Some(kode) = saring_tanda
            && !h
                .utama()
                .is_some_and(|u| u.tanda.iter().any(|x| x.kode().token() == kode))
        {
            continue;
        }
        hitung.push(h);
    }
    let ringkasan = ringkas(&hitung, ekspektasi);
    let unit_rekap = if t.limit == Some(1) {
        // Rekap wilayah/nasional hanya memakai ringkasan.
        Vec::new()
    } else {
        let semua = store::organisasi::semua_unit(pool, instansi_id).await?;
        rekap_unit(&hitung, &semua, &unit, ekspektasi)
    };
    let total = hitung.len();
    let offset = t.offset.unwrap_or(0).min(total);
    let limit = t.limit.unwrap_or(BATAS_BAWAAN).clamp(1, BATAS_MAKS);
    let per_id = data.per_id();
    let subkegiatan = hitung
        .iter()
        .skip(offset)
        .take(limit)
        .map(|h| baris(k, h, &data, &per_id, &unit, ekspektasi))
        .collect();
    Ok(JawabanNilaiUang {
        tahun,
        revisi,
        bulan,
        total,
        subkegiatan,
        ringkasan,
        unit: unit_rekap,
    })
}

/// Leluhur tingkat pertama (anak langsung akar) sebuah unit.
fn opd_dari<'a>(per_id: &HashMap<&str, &'a store::organisasi::UnitKerja>, id: &'a str) -> &'a str {
    let mut x = id;
    for _ in 0..32 {
        let Some(u) = per_id.get(x) else { return x };
        match u.induk_id.as_deref() {
            Some(i) if per_id.get(i).is_some_and(|p| p.induk_id.is_some()) => x = i,
            _ => return x,
        }
    }
    x
}

fn rekap_unit(
    hitung: &[HitungSub],
    semua: &[store::organisasi::UnitKerja],
    nama: &HashMap<String, String>,
    ekspektasi: Decimal,
) -> Vec<RekapUnit> {
    let per_id: HashMap<&str, &store::organisasi::UnitKerja> =
        semua.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut kelompok: BTreeMap<Option<&str>, Vec<&HitungSub>> = BTreeMap::new();
    for h in hitung {
        let opd = h.b.unit_id.as_deref().map(|u| opd_dari(&per_id, u));
        kelompok.entry(opd).or_default().push(h);
    }
    let mut hasil: Vec<(Option<Decimal>, Option<Decimal>, RekapUnit)> = kelompok
        .into_iter()
        .map(|(opd, v)| {
            let r = ringkas_ref(&v, ekspektasi);
            let capaian = r
                .capaian_tertimbang_persen
                .as_deref()
                .and_then(rules::angka::baca_desimal);
            let serapan = r
                .penyerapan_persen
                .as_deref()
                .and_then(rules::angka::baca_desimal);
            (
                capaian,
                serapan,
                RekapUnit {
                    unit_id: opd.map(String::from),
                    unit: opd.and_then(|o| {
                        per_id
                            .get(o)
                            .map(|u| u.nama.clone())
                            .or_else(|| nama.get(o).cloned())
                    }),
                    pagu: r.pagu,
                    realisasi_anggaran: r.realisasi_anggaran,
                    penyerapan_persen: r.penyerapan_persen,
                    capaian_tertimbang_persen: r.capaian_tertimbang_persen,
                    jumlah_subkegiatan: r.jumlah_subkegiatan,
                    jumlah_bertanda: r.jumlah_bertanda,
                },
            )
        })
        .collect();
    hasil.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.unit.cmp(&b.2.unit))
    });
    hasil.into_iter().map(|(_, _, r)| r).collect()
}

fn tanda_json(k: &Konteks, h: &HasilNilaiUang) -> Vec<TandaJson> {
    h.tanda
        .iter()
        .map(|x| TandaJson {
            kode: x.kode().token().into(),
            pesan: x.pesan(k.bahasa),
        })
        .collect()
}

/// Satu baris jawaban (teks dua desimal, pesan dalam bahasa pengguna).
fn baris(
    k: &Konteks,
    h: &HitungSub,
    data: &DataRencana,
    per_id: &HashMap<&str, &Butir>,
    unit: &HashMap<String, String>,
    ekspektasi: Decimal,
) -> BarisNilaiUang {
    let indikator: Vec<IndikatorNilaiUang> = h
        .indikator
        .iter()
        .map(|x| {
            let (capaian, biaya, tanda, catatan) = match &x.hasil {
                Ok(r) => (
                    Some(d2(r.capaian.capaian_persen)),
                    r.biaya_per_satuan.map(d2),
                    tanda_json(k, r),
                    None,
                ),
                Err(None) => (
                    None,
                    None,
                    Vec::new(),
                    Some(
                        k.t(
                            "Target indikator kosong; nilai uang tidak dapat dihitung.",
                            "The indicator has no target; value for money cannot be computed.",
                        )
                        .to_string(),
                    ),
                ),
                Err(Some(g)) => (None, None, Vec::new(), Some(g.pesan(k.bahasa))),
            };
            IndikatorNilaiUang {
                nama: x.ind.nama.clone(),
                satuan: x.ind.satuan.clone(),
                target: x.ind.target.clone(),
                realisasi: x.r.map(|r| r.realisasi.clone()),
                triwulan: x.r.map(|r| r.triwulan),
                capaian_persen: capaian,
                biaya_per_satuan: biaya,
                tanda,
                bukti: status_bukti(x.r).into(),
                catatan,
            }
        })
        .collect();
    let utama = indikator.first();
    let catatan = match utama {
        None => Some(
            k.t(
                "Sub kegiatan tanpa indikator keluaran.",
                "A sub-activity without an output indicator.",
            )
            .to_string(),
        ),
        Some(u) => u.catatan.clone(),
    };
    let b = h.b;
    BarisNilaiUang {
        kode: b.kode.clone(),
        nama: b.nama.clone(),
        unit: b.unit_id.as_ref().and_then(|u| unit.get(u).cloned()),
        unit_id: b.unit_id.clone(),
        program_kode: data.leluhur(per_id, b, PROGRAM).map(|p| p.kode.clone()),
        kegiatan_kode: data.leluhur(per_id, b, KEGIATAN).map(|p| p.kode.clone()),
        pagu: d2(h.pagu),
        realisasi_anggaran: d2(h.real),
        penyerapan_persen: h.penyerapan.map(d2),
        capaian_persen: utama.and_then(|u| u.capaian_persen.clone()),
        ekspektasi_waktu_persen: d2(ekspektasi),
        biaya_per_satuan: utama.and_then(|u| u.biaya_per_satuan.clone()),
        satuan: utama.and_then(|u| u.satuan.clone()),
        tanda: utama.map(|u| u.tanda.clone()).unwrap_or_default(),
        bukti: utama
            .map(|u| u.bukti.clone())
            .unwrap_or_else(|| "tidak_ada".into()),
        catatan,
        indikator,
    }
}

fn ringkas(hitung: &[HitungSub], ekspektasi: Decimal) -> RingkasanNilaiUang {
    let v: Vec<&HitungSub> = hitung.iter().collect();
    ringkas_ref(&v, ekspektasi)
}

fn ringkas_ref(hitung: &[&HitungSub], ekspektasi: Decimal) -> RingkasanNilaiUang {
    let mut p = Penjumlah::baru(ekspektasi);
    for h in hitung {
        p.tambah(h.pagu, h.real, h.penyerapan, h.utama());
    }
    p.ringkasan()
}

/// Angka mentah satu indikator keluaran seperti tersimpan (teks desimal).
pub(crate) struct MasukanIndikator<'a> {
    pub pagu: Decimal,
    pub realisasi_anggaran: Decimal,
    pub target: Option<&'a str>,
    pub polaritas: Option<&'a str>,
    pub baseline: Option<&'a str>,
    /// Realisasi kumulatif triwulan terakhir yang dilaporkan.
    pub realisasi_keluaran: Option<&'a str>,
    pub ada_bukti: bool,
    pub bulan: u8,
}

/// Aturan `nilai-uang` atas satu indikator tersimpan: satu jalan untuk
/// halaman instansi dan rekap nasional. `Err(None)`: target kosong.
pub(crate) fn hitung_indikator(
    m: &MasukanIndikator,
    ambang: &rules::anggaran::AmbangNilaiUang,
) -> Result<HasilNilaiUang, Option<GalatInput>> {
    let Some(target) = m.target.and_then(rules::angka::baca_desimal) else {
        return Err(None);
    };
    let masukan = MasukanNilaiUang {
        pagu: m.pagu,
        realisasi_anggaran: m.realisasi_anggaran,
        target: Target::Tunggal(target),
        realisasi_keluaran: m
            .realisasi_keluaran
            .and_then(rules::angka::baca_desimal)
            .unwrap_or(Decimal::ZERO),
        polaritas: m
            .polaritas
            .and_then(Polaritas::dari_token)
            .unwrap_or(Polaritas::Positif),
        baseline: m.baseline.and_then(rules::angka::baca_desimal),
        ada_bukti: m.ada_bukti,
        bulan: m.bulan,
    };
    rules::anggaran::nilai_uang(&masukan, ambang).map_err(Some)
}

/// Penjumlah ringkasan (angka eksak, bukan teks) atas sub kegiatan yang
/// ditambahkan satu per satu, dalam urutan apa pun.
pub(crate) struct Penjumlah {
    /// Ekspektasi waktu dua desimal: kuadran dibandingkan pada nilai yang ditampilkan.
    ekspektasi: Decimal,
    pagu: Decimal,
    real: Decimal,
    bobot: Decimal,
    pagu_bercapaian: Decimal,
    /// Jumlah per kode, dalam urutan [`KodeTanda::SEMUA`].
    tanda: [usize; KodeTanda::SEMUA.len()],
    bertanda: usize,
    kuadran: Kuadran,
    jumlah: usize,
}

impl Penjumlah {
    pub(crate) fn baru(ekspektasi: Decimal) -> Penjumlah {
        Penjumlah {
            ekspektasi: rules::angka::bulatkan(ekspektasi),
            pagu: Decimal::ZERO,
            real: Decimal::ZERO,
            bobot: Decimal::ZERO,
            pagu_bercapaian: Decimal::ZERO,
            tanda: [0; KodeTanda::SEMUA.len()],
            bertanda: 0,
            kuadran: Kuadran::default(),
            jumlah: 0,
        }
    }

    /// Satu sub kegiatan; `utama` = hasil aturan untuk indikator utamanya.
    pub(crate) fn tambah(
        &mut self,
        pagu: Decimal,
        real: Decimal,
        penyerapan: Option<Decimal>,
        utama: Option<&HasilNilaiUang>,
    ) {
        self.jumlah += 1;
        self.pagu += pagu;
        self.real += real;
        let capaian = utama.map(|u| rules::angka::bulatkan(u.capaian.capaian_persen));
        if let Some(c) = capaian {
            self.bobot += pagu * c;
            self.pagu_bercapaian += pagu;
        }
        if let Some(u) = utama {
            if !u.tanda.is_empty() {
                self.bertanda += 1;
            }
            for x in &u.tanda {
                if let Some(n) = KodeTanda::SEMUA.iter().position(|k| *k == x.kode()) {
                    self.tanda[n] += 1;
                }
            }
        }
        if let (Some(x), Some(y)) = (penyerapan.map(rules::angka::bulatkan), capaian) {
            let e = self.ekspektasi;
            match (x >= e, y >= e) {
                (true, true) => self.kuadran.seimbang += 1,
                (true, false) => self.kuadran.hasil_tertinggal += 1,
                (false, true) => self.kuadran.belanja_tertinggal += 1,
                (false, false) => self.kuadran.keduanya_tertinggal += 1,
            }
        }
    }

    pub(crate) fn ringkasan(self) -> RingkasanNilaiUang {
        RingkasanNilaiUang {
            pagu: d2(self.pagu),
            realisasi_anggaran: d2(self.real),
            penyerapan_persen: rules::pmk_22_2021::penyerapan(self.real, self.pagu)
                .ok()
                .map(d2),
            capaian_tertimbang_persen: (!self.pagu_bercapaian.is_zero())
                .then(|| d2(self.bobot / self.pagu_bercapaian)),
            jumlah_subkegiatan: self.jumlah,
            jumlah_bertanda: self.bertanda,
            tanda: KodeTanda::SEMUA
                .iter()
                .zip(self.tanda)
                .map(|(k, n)| (k.token().to_string(), n))
                .collect(),
            kuadran: self.kuadran,
        }
    }
}

/// Realisasi kumulatif per bulan sebagai persen pagu instansi (grafik
/// dasbor); hanya bagi pembaca seluruh instansi (`None` bagi pimpinan unit).
pub async fn serapan_bulanan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    pagu: Decimal,
) -> Hasil<Option<Vec<(u8, Decimal)>>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Realisasi(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    if !c.semua() || pagu.is_zero() {
        return Ok(None);
    }
    let mut kumulatif = Decimal::ZERO;
    let mut hasil = Vec::new();
    for (bulan, sen) in
        store::perencanaan::realisasi_per_bulan(l.pool(), instansi_id, tahun).await?
    {
        kumulatif += rupiah(sen);
        if let Ok(p) = rules::pmk_22_2021::penyerapan(kumulatif, pagu) {
            hasil.push((bulan.clamp(1, 12) as u8, p));
        }
    }
    Ok(Some(hasil))
}
