//! Bukti: berkas pendukung (foto kegiatan, PDF, XLSX, DOCX) yang dipakai SKP,
//! realisasi anggaran, SAKIP, inovasi dan aksi perubahan (docs/adr/0009).
//!
//! - Isi disimpan persis seperti diterima, dengan kunci SHA-256-nya
//!   ([`PenyimpanBukti`]); unggahan yang sama berbagi satu berkas.
//! - Jenis dikenali dari isi, dicocokkan dengan daftar yang diizinkan.
//! - Foto mendapat salinan kecil dan gambar mini yang dikodekan ulang (tanpa
//!   metadata); hanya keduanya yang boleh tampil di halaman. Saat unggah
//!   hanya kepala foto yang dibaca (jenis, ukuran, batas piksel); salinan
//!   dibuat saat pertama diminta, sekali (docs/adr/0017-salinan-foto-malas.md).
//! - Baris `bukti` yang menunjuk sebuah berkas menjaganya tetap hidup. Rekaman
//!   lain merujuk bukti lewat [`rujuk`]; bukti tanpa rujukan hanya bertahan
//!   selama masa tenggang (daftar "unggahan saya"), lalu [`bersihkan_yatim`]
//!   menghapus barisnya dan berkas yang tidak dipakai baris mana pun.

pub mod gambar;
pub mod jenis;
pub mod penyimpan;

pub use penyimpan::{PenyimpanBukti, PenyimpanLokal, dari_url};
pub use store::bukti::Bukti;

use crate::galat::Galat;
use crate::validasi;
use crate::{Aktor, Hasil, Konteks, Layanan, Peran};
use jenis::{Jenis, Tolak};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Kode galat: berkas atau permintaan melebihi batas ukuran (HTTP 413).
pub const KODE_TERLALU_BESAR: &str = "berkas_terlalu_besar";
/// Kode galat: jenis isi tidak diizinkan (HTTP 415).
pub const KODE_JENIS_DITOLAK: &str = "jenis_berkas_ditolak";
/// Jenis objek di audit dan rujukan.
pub const JENIS_OBJEK: &str = "bukti";

/// Satu berkas dari unggahan: nama dari klien (belum dibersihkan) dan isinya.
pub struct BerkasMasuk {
    pub nama: String,
    pub isi: Vec<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Varian {
    /// Bita yang diterima, persis. Hanya sebagai lampiran.
    Asli,
    /// Salinan foto maks. 1600 px, dikodekan ulang.
    Kecil,
    /// Gambar mini foto, 256 px.
    Mini,
}

impl Varian {
    pub fn dari_kode(s: &str) -> Option<Varian> {
        match s {
            "asli" => Some(Varian::Asli),
            "kecil" => Some(Varian::Kecil),
            "mini" => Some(Varian::Mini),
            _ => None,
        }
    }
}

/// Isi yang siap dikirim beserta cara mengirimnya.
pub struct Sajian {
    pub isi: Vec<u8>,
    /// Jenis yang tersimpan (hasil pengenalan isi), tidak pernah dari klien.
    pub jenis_mime: String,
    /// Nama untuk Content-Disposition.
    pub nama_unduh: String,
    /// `true`: `attachment` (asli, dan semua non-gambar); `false`: boleh
    /// tampil di halaman (hanya salinan yang dikodekan ulang).
    pub lampiran: bool,
}

/// Ringkasan satu putaran [`bersihkan_yatim`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RingkasanBersih {
    pub baris_dihapus: usize,
    pub berkas_dihapus: usize,
    pub sisa_sementara_dihapus: usize,
}

// ---------- pesan ----------

/// Ukuran untuk pesan, dalam persepuluhan MB dengan bilangan bulat
/// (10485760 → "10 MB", 1572864 → "1.5 MB").
fn megabita(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    let persepuluh = (n * 10 + MB / 2) / MB;
    if persepuluh.is_multiple_of(10) {
        format!("{} MB", persepuluh / 10)
    } else {
        format!("{}.{} MB", persepuluh / 10, persepuluh % 10)
    }
}

fn galat_berkas(kode: &str, pesan: String) -> Galat {
    Galat::InputTidakValid {
        kode: kode.to_string(),
        fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
        pesan,
    }
}

/// Berkas lebih besar dari batas per berkas.
pub fn galat_terlalu_besar(k: &Konteks, nama: &str, maks: u64) -> Galat {
    let nama = nama_aman(nama);
    let mb = megabita(maks);
    galat_berkas(
        KODE_TERLALU_BESAR,
        match k.bahasa {
            rules::Bahasa::Id => format!(
                "Berkas \"{nama}\" lebih dari {mb}; tidak ada yang disimpan. Perkecil atau bagi berkasnya."
            ),
            rules::Bahasa::En => format!(
                "The file \"{nama}\" is larger than {mb}; nothing was stored. Make it smaller or split it."
            ),
        },
    )
}

