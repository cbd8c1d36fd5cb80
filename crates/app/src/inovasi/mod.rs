//! Repositori inovasi pelayanan publik (isu 12): pencarian publik berbahasa
//! Indonesia (kata dasar, toleran salah ketik), halaman inovasi dengan
//! penghargaan dan replikasinya, data terbuka, sebaran replikasi per wilayah.
//! Replikasi dan konfirmasi pemilik di `replikasi`; kompetisi di
//! `crate::kompetisi`. Rancangan: docs/adr/0018; aturan: docs/aturan-inovasi.md.

pub mod cari;
pub mod lan;
pub mod replikasi;
pub mod urusan;

use crate::{Galat, Hasil, Konteks, Layanan};
use serde::{Deserialize, Serialize};
use store::inovasi::{Inovasi, Penghargaan, ReplikasiPublik, RingkasInovasi, SebaranWilayah};

pub use lan::isi_bila_kosong as isi_repositori_bila_kosong;

/// Karakter ringkasan di daftar hasil.
const PANJANG_RINGKASAN: usize = 280;
/// Baris per halaman pencarian: bawaan dan batas.
pub const PER_HALAMAN: i64 = 20;
pub const MAKS_PER_HALAMAN: i64 = 100;
/// Halaman terjauh (OFFSET besar mahal dan tidak berguna bagi manusia).
pub const MAKS_HALAMAN: i64 = 500;

/// Isi sebuah inovasi sebelum kolom turunan (ringkasan, kata dasar) dihitung.
#[derive(Clone, Debug, Default)]
pub struct BahanInovasi {
    pub id: String,
    pub judul: String,
    pub masalah: Option<String>,
    pub solusi: Option<String>,
    pub hasil: Option<String>,
    pub tahapan: Option<String>,
    pub prasyarat_replikasi: Option<String>,
    pub produk: Option<String>,
    pub nama_instansi: String,
    pub unit_pemilik: Option<String>,
    pub instansi_id: Option<String>,
    pub kode_wilayah: Option<String>,
    pub urusan: Option<String>,
    pub jenis: Option<String>,
    pub tahun: Option<i64>,
    pub tanggal_implementasi: Option<String>,
    pub video_url: Option<String>,
    pub sumber: String,
}

/// Potongan awal teks pada batas kata, dengan "…" bila dipotong.
pub fn ringkas(teks: &str, maks: usize) -> String {
    let satu: String = teks.split_whitespace().collect::<Vec<_>>().join(" ");
    if satu.chars().count() <= maks {
        return satu;
    }
    let potong: String = satu.chars().take(maks).collect();
    let sampai = potong.rfind(' ').unwrap_or(potong.len());
    format!(
        "{}…",
        potong[..sampai].trim_end_matches([',', '.', ';', ':'])
    )
}

