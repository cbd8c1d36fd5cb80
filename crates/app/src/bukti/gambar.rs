//! Salinan kecil dan gambar mini foto. Dikodekan ulang dari piksel, sehingga
//! metadata asli (EXIF, komentar, potongan teks PNG — termasuk skrip yang
//! diselipkan di sana) tidak ikut. Ukuran gambar diperiksa dari kepalanya
//! sebelum didekode, agar "bom dekompresi" (berkas kecil, piksel miliaran)
//! ditolak sebelum memori dipesan.
//!
//! Saat unggah hanya kepala yang dibaca ([`periksa_kepala`]); salinan dibuat
//! saat pertama diminta ([`olah`], docs/adr/0017-salinan-foto-malas.md).

use super::jenis::Jenis;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Sisi terpanjang salinan kecil (pratinjau di halaman).
pub const SISI_KECIL: u32 = 1600;
/// Sisi terpanjang gambar mini (daftar).
pub const SISI_MINI: u32 = 256;
/// Foto lebih dari ini ditolak (50 megapiksel; kamera ponsel 12–50 MP).
pub const MAKS_PIKSEL: u64 = 50_000_000;
/// Sisi terpanjang yang diterima.
pub const MAKS_SISI: u32 = 20_000;
/// Memori yang boleh dipesan pembaca gambar untuk satu foto.
pub const MAKS_MEMORI: u64 = 320 * 1024 * 1024;

pub struct Salinan {
    pub isi: Vec<u8>,
    pub jenis_mime: &'static str,
}

pub struct HasilGambar {
    pub lebar: u32,
    pub tinggi: u32,
    pub kecil: Salinan,
    pub mini: Salinan,
}

#[derive(Debug)]
pub enum GalatGambar {
    /// Lebih besar dari batas: (lebar, tinggi).
    TerlaluBesar(u32, u32),
    /// Tidak dapat dibaca sebagai gambar jenis itu.
    Rusak(String),
}

/// Yang dibaca dari kepala foto saat unggah, tanpa mendekode piksel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kepala {
    pub lebar: u32,
    pub tinggi: u32,
    /// Beralfa: salinannya PNG; tanpa alfa: JPEG.
    pub alfa: bool,
}

impl Kepala {
    /// Jenis salinan yang akan dibuat [`olah`] (lihat [`kodekan`]).
    pub fn jenis_mime_salinan(&self) -> &'static str {
        if self.alfa { "image/png" } else { "image/jpeg" }
    }
}

fn format(j: Jenis) -> Option<ImageFormat> {
    match j {
        Jenis::Jpeg => Some(ImageFormat::Jpeg),
        Jenis::Png => Some(ImageFormat::Png),
        Jenis::Webp => Some(ImageFormat::WebP),
        _ => None,
    }
}

fn rusak(e: image::ImageError) -> GalatGambar {
    GalatGambar::Rusak(e.to_string())
}

/// Ukuran dan alfa dari kepala berkas saja (tanpa dekode piksel; murah,
/// dipanggil saat unggah). Foto di atas [`MAKS_PIKSEL`] atau sisi
/// [`MAKS_SISI`] ditolak di sini, sebelum apa pun didekode.
pub fn periksa_kepala(isi: &[u8], jenis: Jenis) -> Result<Kepala, GalatGambar> {
    let f = format(jenis).ok_or_else(|| GalatGambar::Rusak("bukan foto".into()))?;
    let dekoder = ImageReader::with_format(Cursor::new(isi), f)
        .into_decoder()
        .map_err(rusak)?;
    let (lebar, tinggi) = dekoder.dimensions();
    if lebar == 0
        || tinggi == 0
        || lebar > MAKS_SISI
        || tinggi > MAKS_SISI
        || u64::from(lebar) * u64::from(tinggi) > MAKS_PIKSEL
    {
        return Err(GalatGambar::TerlaluBesar(lebar, tinggi));
    }
    Ok(Kepala {
        lebar,
        tinggi,
        alfa: dekoder.color_type().has_alpha(),
    })
}