/// Seluruh permintaan lebih besar dari batas per permintaan.
pub fn galat_permintaan_terlalu_besar(k: &Konteks, maks: u64) -> Galat {
    let mb = megabita(maks);
    galat_berkas(
        KODE_TERLALU_BESAR,
        match k.bahasa {
            rules::Bahasa::Id => format!(
                "Jumlah ukuran berkas dalam satu unggahan lebih dari {mb}; tidak ada yang disimpan. Unggah dalam beberapa kali."
            ),
            rules::Bahasa::En => format!(
                "The files in one upload add up to more than {mb}; nothing was stored. Upload them in several parts."
            ),
        },
    )
}

/// Terlalu banyak berkas dalam satu permintaan.
pub fn galat_terlalu_banyak(k: &Konteks, maks: usize) -> Galat {
    galat_berkas(
        KODE_TERLALU_BESAR,
        match k.bahasa {
            rules::Bahasa::Id => {
                format!("Paling banyak {maks} berkas per unggahan; tidak ada yang disimpan.")
            }
            rules::Bahasa::En => format!("At most {maks} files per upload; nothing was stored."),
        },
    )
}

fn galat_jenis(k: &Konteks, nama: &str, t: &Tolak) -> Galat {
    let boleh = "JPEG, PNG, WebP, PDF, XLSX, DOCX";
    let pesan = match (k.bahasa, t) {
        (rules::Bahasa::Id, Tolak::Kosong) => format!("Berkas \"{nama}\" kosong."),
        (rules::Bahasa::En, Tolak::Kosong) => format!("The file \"{nama}\" is empty."),
        (rules::Bahasa::Id, Tolak::Makro) => format!(
            "Berkas \"{nama}\" ditolak: dokumen Office bermakro tidak diterima. Simpan ulang sebagai .docx/.xlsx biasa."
        ),
        (rules::Bahasa::En, Tolak::Makro) => format!(
            "The file \"{nama}\" was refused: Office documents with macros are not accepted. Save it again as a plain .docx/.xlsx."
        ),
        (rules::Bahasa::Id, Tolak::ZipLain) => format!(
            "Berkas \"{nama}\" ditolak: ZIP ini bukan XLSX atau DOCX yang utuh. Yang diterima: {boleh}."
        ),
        (rules::Bahasa::En, Tolak::ZipLain) => format!(
            "The file \"{nama}\" was refused: this ZIP is not a complete XLSX or DOCX. Accepted: {boleh}."
        ),
        (rules::Bahasa::Id, Tolak::Jenis(j)) => format!(
            "Berkas \"{nama}\" ditolak: isinya {j}, bukan jenis yang diterima ({boleh}). Jenis dikenali dari isi, bukan dari nama."
        ),
        (rules::Bahasa::En, Tolak::Jenis(j)) => format!(
            "The file \"{nama}\" was refused: its content is {j}, not an accepted type ({boleh}). The type is taken from the content, not the name."
        ),
    };
    galat_berkas(KODE_JENIS_DITOLAK, pesan)
}

fn galat_gambar(k: &Konteks, nama: &str, g: gambar::GalatGambar) -> Galat {
    match g {
        gambar::GalatGambar::TerlaluBesar(w, h) => galat_berkas(
            KODE_TERLALU_BESAR,
            match k.bahasa {
                rules::Bahasa::Id => format!(
                    "Foto \"{nama}\" berukuran {w}×{h} piksel, lebih dari 50 megapiksel (atau sisi lebih dari 20.000 piksel). Perkecil fotonya."
                ),
                rules::Bahasa::En => format!(
                    "The photo \"{nama}\" is {w}×{h} pixels, more than 50 megapixels (or a side over 20,000 pixels). Make it smaller."
                ),
            },
        ),
        gambar::GalatGambar::Rusak(e) => galat_berkas(
            "gambar_rusak",
            match k.bahasa {
                rules::Bahasa::Id => format!("Foto \"{nama}\" tidak dapat dibaca ({e})."),
                rules::Bahasa::En => format!("The photo \"{nama}\" cannot be read ({e})."),
            },
        ),
    }
}

// ---------- nama berkas ----------