/// Baris `inovasi` dari bahannya: ringkasan, kata dasar judul dan isi
/// (judul, produk, masalah, solusi, hasil, nama instansi dan unit).
pub fn bentuk_inovasi(b: BahanInovasi, waktu: &str) -> Inovasi {
    let ringkasan = ringkas(
        b.solusi
            .as_deref()
            .or(b.hasil.as_deref())
            .or(b.masalah.as_deref())
            .unwrap_or(&b.judul),
        PANJANG_RINGKASAN,
    );
    let judul_cari = rules::inovasi::kata_cari(&b.judul).join(" ");
    let isi: Vec<&str> = [
        b.produk.as_deref(),
        b.masalah.as_deref(),
        b.solusi.as_deref(),
        b.hasil.as_deref(),
        b.tahapan.as_deref(),
        Some(b.nama_instansi.as_str()),
        b.unit_pemilik.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let isi_cari = rules::inovasi::kata_cari(&isi.join("\n")).join(" ");
    Inovasi {
        id: b.id,
        judul: b.judul,
        ringkasan,
        masalah: b.masalah,
        solusi: b.solusi,
        hasil: b.hasil,
        tahapan: b.tahapan,
        prasyarat_replikasi: b.prasyarat_replikasi,
        produk: b.produk,
        nama_instansi: b.nama_instansi,
        unit_pemilik: b.unit_pemilik,
        instansi_id: b.instansi_id,
        kode_wilayah: b.kode_wilayah,
        urusan: b.urusan,
        jenis: b.jenis,
        tahun: b.tahun,
        tanggal_implementasi: b.tanggal_implementasi,
        tingkat_penghargaan: None,
        penghargaan: None,
        video_url: b.video_url,
        sumber: b.sumber,
        masih_berjalan: None,
        dikonfirmasi_tahun: None,
        jumlah_replikasi: 0,
        judul_cari,
        isi_cari,
        versi: 1,
        dibuat_pada: waktu.to_string(),
        diubah_pada: waktu.to_string(),
    }
}

/// Kata permukaan (huruf kecil, huruf ASCII dan angka, 3–30 karakter) dari
/// teks: kamus koreksi salah ketik menyimpan bentuk yang ditulis orang
/// ("persuratan"), bukan kata dasarnya ("surat"), agar "persuratn" dekat
/// dengan "persuratan".
pub fn kata_permukaan(teks: &str) -> impl Iterator<Item = String> + '_ {
    teks.split(|c: char| !c.is_alphanumeric())
        .filter(|w| (3..=30).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(|w| w.to_ascii_lowercase())
}

/// Kata permukaan baru dari baris-baris inovasi, untuk kamus koreksi.
fn kata_baru(daftar: &[Inovasi]) -> Vec<String> {
    let mut s: std::collections::BTreeSet<String> = Default::default();
    for i in daftar {
        for t in [
            Some(i.judul.as_str()),
            i.produk.as_deref(),
            i.masalah.as_deref(),
            i.solusi.as_deref(),
            i.hasil.as_deref(),
            i.tahapan.as_deref(),
            Some(i.nama_instansi.as_str()),
            i.unit_pemilik.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            s.extend(kata_permukaan(t));
        }
    }
    s.into_iter().collect()
}

/// Menyimpan inovasi baru dan kata permukaannya di transaksi pemanggil
/// (yang mencatat auditnya, lalu membuat kamus usang sesudah commit).
pub(crate) async fn sisipkan_tx(tx: &mut store::Transaksi<'_>, daftar: &[Inovasi]) -> Hasil<()> {
    store::inovasi::sisipkan_banyak(tx, daftar).await?;
    store::inovasi::tambah_kosakata(tx, &kata_baru(daftar)).await?;
    Ok(())
}

/// Menyimpan banyak inovasi baru dan kata dasarnya dalam satu transaksi
/// (muat awal, demo, tolok ukur). Tanpa audit: bukan tindakan pengguna.
pub async fn simpan_banyak(l: &Layanan, daftar: &[Inovasi]) -> Hasil<()> {
    let mut tx = l.db.mulai().await?;
    sisipkan_tx(&mut tx, daftar).await?;
    tx.commit().await?;
    l.kamus_inovasi.usang();
    Ok(())
}

/// Menyimpan satu inovasi baru di transaksi pemanggil (mis. halaman pemenang
/// yang diterbitkan kompetisi); pemanggil mencatat audit.
pub(crate) async fn sisipkan_di(tx: &mut store::Koneksi, i: &Inovasi) -> Hasil<()> {
    store::inovasi::sisipkan(tx, i).await?;
    store::inovasi::tambah_kosakata(tx, &kata_baru(std::slice::from_ref(i))).await?;
    Ok(())
}

/// Parameter pencarian dari URL (`cari`, `urusan`, `wilayah`, `tahun`,
/// `penghargaan`, `jenis`, `halaman`, `per_halaman`).
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams, utoipa::ToSchema)]
#[into_params(parameter_in = Query)]
pub struct ParamCari {
    /// Kata yang dicari (bahasa Indonesia; imbuhan dan salah ketik ditoleransi).
    pub cari: Option<String>,
    /// Kode bidang urusan, mis. `1.02` (kesehatan).
    pub urusan: Option<String>,
    /// Kode wilayah Kepmendagri; provinsi memuat kabupaten/kotanya.
    pub wilayah: Option<String>,
    pub tahun: Option<i64>,
    /// `top` (pemenang), `top99` (nominasi) atau `ada` (penghargaan apa pun).
    pub penghargaan: Option<String>,
    /// Jenis inovasi (`proses`, `metode`, `produk`, `teknologi`, …).
    pub jenis: Option<String>,
    /// Mulai dari 1.
    pub halaman: Option<i64>,
    /// Bawaan 20, paling banyak 100.
    pub per_halaman: Option<i64>,
}

