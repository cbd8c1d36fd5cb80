//! Grafik SVG kecil yang ditulis tangan: terbaca di ponsel (lebar 100 %,
//! `viewBox`, teks ≥ 11 px), `<title>` di setiap titik, tanpa JavaScript dan
//! tanpa pustaka grafik (halaman harus muat di bawah 14 KB terkompresi).

use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Satu titik sebaran (nilai dalam persen).
pub struct Titik {
    pub x: f64,
    pub y: f64,
    pub judul: String,
    /// Bertanda merah.
    pub merah: bool,
}

/// Sebaran penyerapan (x) × capaian (y) dengan garis ekspektasi waktu di
/// kedua sumbu dan zona "uang habis, hasil tidak jelas" (x ≥ ambang_x,
/// y ≤ ambang_y) diarsir. Nilai di atas 120 % digambar di tepi. Koordinat
/// f64 hanya untuk menggambar; angka yang ditampilkan tetap dari Decimal.
pub fn sebaran(
    titik: &[Titik],
    ekspektasi: f64,
    ambang_x: f64,
    ambang_y: f64,
    label_x: &str,
    label_y: &str,
    judul: &str,
) -> String {
    const W: f64 = 320.0;
    const H: f64 = 240.0;
    const KIRI: f64 = 34.0;
    const BAWAH: f64 = 24.0;
    const MAKS: f64 = 120.0;
    let px = |v: f64| KIRI + v.clamp(0.0, MAKS) / MAKS * (W - KIRI - 6.0);
    let py = |v: f64| (H - BAWAH) - v.clamp(0.0, MAKS) / MAKS * (H - BAWAH - 6.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg viewBox="0 0 {W} {H}" width="100%" role="img" aria-label="{}" style="max-width:36rem;background:#fff;font-size:11px">"##,
        esc(judul)
    );
    let _ = write!(s, "<title>{}</title>", esc(judul));
    // Zona merah.
    let _ = write!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#fdf0ef"/>"##,
        px(ambang_x),
        py(ambang_y),
        px(MAKS) - px(ambang_x),
        py(0.0) - py(ambang_y)
    );
    // Sumbu dan garis bantu tiap 20 %.
    for v in (0..=120).step_by(20) {
        let v = f64::from(v);
        let _ = write!(
            s,
            r##"<line x1="{a:.1}" y1="{y:.1}" x2="{b:.1}" y2="{y:.1}" stroke="#e6eaee"/><text x="{t:.1}" y="{ty:.1}" text-anchor="end" fill="#5b6675">{v}</text>"##,
            a = px(0.0),
            b = px(MAKS),
            y = py(v),
            t = KIRI - 3.0,
            ty = py(v) + 4.0
        );
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="#5b6675">{v}</text>"##,
            x = px(v),
            y = H - BAWAH + 13.0
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{e:.1}" y1="{a:.1}" x2="{e:.1}" y2="{b:.1}" stroke="#0b5d7a" stroke-dasharray="4 3"/><line x1="{c:.1}" y1="{f:.1}" x2="{d:.1}" y2="{f:.1}" stroke="#0b5d7a" stroke-dasharray="4 3"/>"##,
        e = px(ekspektasi),
        a = py(0.0),
        b = py(MAKS),
        c = px(0.0),
        d = px(MAKS),
        f = py(ekspektasi)
    );
    let _ = write!(
        s,
        r##"<text x="{x:.1}" y="{y:.1}" text-anchor="end" fill="#1c2430">{}</text><text x="10" y="12" fill="#1c2430">{}</text>"##,
        esc(label_x),
        esc(label_y),
        x = W - 6.0,
        y = H - 1.0
    );
    for t in titik {
        let warna = if t.merah { "#b3261e" } else { "#1e6b36" };
        let _ = write!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="5" fill="{warna}" fill-opacity=".8"><title>{}</title></circle>"##,
            px(t.x),
            py(t.y),
            esc(&t.judul)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn sebaran_memuat_titik_dan_judul_teraman() {
        let t = [Titik {
            x: 95.0,
            y: 30.0,
            judul: "1.03 <jalan>".into(),
            merah: true,
        }];
        let s = sebaran(
            &t,
            91.67,
            90.0,
            50.0,
            "Penyerapan %",
            "Capaian %",
            "Sebaran",
        );
        assert!(s.starts_with("<svg viewBox"));
        assert!(s.contains("<title>1.03 &lt;jalan&gt;</title>"));
        assert!(s.contains("#b3261e"));
        assert_eq!(s.matches("<circle").count(), 1);
    }
}

