mod umum;

use laporan::*;
use umum::*;

/// Isian kosong (mis. data yang belum lengkap) tetap menghasilkan dokumen.
#[test]
fn data_kosong_tetap_dirender() {
    let pk = perjanjian_kinerja_pdf(&PerjanjianKinerja::default()).expect("PK kosong");
    assert!(pk.starts_with(b"%PDF"));
    assert!(halaman(&pk).join(" ").contains("Tidak ada data."));

    let l = Lkjip {
        evaluasi: Some(Evaluasi::default()),
        ..Default::default()
    };
    let lk = lkjip_pdf(&l).expect("LKjIP kosong");
    assert!(lk.starts_with(b"%PDF"));
}

/// Karakter kendali, arah teks, emoji dan aksara tanpa fon tidak boleh
/// menggagalkan render; glyph yang tak ada cukup tampil kosong.
#[test]
fn karakter_aneh_tidak_menggagalkan_render() {
    let aneh = "a\u{0}b\u{7}c\td\r\ne\u{202e}f\u{200b}g 😀 漢字 مرحبا e\u{301} \u{feff}";
    let mut d = contoh_pk();
    d.unit = aneh.into();
    d.sasaran[0].indikator = aneh.into();
    d.pihak_pertama.nama = aneh.into();
    let pdf = perjanjian_kinerja_pdf(&d).expect("render");
    assert!(pdf.starts_with(b"%PDF"));

    let mut l = contoh_lkjip();
    l.instansi = aneh.into();
    l.ringkasan = vec![aneh.into()];
    l.capaian_iku[0].penjelasan = aneh.into();
    assert!(lkjip_pdf(&l).expect("render").starts_with(b"%PDF"));
}

/// Mesin typst dipakai bersama; render dari beberapa thread sekaligus
/// (spawn_blocking di server) harus memberi hasil yang sama dengan berurutan.
#[test]
fn render_bersamaan_dari_banyak_thread() {
    let tunggal = halaman(&perjanjian_kinerja_pdf(&contoh_pk()).expect("render"));
    let hasil: Vec<Vec<u8>> = std::thread::scope(|s| {
        let tugas: Vec<_> = (0..4)
            .map(|i| {
                s.spawn(move || {
                    if i % 2 == 0 {
                        perjanjian_kinerja_pdf(&contoh_pk()).expect("PK")
                    } else {
                        lkjip_pdf(&contoh_lkjip()).expect("LKjIP")
                    }
                })
            })
            .collect();
        tugas
            .into_iter()
            .map(|t| t.join().expect("thread"))
            .collect()
    });
    assert_eq!(halaman(&hasil[0]), tunggal);
    assert_eq!(halaman(&hasil[2]), tunggal);
    assert!(halaman(&hasil[1]).join(" ").contains("BAB IV PENUTUP"));
}