/// Satu kata yang dikoreksi: "mungkin maksud Anda".
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Koreksi {
    /// Kata dasar yang diketik.
    pub kata: String,
    /// Kata di repositori yang ikut dicari.
    pub menjadi: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct HasilCari {
    /// Hasil, paling cocok dulu (tanpa kata: terbaru dulu).
    pub isi: Vec<RingkasInovasi>,
    pub total: i64,
    pub halaman: i64,
    pub per_halaman: i64,
    pub koreksi: Vec<Koreksi>,
    /// true: tidak ada yang memuat semua kata, hasil memuat sebagian kata.
    pub sebagian: bool,
}

fn kosong_jadi_none(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
}

/// Memeriksa parameter pencarian; galat per field (422).
fn saringan(k: &Konteks, p: &ParamCari) -> Hasil<store::inovasi::SaringanCari> {
    let mut f = crate::galat::GalatKolom::default();
    let per = p.per_halaman.unwrap_or(PER_HALAMAN);
    if !(1..=MAKS_PER_HALAMAN).contains(&per) {
        f.tambah(
            "per_halaman",
            k.t("Antara 1 dan 100.", "Between 1 and 100."),
        );
    }
    let hal = p.halaman.unwrap_or(1);
    if !(1..=MAKS_HALAMAN).contains(&hal) {
        f.tambah(
            "halaman",
            k.t(
                "Antara 1 dan 500; persempit pencarian.",
                "Between 1 and 500; narrow the search.",
            ),
        );
    }
    let urusan = kosong_jadi_none(&p.urusan);
    if let Some(u) = &urusan
        && urusan::nama(u).is_none()
    {
        f.tambah(
            "urusan",
            k.t("Kode urusan tidak dikenal.", "Unknown sector code."),
        );
    }
    let wilayah = kosong_jadi_none(&p.wilayah);
    if let Some(w) = &wilayah
        && (w.len() > 5 || !w.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        f.tambah(
            "wilayah",
            k.t(
                "Kode wilayah seperti 81 atau 81.01.",
                "A region code such as 81 or 81.01.",
            ),
        );
    }
    if let Some(t) = p.tahun
        && !(1945..=2100).contains(&t)
    {
        f.tambah("tahun", k.t("Tahun tidak masuk akal.", "Implausible year."));
    }
    let penghargaan = kosong_jadi_none(&p.penghargaan);
    if let Some(x) = &penghargaan
        && !["top", "top99", "ada"].contains(&x.as_str())
    {
        f.tambah(
            "penghargaan",
            k.t("Pilih top, top99 atau ada.", "Choose top, top99 or ada."),
        );
    }
    let jenis = kosong_jadi_none(&p.jenis);
    if let Some(j) = &jenis
        && j.chars().count() > 40
    {
        f.tambah("jenis", k.t("Terlalu panjang.", "Too long."));
    }
    f.jadi_galat(k.t(
        "Parameter pencarian belum benar.",
        "The search parameters are not valid.",
    ))?;
    Ok(store::inovasi::SaringanCari {
        urusan,
        wilayah,
        tahun: p.tahun,
        penghargaan,
        jenis,
        batas: per,
        lewati: (hal - 1) * per,
        ..Default::default()
    })
}

/// Pencarian publik (tanpa masuk).
pub async fn cari(l: &Layanan, k: &Konteks, p: &ParamCari) -> Hasil<HasilCari> {
    crate::kebijakan::publik(k);
    let mut s = saringan(k, p)?;
    let mut koreksi = Vec::new();
    if let Some(teks) = kosong_jadi_none(&p.cari) {
        let kamus = l.kamus_inovasi.ambil(l).await?;
        let q = cari::susun(&teks, &kamus);
        if q.istilah.is_empty() {
            // Hanya kata henti atau tanda baca: tidak ada yang dicari.
            return Ok(HasilCari {
                isi: Vec::new(),
                total: 0,
                halaman: s.lewati / s.batas + 1,
                per_halaman: s.batas,
                koreksi: Vec::new(),
                sebagian: false,
            });
        }
        s.istilah = q.istilah;
        s.awalan = q.awalan;
        koreksi = q
            .koreksi
            .into_iter()
            .map(|(kata, menjadi)| Koreksi { kata, menjadi })
            .collect();
    }
    let kunci = format!(
        "{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}",
        s.istilah,
        s.awalan,
        s.urusan,
        s.wilayah,
        s.tahun,
        s.penghargaan,
        s.jenis,
        s.instansi_id,
        s.batas,
        s.lewati
    );
    if let Some(mut h) = l.kamus_inovasi.dari_tembolok(&kunci) {
        h.koreksi = koreksi;
        return Ok(h);
    }
    let (mut isi, mut total) = store::inovasi::cari(l.pool(), &s).await?;
    let mut sebagian = false;
    // Tidak ada yang memuat semua kata: cari yang memuat salah satunya.
    if total == 0 && s.istilah.len() > 1 {
        let gabung: Vec<String> = s.istilah.concat();
        s.istilah = vec![gabung];
        s.awalan = false;
        (isi, total) = store::inovasi::cari(l.pool(), &s).await?;
        sebagian = total > 0;
    }
    let h = HasilCari {
        isi,
        total,
        halaman: s.lewati / s.batas + 1,
        per_halaman: s.batas,
        koreksi,
        sebagian,
    };
    l.kamus_inovasi.ke_tembolok(kunci, &h);
    Ok(h)
}

/// Konfirmasi tahunan pemilik, tanpa siapa yang mengirimnya (halaman publik).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct KonfirmasiPublik {
    pub tahun: i64,
    pub masih_berjalan: bool,
    pub catatan: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct DetailInovasi {
    #[serde(flatten)]
    pub inovasi: Inovasi,
    pub nama_wilayah: Option<String>,
    pub nama_urusan: Option<String>,
    pub penghargaan_semua: Vec<Penghargaan>,
    pub konfirmasi: Vec<KonfirmasiPublik>,
    /// Replikasi oleh instansi lain, dengan laporan terakhirnya.
    pub replikasi: Vec<ReplikasiPublik>,
    /// Replikasi yang masih berjalan.
    pub replikasi_berjalan: i64,
}

/// Halaman publik satu inovasi.
pub async fn lihat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<DetailInovasi> {
    crate::kebijakan::publik(k);
    let i = muat(l, k, id).await?;
    let nama_wilayah = match &i.kode_wilayah {
        Some(w) => store::wilayah::cari(l.pool(), w).await?.map(|x| x.nama),
        None => None,
    };
    let replikasi = store::inovasi::replikasi_dari(l.pool(), id).await?;
    Ok(DetailInovasi {
        nama_urusan: i
            .urusan
            .as_deref()
            .and_then(urusan::nama)
            .map(str::to_string),
        nama_wilayah,
        penghargaan_semua: store::inovasi::penghargaan(l.pool(), id).await?,
        konfirmasi: store::inovasi::konfirmasi(l.pool(), id)
            .await?
            .into_iter()
            .map(|c| KonfirmasiPublik {
                tahun: c.tahun,
                masih_berjalan: c.masih_berjalan == 1,
                catatan: c.catatan,
            })
            .collect(),
        replikasi_berjalan: replikasi.iter().filter(|r| r.status == "berjalan").count() as i64,
        replikasi,
        inovasi: i,
    })
}

/// Inovasi menurut id, atau 404.
pub async fn muat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Inovasi> {
    crate::kebijakan::publik(k);
    if id.len() > crate::validasi::MAKS_ID {
        return Err(tidak_ada(k));
    }
    store::inovasi::inovasi(l.pool(), id)
        .await?
        .ok_or_else(|| tidak_ada(k))
}

fn tidak_ada(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t("Inovasi tidak ditemukan.", "Innovation not found.")
            .into(),
    )
}