/// Nama yang aman disimpan dan ditampilkan: hanya bagian terakhir jalur (`/`
/// dan `\`), tanpa karakter kendali, arah (bidi) atau tak terlihat, tanpa
/// titik di depan, paling panjang `validasi::MAKS_NAMA` karakter (ekstensi
/// dipertahankan). Kosong → "berkas".
pub fn nama_aman(nama: &str) -> String {
    let akhir = nama.rsplit(['/', '\\']).next().unwrap_or("");
    let bersih: String = akhir
        .chars()
        .filter(|&c| !c.is_control() && !validasi::bidi(c) && !validasi::tak_terlihat(c))
        .collect();
    let bersih = bersih.trim().trim_start_matches('.').trim().to_string();
    let bersih = if bersih.is_empty() || bersih.chars().all(|c| c == '.') {
        "berkas".to_string()
    } else {
        bersih
    };
    let maks = validasi::MAKS_NAMA;
    if bersih.chars().count() <= maks {
        return bersih;
    }
    let (batang, ekstensi) = match bersih.rsplit_once('.') {
        Some((b, e)) if !b.is_empty() && e.chars().count() <= 10 => {
            (b.to_string(), format!(".{e}"))
        }
        _ => (bersih.clone(), String::new()),
    };
    let sisa = maks - ekstensi.chars().count();
    let potong: String = batang.chars().take(sisa).collect();
    format!("{}{ekstensi}", potong.trim_end())
}

/// Nama unduhan: ekstensi disesuaikan dengan jenis sebenarnya (PNG bernama
/// `.pdf` diunduh sebagai `….pdf.png`), agar tidak dibuka aplikasi yang salah.
fn nama_unduh(nama: &str, jenis_mime: &str, akhiran: &str) -> String {
    let ext_benar: &[&str] = match jenis_mime {
        "image/jpeg" => &["jpg", "jpeg"],
        m => Jenis::dari_mime(m).map(|j| j.ekstensi()).unwrap_or(&[]),
    };
    let (batang, ext) = match nama.rsplit_once('.') {
        Some((b, e)) if !b.is_empty() => (b, e.to_ascii_lowercase()),
        _ => (nama, String::new()),
    };
    let Some(utama) = ext_benar.first() else {
        return nama.to_string();
    };
    if akhiran.is_empty() && ext_benar.contains(&ext.as_str()) {
        nama.to_string()
    } else if akhiran.is_empty() {
        format!("{nama}.{utama}")
    } else {
        format!("{batang}{akhiran}.{utama}")
    }
}

// ---------- otorisasi ----------

/// Mengunggah: pengguna instansi itu sendiri (termasuk admin), bukan token
/// baca. Bukti selalu milik instansi pengunggahnya.
pub fn boleh_unggah<'a>(k: &'a Konteks, instansi_id: &str) -> Hasil<&'a Aktor> {
    let a = crate::kebijakan::wajib(
        k,
        crate::kebijakan::Aksi::Kelola,
        crate::kebijakan::Sumber::Bukti(instansi_id),
    )?;
    // Pengunggah harus pengguna instansi itu sendiri (kunci asing pengunggah),
    // juga bagi super admin.
    if a.instansi_id != instansi_id {
        return Err(k.dilarang());
    }
    Ok(a)
}

/// Siapa boleh melihat satu bukti. Saat ini: pengunggahnya, admin instansi
/// itu, super admin.
///
/// TODO(kebijakan): modul kebijakan akses (isu 7) akan memperluas ini lewat
/// rujukan — mis. atasan/penilai SKP yang merujuk bukti ini, tim SAKIP untuk
/// bukti realisasi. Tambahkan di sini (satu tempat), bukan di penangan.
fn boleh_lihat(a: &Aktor, b: &Bukti) -> bool {
    a.super_admin()
        || (a.instansi_id == b.instansi_id
            && (a.pengguna_id == b.pengunggah_id || a.punya(Peran::AdminInstansi)))
}

/// Menghapus bukti: pengunggahnya atau admin instansi/super admin, bukan token baca.
fn boleh_hapus(a: &Aktor, b: &Bukti) -> bool {
    !a.hanya_baca && boleh_lihat(a, b)
}

// ---------- kasus penggunaan ----------

/// Semafor pengolahan foto: satu foto didekode pada satu waktu per proses
/// (foto 50 MP memakai ±200 MB saat didekode; lihat ADR 0007 dan 0009).
/// Hanya pembuatan salinan yang memakainya; unggah tidak pernah mendekode.
static OLAH_GAMBAR: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// Versi cara membuat salinan (ukuran sisi, kualitas JPEG). Naikkan bila
/// [`gambar::olah`] berubah, agar salinan lama tidak dipakai lagi: kunci
/// salinan baru, dan yang lama menjadi yatim lalu dibuang pembersihan.
const VERSI_SALINAN: &str = "v1";

struct Siap {
    bukti: Bukti,
    /// (kunci, isi) yang harus disimpan: hanya asli (salinan dibuat nanti).
    berkas: Vec<(String, Vec<u8>)>,
}

fn sha256_hex(isi: &[u8]) -> String {
    hex::encode(Sha256::digest(isi))
}