/// Membuat salinan kecil dan mini (kerja CPU: panggil di `spawn_blocking`).
/// Kepala diperiksa lagi lebih dulu (berkas lama, atau batas yang berubah).
pub fn olah(isi: &[u8], jenis: Jenis) -> Result<HasilGambar, GalatGambar> {
    let f = format(jenis).ok_or_else(|| GalatGambar::Rusak("bukan foto".into()))?;
    // 1. Ukuran dari kepala berkas saja.
    let Kepala { lebar, tinggi, .. } = periksa_kepala(isi, jenis)?;
    // 2. Dekode dengan batas yang sama (kepala bisa berbohong) dan batas memori.
    let mut r = ImageReader::with_format(Cursor::new(isi), f);
    let mut batas = Limits::default();
    batas.max_image_width = Some(MAKS_SISI);
    batas.max_image_height = Some(MAKS_SISI);
    batas.max_alloc = Some(MAKS_MEMORI);
    r.limits(batas);
    let mut dekoder = r.into_decoder().map_err(rusak)?;
    let arah = dekoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let gambar = DynamicImage::from_decoder(dekoder).map_err(rusak)?;
    // 3. Perkecil dulu, lalu putar sesuai EXIF (lebih murah; kotaknya persegi).
    let mut kecil = perkecil(&gambar, SISI_KECIL);
    drop(gambar);
    kecil.apply_orientation(arah);
    let mini = perkecil(&kecil, SISI_MINI);
    Ok(HasilGambar {
        lebar,
        tinggi,
        kecil: kodekan(&kecil).map_err(rusak)?,
        mini: kodekan(&mini).map_err(rusak)?,
    })
}

fn perkecil(g: &DynamicImage, sisi: u32) -> DynamicImage {
    if g.width() <= sisi && g.height() <= sisi {
        g.clone()
    } else {
        g.resize(sisi, sisi, image::imageops::FilterType::Triangle)
    }
}

/// Foto tanpa transparansi → JPEG (kualitas 82); dengan transparansi → PNG.
fn kodekan(g: &DynamicImage) -> Result<Salinan, image::ImageError> {
    let mut isi = Vec::new();
    if g.color().has_alpha() {
        g.to_rgba8()
            .write_to(&mut Cursor::new(&mut isi), ImageFormat::Png)?;
        Ok(Salinan {
            isi,
            jenis_mime: "image/png",
        })
    } else {
        let rgb = g.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut isi, 82).encode_image(&rgb)?;
        Ok(Salinan {
            isi,
            jenis_mime: "image/jpeg",
        })
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    fn png(g: DynamicImage) -> Vec<u8> {
        let mut isi = Vec::new();
        g.write_to(&mut Cursor::new(&mut isi), ImageFormat::Png)
            .unwrap();
        isi
    }

    #[test]
    fn kepala_meramalkan_jenis_salinan() {
        let rgba = png(DynamicImage::new_rgba8(300, 20));
        let rgb = png(DynamicImage::new_rgb8(30, 2000));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .encode_image(&image::RgbImage::new(64, 48))
            .unwrap();
        for (isi, jenis, ukuran) in [
            (&rgba, Jenis::Png, (300, 20)),
            (&rgb, Jenis::Png, (30, 2000)),
            (&jpeg, Jenis::Jpeg, (64, 48)),
        ] {
            let k = periksa_kepala(isi, jenis).unwrap();
            assert_eq!((k.lebar, k.tinggi), ukuran);
            let h = olah(isi, jenis).unwrap();
            assert_eq!(k.jenis_mime_salinan(), h.kecil.jenis_mime);
            assert_eq!(k.jenis_mime_salinan(), h.mini.jenis_mime);
        }
    }

    #[test]
    fn kepala_rusak_atau_terlalu_besar_ditolak() {
        assert!(matches!(
            periksa_kepala(b"\xFF\xD8\xFF\xE0 bukan jpeg", Jenis::Jpeg),
            Err(GalatGambar::Rusak(_))
        ));
        assert!(matches!(
            periksa_kepala(b"%PDF-1.4", Jenis::Pdf),
            Err(GalatGambar::Rusak(_))
        ));
    }
}