/// Garis kumulatif per bulan (persen) dengan garis ekspektasi waktu
/// (bulan/12 × 100) putus-putus.
pub fn garis_bulanan(titik: &[(u8, f64)], label: &str, judul: &str) -> String {
    const W: f64 = 320.0;
    const H: f64 = 180.0;
    const KIRI: f64 = 34.0;
    const BAWAH: f64 = 22.0;
    let px = |b: f64| KIRI + (b / 12.0) * (W - KIRI - 8.0);
    let py = |v: f64| (H - BAWAH) - v.clamp(0.0, 110.0) / 110.0 * (H - BAWAH - 8.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg viewBox="0 0 {W} {H}" width="100%" role="img" aria-label="{}" style="max-width:36rem;background:#fff;font-size:11px"><title>{}</title>"##,
        esc(judul),
        esc(judul)
    );
    for v in [0, 25, 50, 75, 100] {
        let v = f64::from(v);
        let _ = write!(
            s,
            r##"<line x1="{a:.1}" y1="{y:.1}" x2="{b:.1}" y2="{y:.1}" stroke="#e6eaee"/><text x="{t:.1}" y="{ty:.1}" text-anchor="end" fill="#5b6675">{v}</text>"##,
            a = px(0.0),
            b = px(12.0),
            y = py(v),
            t = KIRI - 3.0,
            ty = py(v) + 4.0
        );
    }
    for b in [3, 6, 9, 12] {
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="#5b6675">{b}</text>"##,
            x = px(f64::from(b)),
            y = H - 6.0
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#0b5d7a" stroke-dasharray="4 3"/>"##,
        px(0.0),
        py(0.0),
        px(12.0),
        py(100.0)
    );
    if !titik.is_empty() {
        let jalur: Vec<String> = std::iter::once((0u8, 0.0))
            .chain(titik.iter().copied())
            .map(|(b, v)| format!("{:.1},{:.1}", px(f64::from(b)), py(v)))
            .collect();
        let _ = write!(
            s,
            r##"<polyline points="{}" fill="none" stroke="#b3261e" stroke-width="2"/>"##,
            jalur.join(" ")
        );
        for (b, v) in titik {
            let _ = write!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="#b3261e"><title>{} {b}: {v:.2}%</title></circle>"##,
                px(f64::from(*b)),
                py(*v),
                esc(label)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// Satu baris pohon kinerja untuk SVG cetak.
pub struct BarisPohon {
    pub kedalaman: usize,
    pub kode: String,
    pub nama: String,
    /// Capaian dua desimal, bila ada.
    pub capaian: Option<String>,
    /// `hijau` | `kuning` | `merah` | `abu`.
    pub warna: String,
}

/// Warna isi (latar, tepi) per token warna capaian.
fn warna_capaian(w: &str) -> (&'static str, &'static str) {
    match w {
        "hijau" => ("#e3f4e6", "#1b7a34"),
        "kuning" => ("#fff4d1", "#9a6b00"),
        "merah" => ("#fde4e1", "#b3261e"),
        _ => ("#eef0f2", "#6b7280"),
    }
}

/// Pohon kinerja sebagai SVG untuk dicetak: satu baris per simpul,
/// menjorok menurut kedalaman, diwarnai menurut capaian.
pub fn pohon(baris: &[BarisPohon], judul: &str) -> String {
    const W: usize = 760;
    const T: usize = 26;
    let h = 40 + baris.len() * T;
    let mut s = String::with_capacity(200 + baris.len() * 260);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {h}" width="{W}" height="{h}" role="img" aria-label="{j}" style="background:#fff;font-family:sans-serif;font-size:12px"><title>{j}</title><text x="8" y="22" font-size="15" font-weight="bold">{j}</text>"##,
        j = esc(judul)
    );
    for (i, b) in baris.iter().enumerate() {
        let y = 36 + i * T;
        let x = 8 + b.kedalaman.min(8) * 22;
        let (isi, tepi) = warna_capaian(&b.warna);
        let nama: String = if b.nama.chars().count() > 70 {
            b.nama.chars().take(69).chain(['…']).collect()
        } else {
            b.nama.clone()
        };
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{y}" width="{w}" height="22" rx="3" fill="{isi}" stroke="{tepi}"/><text x="{tx}" y="{ty}"><tspan font-weight="bold">{kode}</tspan> {nama}</text><text x="{cx}" y="{ty}" text-anchor="end" fill="{tepi}" font-weight="bold">{cap}</text>"##,
            w = W - x - 8,
            tx = x + 6,
            ty = y + 15,
            cx = W - 14,
            kode = esc(&b.kode),
            nama = esc(&nama),
            cap = b
                .capaian
                .as_deref()
                .map(|c| format!("{c} %"))
                .unwrap_or_else(|| "–".into()),
        );
    }
    s.push_str("</svg>");
    s
}