/// Kunci penyimpanan salinan foto: diturunkan dari SHA-256 aslinya, sehingga
/// diketahui saat unggah sebelum salinannya ada, sama untuk isi asli yang sama
/// (satu salinan untuk semua unggahan isi itu), dan pembuatan bersamaan
/// menulis ke kunci yang sama. Bukan SHA-256 isi salinannya.
pub fn kunci_salinan(sha256_asli: &str, varian: Varian) -> String {
    let nama = match varian {
        Varian::Asli => return sha256_asli.to_string(),
        Varian::Kecil => "kecil",
        Varian::Mini => "mini",
    };
    sha256_hex(format!("kinerja-salinan-foto/{VERSI_SALINAN}/{nama}/{sha256_asli}").as_bytes())
}

/// Memeriksa dan menyiapkan satu berkas (jenis, ukuran, kepala foto dan
/// kunci salinannya).
async fn siapkan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pengunggah_id: &str,
    b: BerkasMasuk,
) -> Hasil<Siap> {
    let nama = nama_aman(&b.nama);
    debug_assert!(
        validasi::alasan(
            k.bahasa,
            &nama,
            validasi::MAKS_NAMA,
            validasi::JenisTeks::Nama
        )
        .is_none()
    );
    let maks = l.konfigurasi.bukti_maks_bita;
    if b.isi.len() as u64 > maks {
        return Err(galat_terlalu_besar(k, &nama, maks));
    }
    // Kerja CPU yang sebanding ukuran berkas (SHA-256, membaca kepala foto)
    // di thread pemblokir; tidak ada yang didekode.
    let (isi, jenis, sha, kepala) = tokio::task::spawn_blocking(move || {
        let jenis = jenis::kenali(&b.isi);
        let sha = sha256_hex(&b.isi);
        let kepala = match jenis {
            Ok(j) if j.foto() => Some(gambar::periksa_kepala(&b.isi, j)),
            _ => None,
        };
        (b.isi, jenis, sha, kepala)
    })
    .await
    .map_err(|e| Galat::Internal(format!("pemeriksa bukti: {e}")))?;
    let jenis = jenis.map_err(|t| galat_jenis(k, &nama, &t))?;
    let mut bukti = Bukti {
        instansi_id: instansi_id.to_string(),
        id: store::id_baru(),
        sha256: sha.clone(),
        ukuran: isi.len() as i64,
        jenis_mime: jenis.mime().to_string(),
        nama_asli: nama.clone(),
        pengunggah_id: pengunggah_id.to_string(),
        dibuat_pada: store::sekarang(),
        lebar: None,
        tinggi: None,
        sha256_kecil: None,
        ukuran_kecil: None,
        jenis_mime_kecil: None,
        sha256_mini: None,
        ukuran_mini: None,
        jenis_mime_mini: None,
    };
    if let Some(kepala) = kepala {
        // Hanya kepala: jenis, ukuran, batas piksel (bom dekompresi ditolak di
        // sini). Tanpa dekode dan tanpa semafor: unggah tetap murah saat serbuan.
        let g = kepala.map_err(|g| galat_gambar(k, &nama, g))?;
        bukti.lebar = Some(i64::from(g.lebar));
        bukti.tinggi = Some(i64::from(g.tinggi));
        let mime = g.jenis_mime_salinan().to_string();
        let kecil = kunci_salinan(&sha, Varian::Kecil);
        // Foto yang muat dalam gambar mini: salinan kecil dan mini sama persis.
        let mini = if g.lebar.max(g.tinggi) <= gambar::SISI_MINI {
            kecil.clone()
        } else {
            kunci_salinan(&sha, Varian::Mini)
        };
        bukti.sha256_kecil = Some(kecil);
        bukti.jenis_mime_kecil = Some(mime.clone());
        bukti.sha256_mini = Some(mini);
        bukti.jenis_mime_mini = Some(mime);
    }
    let berkas = vec![(sha, isi)];
    Ok(Siap { bukti, berkas })
}

/// Menyimpan satu unggahan (satu atau beberapa berkas), semua atau tidak
/// sama sekali: setiap berkas diperiksa dulu; bila satu ditolak, tidak ada
/// yang disimpan. Isi ditulis ke penyimpanan sebelum barisnya; bila basis
/// data gagal sesudahnya, berkas tanpa baris dibuang oleh [`bersihkan_yatim`].
pub async fn unggah(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    berkas: Vec<BerkasMasuk>,
) -> Hasil<Vec<Bukti>> {
    boleh_unggah(k, instansi_id)?;
    let siap = siapkan_dan_simpan(l, k, instansi_id, berkas).await?;
    let mut tx = l.db.mulai().await?;
    let bukti = catat(&mut tx, k, instansi_id, siap).await?;
    tx.commit().await?;
    Ok(bukti)
}