/// Sebaran replikasi: nasional per provinsi, atau per kabupaten/kota satu
/// provinsi (kode 2 digit). Publik.
pub async fn sebaran(
    l: &Layanan,
    k: &Konteks,
    provinsi: Option<&str>,
) -> Hasil<Vec<SebaranWilayah>> {
    crate::kebijakan::publik(k);
    if let Some(p) = provinsi
        && (p.len() != 2 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        let mut f = crate::galat::GalatKolom::default();
        f.tambah(
            "provinsi",
            k.t(
                "Kode provinsi dua angka, mis. 81.",
                "A two-digit province code, e.g. 81.",
            ),
        );
        f.jadi_galat(k.t("Parameter belum benar.", "Invalid parameter."))?;
    }
    Ok(store::inovasi::sebaran(l.pool(), provinsi).await?)
}

/// Satu baris data terbuka (CSV/JSON): kolom publik repositori.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct BarisDataTerbuka {
    pub id: String,
    pub judul: String,
    pub instansi: String,
    pub unit: Option<String>,
    pub kode_wilayah: Option<String>,
    pub urusan: Option<String>,
    pub jenis: Option<String>,
    pub tahun: Option<i64>,
    pub penghargaan: Option<String>,
    pub masih_berjalan: Option<bool>,
    pub dikonfirmasi_tahun: Option<i64>,
    pub jumlah_replikasi: i64,
    pub ringkasan: String,
    pub prasyarat_replikasi: Option<String>,
    pub sumber: String,
}

