use laporan::*;
use std::time::Instant;

fn iki(i: usize) -> BarisIndikatorDokumen {
    BarisIndikatorDokumen { aspek: "Kuantitas".into(), indikator: format!("IKI {i}"), target: "1".into(), realisasi: "1".into(), umpan_balik: "ok".into() }
}
fn ukur(nama: &str, f: impl FnOnce() -> Result<Vec<u8>, GalatLaporan>) {
    let t = Instant::now();
    let r = f();
    eprintln!("{nama}: {:?} ms, {:?}", t.elapsed().as_millis(), r.as_ref().map(|b| b.len()).map_err(|e| e.to_string()));
}
#[test]
fn ukur_semua() {
    let dasar = DokumenEvaluasi { ..Default::default() };
    let mut e = dasar.clone();
    e.utama = vec![BarisRhkDokumen { rhk: "RHK".into(), rhk_pimpinan: "P".into(), perspektif: String::new(), indikator: (0..4990).map(iki).collect() }];
    ukur("eval 1 rhk 4990 iki", || evaluasi_kinerja_pdf(&e));
    let mut e = dasar.clone();
    e.utama = (0..4990).map(|i| BarisRhkDokumen { rhk: format!("R{i}"), rhk_pimpinan: "P".into(), perspektif: String::new(), indikator: vec![] }).collect();
    ukur("eval 4990 rhk sama pimpinan", || evaluasi_kinerja_pdf(&e));
    let mut e = dasar.clone();
    let teks = "kata ".repeat(3_999);
    e.utama = (0..4).map(|_| BarisRhkDokumen { rhk: teks.clone(), rhk_pimpinan: "P".into(), perspektif: String::new(), indikator: vec![BarisIndikatorDokumen { realisasi: teks.clone(), ..iki(0) }] }).collect();
    ukur("eval 9x2 sel 20rb karakter kolom sempit", || evaluasi_kinerja_pdf(&e));
    let mut d = DokumenSkp::default();
    d.utama = (0..4).map(|_| BarisRhkDokumen { rhk: teks.clone(), rhk_pimpinan: teks.clone(), perspektif: String::new(), indikator: vec![BarisIndikatorDokumen { target: String::new(), ..iki(0) }] }).collect();
    ukur("skp 9x2 sel 20rb karakter", || skp_pdf(&d));
    let mut d = DokumenSkp::default();
    d.perilaku = (0..4).map(|_| PerilakuDokumen { nilai: "X".into(), panduan: vec![teks.clone()], ekspektasi: teks.clone(), umpan_balik: String::new() }).collect();
    ukur("skp perilaku 9x2 20rb", || skp_pdf(&d));
    let mut d = DokumenSkp::default();
    d.perilaku = (0..2400).map(|i| PerilakuDokumen { nilai: format!("N{i}"), panduan: vec!["a".into()], ekspektasi: "e".into(), umpan_balik: String::new() }).collect();
    ukur("skp 2400 perilaku", || skp_pdf(&d));
    let mut d = DokumenSkp::default();
    d.lampiran.konsekuensi = (0..4990).map(|i| format!("K{i}")).collect();
    ukur("skp lampiran 4990", || skp_pdf(&d));
}
#[test]
fn tulis_besar() {
    let teks = "kata ".repeat(3_999);
    let mut d = DokumenSkp::default();
    d.utama = (0..4).map(|_| BarisRhkDokumen { rhk: teks.clone(), rhk_pimpinan: teks.clone(), perspektif: String::new(), indikator: vec![BarisIndikatorDokumen { target: String::new(), ..iki(0) }] }).collect();
    std::fs::write("/tmp/besar.pdf", skp_pdf(&d).unwrap()).unwrap();
    let mut e = DokumenEvaluasi::default();
    e.utama = (0..4).map(|_| BarisRhkDokumen { rhk: teks.clone(), rhk_pimpinan: "P".into(), perspektif: String::new(), indikator: vec![BarisIndikatorDokumen { realisasi: teks.clone(), ..iki(0) }] }).collect();
    std::fs::write("/tmp/besar_e.pdf", evaluasi_kinerja_pdf(&e).unwrap()).unwrap();
}
#[test]
fn tulis_pk() {
    std::fs::write("/tmp/pk.pdf", perjanjian_kinerja_pdf(&PerjanjianKinerja::default()).unwrap()).unwrap();
}