/// Bukti yang isinya sudah tersimpan di penyimpanan tetapi barisnya belum
/// dicatat: pemanggil mencatatnya di transaksinya sendiri ([`catat`]).
pub(crate) struct BuktiTersimpan(Vec<Siap>);

impl BuktiTersimpan {
    /// Id bukti pertama (id dibuat saat disiapkan, sebelum dicatat).
    pub(crate) fn id_pertama(&self) -> Option<String> {
        self.0.first().map(|s| s.bukti.id.clone())
    }
}

/// Tahap pertama [`unggah`]: hak unggah, batas, pemeriksaan isi, lalu isi
/// ditulis ke penyimpanan. Dipisah agar layanan yang merujuk bukti (mis.
/// realisasi SKP saat serbuan akhir bulan) mencatat bukti dan rujukannya
/// dalam SATU transaksi (satu commit, bukan dua).
pub(crate) async fn siapkan_dan_simpan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    berkas: Vec<BerkasMasuk>,
) -> Hasil<BuktiTersimpan> {
    let a = boleh_unggah(k, instansi_id)?.clone();
    if berkas.is_empty() {
        let pesan = k.t(
            "Pilih paling sedikit satu berkas (field `berkas`).",
            "Choose at least one file (field `berkas`).",
        );
        return Err(galat_berkas("berkas_wajib", pesan.into()));
    }
    let c = &l.konfigurasi;
    if berkas.len() > c.bukti_maks_berkas {
        return Err(galat_terlalu_banyak(k, c.bukti_maks_berkas));
    }
    let total: u64 = berkas.iter().map(|b| b.isi.len() as u64).sum();
    if total > c.bukti_maks_permintaan {
        return Err(galat_permintaan_terlalu_besar(k, c.bukti_maks_permintaan));
    }
    let mut siap = Vec::with_capacity(berkas.len());
    for b in berkas {
        siap.push(siapkan(l, k, instansi_id, &a.pengguna_id, b).await?);
    }
    for s in &siap {
        for (kunci, isi) in &s.berkas {
            l.bukti.simpan(kunci, isi).await.map_err(|e| {
                tracing::error!(galat = %e, kunci = %kunci, penyimpanan = %l.bukti.keterangan(), "gagal menyimpan bukti");
                Galat::Internal(format!("penyimpanan bukti: {e}"))
            })?;
        }
    }
    Ok(BuktiTersimpan(siap))
}

/// Tahap kedua [`unggah`]: baris bukti dan auditnya di transaksi pemanggil.
pub(crate) async fn catat(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    instansi_id: &str,
    siap: BuktiTersimpan,
) -> Hasil<Vec<Bukti>> {
    for s in &siap.0 {
        store::bukti::tambah(tx, &s.bukti).await?;
        crate::audit::catat(
            tx,
            k,
            instansi_id,
            "buat",
            JENIS_OBJEK,
            &s.bukti.id,
            None,
            Some(&s.bukti),
        )
        .await?;
    }
    Ok(siap.0.into_iter().map(|s| s.bukti).collect())
}

async fn cari(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<Bukti> {
    store::bukti::ambil(l.pool(), instansi_id, id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                k.t("Bukti tidak ditemukan.", "Evidence file not found.")
                    .into(),
            )
        })
}

/// Metadata satu bukti, bagi yang boleh melihatnya.
pub async fn lihat(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<Bukti> {
    let a = k.boleh_baca(instansi_id)?.clone();
    let b = cari(l, k, instansi_id, id).await?;
    // Jalur kedua: pembaca rekaman yang merujuk bukti ini (realisasi
    // keluaran, realisasi IKU, jawaban LKE).
    if !boleh_lihat(&a, &b)
        && !crate::perencanaan::boleh_lihat_bukti(l, k, instansi_id, id).await?
        && !crate::sakip::capaian::boleh_lihat_bukti(l, k, instansi_id, id).await?
        && !crate::sakip::lke::boleh_lihat_bukti(l, k, instansi_id, id).await?
        && !crate::skp::realisasi::boleh_lihat_bukti(l, k, instansi_id, id).await?
    {
        return Err(k.dilarang());
    }
    Ok(b)
}

/// Isi satu bukti (asli, kecil atau mini) dan cara menyajikannya.
pub async fn ambil(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: &str,
    varian: Varian,
) -> Hasil<(Bukti, Sajian)> {
    k.aktor()?;
    let b = lihat(l, k, instansi_id, id).await?;
    sajikan(l, k, b, varian).await
}

/// Isi bukti bagi pembaca yang haknya sudah diperiksa layanan pemilik
/// rujukannya (mis. mentor atas bukti progres aksi perubahan); pembacaan
/// dicatat seperti [`ambil`].
pub(crate) async fn sajikan_untuk_rujukan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: &str,
    varian: Varian,
) -> Hasil<Sajian> {
    let b = cari(l, k, instansi_id, id).await?;
    Ok(sajikan(l, k, b, varian).await?.1)
}