impl From<Inovasi> for BarisDataTerbuka {
    fn from(i: Inovasi) -> Self {
        BarisDataTerbuka {
            id: i.id,
            judul: i.judul,
            instansi: i.nama_instansi,
            unit: i.unit_pemilik,
            kode_wilayah: i.kode_wilayah,
            urusan: i.urusan,
            jenis: i.jenis,
            tahun: i.tahun,
            penghargaan: i.penghargaan,
            masih_berjalan: i.masih_berjalan.map(|x| x == 1),
            dikonfirmasi_tahun: i.dikonfirmasi_tahun,
            jumlah_replikasi: i.jumlah_replikasi,
            ringkasan: i.ringkasan,
            prasyarat_replikasi: i.prasyarat_replikasi,
            sumber: i.sumber,
        }
    }
}

/// Satu halaman data terbuka (keyset; `setelah` = id terakhir sebelumnya).
/// Lapisan web mengalirkan halaman demi halaman, jadi memori tetap kecil.
pub async fn data_terbuka(l: &Layanan, setelah: &str, batas: i64) -> Hasil<Vec<BarisDataTerbuka>> {
    Ok(
        store::inovasi::halaman_data(l.pool(), setelah, batas.clamp(1, 1000))
            .await?
            .into_iter()
            .map(BarisDataTerbuka::from)
            .collect(),
    )
}

/// Provinsi (kode, nama) untuk pilihan saringan wilayah. Publik.
pub async fn provinsi(l: &Layanan, k: &Konteks) -> Hasil<Vec<(String, String)>> {
    crate::kebijakan::publik(k);
    Ok(store::wilayah::semua(l.pool())
        .await?
        .into_iter()
        .filter(|w| w.tingkat == "provinsi")
        .map(|w| (w.kode, w.nama))
        .collect())
}
