//! Menulis CSV dan XLSX dengan kolom yang sama dengan impor.

use super::{Jenis, Kolom};
use crate::{Bahasa, Galat, Hasil};
use rust_xlsxwriter::{Color, DataValidation, DataValidationErrorStyle, Format, Workbook};

/// Karakter awal yang membuat spreadsheet menjalankan sel CSV sebagai rumus.
const AWAL_RUMUS: [char; 4] = ['=', '+', '-', '@'];

/// Sel CSV yang diawali `=`, `+`, `-` atau `@` diberi awalan `'` agar tidak
/// dijalankan sebagai rumus saat dibuka di spreadsheet (injeksi CSV); impor
/// CSV membuang awalan itu lagi ([`buka_lindung`]).
fn lindungi(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(AWAL_RUMUS) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Kebalikan [`lindungi`].
pub(crate) fn buka_lindung(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(r) if r.starts_with(AWAL_RUMUS) => r,
        _ => s,
    }
}

fn galat<E: std::fmt::Display>(e: E) -> Galat {
    Galat::Internal(format!("menulis berkas: {e}"))
}

/// CSV UTF-8 dengan BOM (agar Excel membaca huruf non-ASCII dengan benar),
/// pemisah koma.
pub(crate) fn csv(kolom: &[Kolom], baris: &[Vec<String>]) -> Hasil<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().from_writer(&mut out);
        w.write_record(kolom.iter().map(|k| k.nama))
            .map_err(galat)?;
        for b in baris {
            w.write_record(b.iter().map(|s| lindungi(s).into_owned()))
                .map_err(galat)?;
        }
        w.flush().map_err(galat)?;
    }
    Ok(out)
}

fn lebar(nama: &str) -> f64 {
    match nama {
        "nip" | "nip_atasan" => 21.0,
        "nama" | "unit" | "jabatan" | "induk" | "email" => 32.0,
        "id" => 38.0,
        _ => 14.0,
    }
}

/// XLSX: lembar data bernama seperti jenisnya dengan semua kolom berformat
/// Teks (NIP yang diketik tetap 18 digit), daftar pilihan pada kolom
/// berkode, baris judul dibekukan; lalu lembar petunjuk.
pub(crate) fn xlsx(b: Bahasa, jenis: Jenis, baris: &[Vec<String>]) -> Hasil<Vec<u8>> {
    xlsx_tabel(b, jenis.kode(), jenis.kolom(), baris)
}

/// XLSX untuk tabel apa pun (ekspor dasbor) dengan penulis dan perlindungan
/// yang sama dengan templat impor.
pub(crate) fn xlsx_tabel(
    b: Bahasa,
    nama_lembar: &str,
    kolom: &[Kolom],
    baris: &[Vec<String>],
) -> Hasil<Vec<u8>> {
    let mut wb = Workbook::new();
    let teks = Format::new().set_num_format("@");
    let judul = Format::new()
        .set_bold()
        .set_num_format("@")
        .set_background_color(Color::RGB(0xE6F1F5));
    {
        let ws = wb.add_worksheet();
        ws.set_name(nama_lembar).map_err(galat)?;
        for (c, k) in kolom.iter().enumerate() {
            let c = c as u16;
            ws.set_column_format(c, &teks).map_err(galat)?;
            ws.set_column_width(c, lebar(k.nama)).map_err(galat)?;
            ws.write_string_with_format(0, c, k.nama, &judul)
                .map_err(galat)?;
            if !k.pilihan.is_empty() {
                let dv = DataValidation::new()
                    .allow_list_strings(k.pilihan)
                    .map_err(galat)?
                    .ignore_blank(true)
                    .set_error_style(DataValidationErrorStyle::Warning);
                ws.add_data_validation(1, c, 1_048_575, c, &dv)
                    .map_err(galat)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(galat)?;
        for (r, isi) in baris.iter().enumerate() {
            for (c, v) in isi.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string_with_format(r as u32 + 1, c as u16, v, &teks)
                        .map_err(galat)?;
                }
            }
        }
    }
    {
        let ws = wb.add_worksheet();
        let t = |id: &'static str, en: &'static str| crate::teks::t(b, id, en);
        ws.set_name(t("petunjuk", "guide")).map_err(galat)?;
        ws.set_column_width(0, 16).map_err(galat)?;
        ws.set_column_width(1, 10).map_err(galat)?;
        ws.set_column_width(2, 100).map_err(galat)?;
        let tebal = Format::new().set_bold();
        ws.write_string_with_format(0, 0, t("kolom", "column"), &tebal)
            .map_err(galat)?;
        ws.write_string_with_format(0, 1, t("wajib", "required"), &tebal)
            .map_err(galat)?;
        ws.write_string_with_format(0, 2, t("keterangan", "description"), &tebal)
            .map_err(galat)?;
        for (i, k) in kolom.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, k.nama).map_err(galat)?;
            ws.write_string(r, 1, if k.wajib { t("ya", "yes") } else { "" })
                .map_err(galat)?;
            ws.write_string(r, 2, k.keterangan(b)).map_err(galat)?;
        }
        let umum = [
            t(
                "Isi lembar pertama mulai baris 2; baris 1 (judul kolom) jangan diubah. Satu berkas diimpor utuh atau tidak sama sekali.",
                "Fill the first sheet from row 2; keep row 1 (column names). A file is imported entirely or not at all.",
            ),
            t(
                "NIP harus teks (kolom ini sudah berformat Teks). Sebagai angka Excel hanya menyimpan 15 digit: 198503152010011002 menjadi 198503152010011000.",
                "NIPs must be text (these columns are already formatted as Text). As a number Excel keeps only 15 digits: 198503152010011002 becomes 198503152010011000.",
            ),
            t(
                "Impor ulang berkas yang sama memperbarui data, tidak menggandakannya. Kolom yang dihapus dari berkas tidak mengubah data lama.",
                "Importing the same file again updates records instead of duplicating them. Columns removed from the file leave old values unchanged.",
            ),
        ];
        let awal = kolom.len() as u32 + 2;
        for (i, s) in umum.iter().enumerate() {
            ws.write_string(awal + i as u32, 2, *s).map_err(galat)?;
        }
    }
    wb.save_to_buffer().map_err(galat)
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn injeksi_csv_dilindungi_dan_dibuka_lagi() {
        for s in [
            "=HYPERLINK(\"x\")",
            "+6281234",
            "-",
            "@a",
            "biasa",
            "'kutip",
        ] {
            assert_eq!(buka_lindung(&lindungi(s)), s);
        }
        assert_eq!(lindungi("=1+1"), "'=1+1");
    }
}