async fn sajikan(l: &Layanan, k: &Konteks, b: Bukti, varian: Varian) -> Hasil<(Bukti, Sajian)> {
    let (instansi_id, id) = (b.instansi_id.as_str(), b.id.as_str());
    let a = k.aktor()?;
    if a.pengguna_id != b.pengunggah_id {
        crate::audit::catat_baca(l, k, instansi_id, JENIS_OBJEK, id).await?;
    }
    let tanpa_varian = || {
        Galat::TidakDitemukan(
            k.t(
                "Bukti ini bukan foto; hanya berkas aslinya yang tersedia (varian=asli).",
                "This evidence file is not a photo; only the original is available (varian=asli).",
            )
            .into(),
        )
    };
    let (kunci, mime, akhiran) = match varian {
        Varian::Asli => (b.sha256.clone(), b.jenis_mime.clone(), ""),
        Varian::Kecil => (
            b.sha256_kecil.clone().ok_or_else(tanpa_varian)?,
            b.jenis_mime_kecil
                .clone()
                .unwrap_or_else(|| "image/jpeg".into()),
            "-kecil",
        ),
        Varian::Mini => (
            b.sha256_mini.clone().ok_or_else(tanpa_varian)?,
            b.jenis_mime_mini
                .clone()
                .unwrap_or_else(|| "image/jpeg".into()),
            "-mini",
        ),
    };
    let io = |e: std::io::Error| Galat::Internal(format!("penyimpanan bukti: {e}"));
    let isi = match l.bukti.ambil(&kunci).await.map_err(io)? {
        Some(isi) => isi,
        // Salinan foto belum dibuat (atau hilang): dibuat sekarang, sekali.
        None if varian != Varian::Asli => buat_salinan(l, k, &b, varian, &kunci).await?,
        None => {
            tracing::error!(bukti = %b.id, kunci = %kunci, "berkas bukti hilang dari penyimpanan");
            return Err(Galat::Internal(format!("berkas bukti {kunci} hilang")));
        }
    };
    let sajian = Sajian {
        isi,
        nama_unduh: nama_unduh(&b.nama_asli, &mime, akhiran),
        jenis_mime: mime,
        lampiran: varian == Varian::Asli,
    };
    Ok((b, sajian))
}

/// Membuat salinan kecil dan mini sebuah foto dari aslinya (satu dekode untuk
/// keduanya), menyimpannya di kunci yang tercatat di barisnya, mencatat
/// ukurannya, dan mengembalikan isi varian yang diminta.
///
/// Sekali saja: di dalam proses, semafor [`OLAH_GAMBAR`] mengantrekan
/// permintaan pertama yang bersamaan dan yang menunggu memeriksa penyimpanan
/// lagi sebelum mendekode. Antarproses, dua pembuat menulis isi yang sama ke
/// kunci yang sama secara atomik (tulis lalu ganti nama), jadi yang kalah
/// hanya membuang kerja.
async fn buat_salinan(
    l: &Layanan,
    k: &Konteks,
    b: &Bukti,
    varian: Varian,
    kunci: &str,
) -> Hasil<Vec<u8>> {
    let io = |e: std::io::Error| Galat::Internal(format!("penyimpanan bukti: {e}"));
    let _izin = OLAH_GAMBAR
        .acquire()
        .await
        .map_err(|e| Galat::Internal(e.to_string()))?;
    if let Some(isi) = l.bukti.ambil(kunci).await.map_err(io)? {
        return Ok(isi);
    }
    let jenis = Jenis::dari_mime(&b.jenis_mime).filter(|j| j.foto());
    let (Some(jenis), Some(kunci_kecil), Some(kunci_mini)) =
        (jenis, b.sha256_kecil.clone(), b.sha256_mini.clone())
    else {
        return Err(Galat::Internal(format!("bukti {} bukan foto", b.id)));
    };
    let asli = l.bukti.ambil(&b.sha256).await.map_err(io)?.ok_or_else(|| {
        tracing::error!(bukti = %b.id, kunci = %b.sha256, "berkas bukti hilang dari penyimpanan");
        Galat::Internal(format!("berkas bukti {} hilang", b.sha256))
    })?;
    let mulai = std::time::Instant::now();
    let hasil = tokio::task::spawn_blocking(move || gambar::olah(&asli, jenis))
        .await
        .map_err(|e| Galat::Internal(format!("pengolah gambar: {e}")))?;
    let g = match hasil {
        Ok(g) => g,
        Err(e) => {
            // Kepala sah saat unggah, isinya tidak dapat didekode: aslinya
            // tetap dapat diunduh sebagai lampiran.
            tracing::warn!(bukti = %b.id, galat = ?e, "salinan foto tidak dapat dibuat");
            return Err(Galat::TidakDitemukan(
                k.t(
                    "Salinan foto ini tidak dapat dibuat karena isinya rusak; unduh aslinya (varian=asli).",
                    "A copy of this photo cannot be made because its content is damaged; download the original (varian=asli).",
                )
                .into(),
            ));
        }
    };
    // Mini dulu: begitu salinan kecil (yang diperiksa permintaan lain) ada,
    // keduanya ada.
    if kunci_mini != kunci_kecil {
        l.bukti.simpan(&kunci_mini, &g.mini.isi).await.map_err(io)?;
    }
    l.bukti
        .simpan(&kunci_kecil, &g.kecil.isi)
        .await
        .map_err(io)?;
    let (uk, um) = (g.kecil.isi.len() as i64, g.mini.isi.len() as i64);
    store::bukti::catat_salinan(
        l.pool(),
        &b.instansi_id,
        &b.id,
        uk,
        g.kecil.jenis_mime,
        um,
        g.mini.jenis_mime,
    )
    .await?;
    tracing::debug!(bukti = %b.id, ms = mulai.elapsed().as_millis() as u64, "salinan foto dibuat");
    Ok(match varian {
        Varian::Mini => g.mini.isi,
        _ => g.kecil.isi,
    })
}

/// Unggahan pengguna sendiri di instansinya, terbaru dulu (paling banyak 200).
pub async fn daftar_milik_saya(l: &Layanan, k: &Konteks, instansi_id: &str) -> Hasil<Vec<Bukti>> {
    let a = k.boleh_baca(instansi_id)?;
    Ok(store::bukti::daftar_pengunggah(l.pool(), instansi_id, &a.pengguna_id, 200).await?)
}

/// Menghapus baris bukti yang belum dirujuk rekaman lain. Berkasnya tetap
/// ada selama baris lain (unggahan yang sama) memakainya; bila tidak, dibuang
/// oleh [`bersihkan_yatim`] setelah masa tenggang.
pub async fn hapus(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<()> {
    let a = k.boleh_baca(instansi_id)?.clone();
    let b = cari(l, k, instansi_id, id).await?;
    if !boleh_hapus(&a, &b) {
        return Err(k.dilarang());
    }
    let mut tx = l.db.mulai().await?;
    if !store::bukti::hapus_bila_tanpa_rujukan(&mut tx, instansi_id, id).await? {
        let n = store::bukti::jumlah_rujukan(&mut tx, instansi_id, id).await?;
        return Err(if n > 0 {
            Galat::Konflik(
                k.t(
                    "Bukti ini masih dipakai rekaman lain; lepaskan dulu dari rekaman itu.",
                    "This evidence file is still used by another record; detach it there first.",
                )
                .into(),
            )
        } else {
            Galat::TidakDitemukan(
                k.t("Bukti tidak ditemukan.", "Evidence file not found.")
                    .into(),
            )
        });
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "hapus",
        JENIS_OBJEK,
        id,
        Some(&b),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Rekaman lain (SKP, realisasi, SAKIP, inovasi, aksi perubahan) mulai
/// memakai bukti ini; dipanggil layanan pemilik rekaman di transaksinya
/// sendiri, setelah ia memeriksa hak aktor atas rekamannya dan atas bukti
/// (mis. lewat [`lihat`]). Idempoten. Bukti instansi lain ditolak oleh FK.
pub async fn rujuk(
    tx: &mut store::Koneksi,
    instansi_id: &str,
    bukti_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<()> {
    Ok(store::bukti::tambah_rujukan(tx, instansi_id, bukti_id, jenis_objek, objek_id).await?)
}

/// Kebalikan [`rujuk`]. Bukti tanpa rujukan lagi menjadi yatim dan dibuang
/// setelah masa tenggang dihitung dari unggahannya.
pub async fn lepas(
    tx: &mut store::Koneksi,
    instansi_id: &str,
    bukti_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<bool> {
    Ok(store::bukti::hapus_rujukan(tx, instansi_id, bukti_id, jenis_objek, objek_id).await?)
}

/// Pembersihan yatim (tugas berkala; kelak dapat menjadi pekerjaan di tabel
/// jobs). Dengan `batas = sekarang - masa tenggang`:
/// 1. baris bukti tanpa rujukan yang dibuat sebelum batas dihapus (beserta audit);
/// 2. berkas di penyimpanan yang tidak dipakai baris mana pun (asli, kecil,
///    mini; instansi mana pun) dan tidak ditulis/disegarkan sejak batas dihapus;
/// 3. sisa berkas sementara yang lebih tua dari batas dibuang.
///
/// Aman dijalankan beberapa proses sekaligus (setiap langkah idempoten).
pub async fn bersihkan_yatim(
    l: &Layanan,
    sekarang: time::OffsetDateTime,
) -> Hasil<RingkasanBersih> {
    let tenggang = time::Duration::hours(l.konfigurasi.bukti_tenggang_jam.max(0));
    let batas = sekarang - tenggang;
    let batas_teks = store::format_waktu(batas);
    let batas_sistem = std::time::SystemTime::from(batas);
    let k = Konteks::sistem();
    let mut r = RingkasanBersih::default();
    loop {
        let yatim = store::bukti::yatim_sebelum(l.pool(), &batas_teks, 500).await?;
        if yatim.is_empty() {
            break;
        }
        let n = yatim.len();
        let mut tx = l.db.mulai().await?;
        for b in &yatim {
            if store::bukti::hapus_bila_tanpa_rujukan(&mut tx, &b.instansi_id, &b.id).await? {
                crate::audit::catat(
                    &mut tx,
                    &k,
                    &b.instansi_id,
                    "hapus",
                    JENIS_OBJEK,
                    &b.id,
                    Some(b),
                    None,
                )
                .await?;
                r.baris_dihapus += 1;
            }
        }
        tx.commit().await?;
        if n < 500 {
            break;
        }
    }
    let io = |e: std::io::Error| Galat::Internal(format!("penyimpanan bukti: {e}"));
    for f in l.bukti.daftar().await.map_err(io)? {
        if f.diubah >= batas_sistem || store::bukti::berkas_dipakai(l.pool(), &f.kunci).await? {
            continue;
        }
        // Waktu diperiksa lagi tepat sebelum dihapus: unggahan ulang isi yang
        // sama menyegarkannya sebelum menulis barisnya.
        if l.bukti
            .hapus(&f.kunci, Some(batas_sistem))
            .await
            .map_err(io)?
        {
            r.berkas_dihapus += 1;
        }
    }
    r.sisa_sementara_dihapus = l.bukti.buang_sisa(batas_sistem).await.map_err(io)?;
    if r != RingkasanBersih::default() {
        tracing::info!(
            baris = r.baris_dihapus,
            berkas = r.berkas_dihapus,
            sementara = r.sisa_sementara_dihapus,
            "bukti yatim dibersihkan"
        );
    }
    Ok(r)
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn megabita_dengan_bilangan_bulat() {
        assert_eq!(megabita(10 * 1024 * 1024), "10 MB");
        assert_eq!(megabita(1_572_864), "1.5 MB");
        assert_eq!(megabita(20_971_520), "20 MB");
    }

    #[test]
    fn nama_tanpa_jalur_dan_karakter_berbahaya() {
        assert_eq!(nama_aman("../../etc/passwd.png"), "passwd.png");
        assert_eq!(nama_aman("C:\\x\\y.pdf"), "y.pdf");
        assert_eq!(nama_aman("laporan\u{202E}fdp.exe"), "laporanfdp.exe");
        assert_eq!(nama_aman("a\0b\n.pdf"), "ab.pdf");
        assert_eq!(nama_aman("..."), "berkas");
        assert_eq!(nama_aman(""), "berkas");
        assert_eq!(nama_aman(".htaccess"), "htaccess");
        let panjang = format!("{}.pdf", "a".repeat(500));
        let n = nama_aman(&panjang);
        assert_eq!(n.chars().count(), validasi::MAKS_NAMA);
        assert!(n.ends_with(".pdf"));
    }

    #[test]
    fn kunci_salinan_turunan_asli() {
        let asli = "ab".repeat(32);
        let kecil = kunci_salinan(&asli, Varian::Kecil);
        let mini = kunci_salinan(&asli, Varian::Mini);
        assert!(penyimpan::kunci_sah(&kecil) && penyimpan::kunci_sah(&mini));
        assert_ne!(kecil, mini);
        assert_ne!(kecil, asli);
        assert_eq!(kecil, kunci_salinan(&asli, Varian::Kecil), "tetap");
        assert_ne!(kecil, kunci_salinan(&"cd".repeat(32), Varian::Kecil));
        assert_eq!(kunci_salinan(&asli, Varian::Asli), asli);
    }

    #[test]
    fn nama_unduh_mengikuti_jenis_isi() {
        assert_eq!(nama_unduh("foto.pdf", "image/png", ""), "foto.pdf.png");
        assert_eq!(nama_unduh("foto.JPG", "image/jpeg", ""), "foto.JPG");
        assert_eq!(
            nama_unduh("foto.png", "image/jpeg", "-kecil"),
            "foto-kecil.jpg"
        );
        assert_eq!(nama_unduh("laporan", "application/pdf", ""), "laporan.pdf");
    }
}
