//! Label token dan format angka untuk tampilan hasil.

use app::Bahasa;
use rules::abk::KategoriEj;
use rules::permenpanrb_6_2022::PredikatKinerjaPegawai;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Format angka dan label token
// ---------------------------------------------------------------------------

/// "1234.50" → "1.234,50" (id) atau "1,234.50" (en). Teks yang bukan angka
/// desimal sederhana dikembalikan apa adanya.
pub(crate) fn format_angka(s: &str, b: Bahasa) -> String {
    let (tanda, angka) = s.strip_prefix('-').map(|a| ("-", a)).unwrap_or(("", s));
    let (bulat, pecahan) = angka
        .split_once('.')
        .map(|(x, y)| (x, Some(y)))
        .unwrap_or((angka, None));
    let digit = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    if !digit(bulat) || pecahan.is_some_and(|p| !digit(p)) {
        return s.to_string();
    }
    let (ribuan, desimal) = match b {
        Bahasa::Id => ('.', ','),
        Bahasa::En => (',', '.'),
    };
    let mut out = String::from(tanda);
    for (i, c) in bulat.chars().enumerate() {
        if i > 0 && (bulat.len() - i) % 3 == 0 {
            out.push(ribuan);
        }
        out.push(c);
    }
    if let Some(p) = pecahan {
        out.push(desimal);
        out.push_str(p);
    }
    out
}

/// "ahli_pertama" → "Ahli Pertama".
pub(crate) fn judul_token(t: &str) -> String {
    t.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Label token keluaran dalam bahasa pengguna.
pub(crate) fn label_token(nama: &str, kunci: &str, token: &str, b: Bahasa) -> String {
    if nama == "predikat-kinerja" {
        if let Some(p) = PredikatKinerjaPegawai::dari_token(token) {
            return p.label(b).to_string();
        }
    }
    if nama == "status-aksi-perubahan"
        && kunci == "status"
        && let Some(s) = rules::aksi_perubahan::StatusAksi::dari_token(token)
    {
        return s.label(b).to_string();
    }
    if kunci == "kategori_ej" {
        if let Some(k) = KategoriEj::dari_token(token) {
            return format!("{token} ({})", k.label(b));
        }
    }
    match label_dikenal(kunci, token, b) {
        Some(l) => l,
        None if token.chars().all(|c| c.is_ascii_uppercase()) => token.to_string(),
        None => judul_token(token),
    }
}

/// Label token yang dikenal halaman ini; `None` untuk token lain.
pub(crate) fn label_dikenal(kunci: &str, token: &str, b: Bahasa) -> Option<String> {
    let t = |id: &'static str, en: &'static str| app::teks::t(b, id, en).to_string();
    Some(match token {
        "sangat_baik" => t("Sangat Baik", "Very Good"),
        "baik" => t("Baik", "Good"),
        "cukup" => t("Cukup", "Fair"),
        "kurang" => t("Kurang", "Poor"),
        "sangat_kurang" => t("Sangat Kurang", "Very Poor"),
        "butuh_perbaikan" => t("Butuh Perbaikan", "Needs Improvement"),
        "buruk" => t("Buruk", "Bad"),
        "pns" => "PNS".into(),
        "pppk" => "PPPK".into(),
        "L" if kunci == "jenis_kelamin" => t("Laki-laki", "Male"),
        "P" if kunci == "jenis_kelamin" => t("Perempuan", "Female"),
        "pemda" => t("Pemerintah daerah", "Regional government"),
        "kl" => t("Kementerian/Lembaga", "Ministry/agency"),
        "urusan" => t("Urusan", "Affair"),
        "bidang_urusan" => t("Bidang urusan", "Affair field"),
        "sub_kegiatan" => t("Sub kegiatan", "Sub-activity"),
        "bagian_anggaran" => t("Bagian anggaran", "Budget section"),
        "unit_eselon_1" => t("Unit eselon I", "Echelon I unit"),
        "kegiatan" => t("Kegiatan", "Activity"),
        "kro" => "KRO".into(),
        "ro" => "RO".into(),
        "bawah" => t("dibulatkan ke bawah", "rounded down"),
        "atas" => t("dibulatkan ke atas", "rounded up"),
        "terdekat" => t("ke terdekat", "to the nearest"),
        "ke_atas" => t("ke atas", "up"),
        "bulan_per_12" => t("× bulan/12", "× months/12"),
        "tanpa_prorata" => t("tanpa pro-rata", "none"),
        "permendagri_12_2008" => "Permendagri 12/2008".into(),
        "kemenkeu_jla" => "Kemenkeu (JLA)".into(),
        "program" => t("Program", "Programme"),
        "komponen" => t("Komponen", "Component"),
        "layanan" => t("Layanan", "Service"),
        "aktifitas" => t("Aktifitas", "Activity"),
        _ => return None,
    })
}

/// Label kunci `penjelasan`.
pub(crate) fn label_rincian(kunci: &str, b: Bahasa) -> String {
    let t = |id: &'static str, en: &'static str| app::teks::t(b, id, en).to_string();
    match kunci {
        "capaian_dibulatkan" => t("Capaian dibulatkan (%)", "Achievement rounded (%)"),
        "pita" => t("Pita yang dipakai", "Band used"),
        "pembanding" => t("Target pembanding", "Target compared with"),
        "target_dipakai" => t("Nilai target yang dipakai", "Target value used"),
        "total_pegawai" => t("Jumlah pegawai", "Headcount"),
        "kebijakan" => t("Kebijakan pembulatan", "Rounding policy"),
        "pembulatan_maksimal" => t("batas maksimal", "maximum limits"),
        "pembulatan_minimal" => t("batas minimal", "minimum limits"),
        "harus_ada_minimal" => t("'harus ada' berarti minimal", "'must exist' means at least"),
        "jam_kerja_efektif" => t("Jam kerja efektif setahun", "Effective hours a year"),
        "pembulatan" => t("Pembulatan kebutuhan pegawai", "Rounding of staff needed"),
        "skala_ej" => t("Skala efisiensi jabatan", "Job-efficiency scale"),
        "batasi_capaian" => t(
            "Capaian keluaran dibatasi 100%",
            "Output achievement capped at 100%",
        ),
        "capaian_dibatasi" => t("Keluaran yang capaiannya dibatasi", "Outputs capped"),
        "koefisien" => t("Koefisien jenjang", "Level coefficient"),
        "pengali_persen" => t("Pengali predikat (%)", "Rating multiplier (%)"),
        "prorata" => t("Pro-rata", "Pro rata"),
        "tingkat" => t("Tingkat kode", "Code level"),
        "generik" => t("Kode generik (X.XX)", "Generic code (X.XX)"),
        "kode" => t("Kode", "Code"),
        "induk" => t("Kode induk", "Parent code"),
        "nip_berkelompok" => t("NIP berkelompok", "NIP grouped"),
        "interpretasi" => t("Interpretasi predikat", "Grade interpretation"),
        "jumlah_subkegiatan" => t("Sub kegiatan diperiksa", "Sub-activities checked"),
        "subkegiatan_lolos" => t(
            "Sub kegiatan tanpa kekurangan",
            "Sub-activities with no shortcoming",
        ),
        "ambang" => t("Ambang tanda", "Flag thresholds"),
        "ambang_penyerapan" => t("penyerapan ≥", "absorption ≥"),
        "ambang_capaian" => t("capaian ≤", "achievement ≤"),
        "ambang_tertinggal" => t("tertinggal >", "behind by >"),
        "capaian_tanpa_belanja" => t(
            "hasil tanpa belanja: capaian ≥",
            "results without spending: achievement ≥",
        ),
        "penyerapan_tanpa_belanja" => t("penyerapan ≤", "absorption ≤"),
        "total_belanja" => t("Total belanja program (Rp)", "Programme spending (Rp)"),
        "belanja_penunjang" => t("Belanja penunjang (Rp)", "Overhead spending (Rp)"),
        "ambang_persen" => t("Ambang belanja penunjang (%)", "Overhead threshold (%)"),
        "program_penunjang" => t(
            "Program penunjang (dikecualikan)",
            "Support programme (exempt)",
        ),
        "jenis_subkegiatan" => t("Jenis sub kegiatan", "Sub-activity kind"),
        "kelompok_penunjang" => t("Kelompok belanja penunjang", "Overhead groups"),
        "n" => t("Kuota lolos (N)", "Places (N)"),
        "nilai_minimum" => t("Nilai minimum", "Minimum score"),
        "bobot" => t("Bobot kriteria", "Criterion weights"),
        "jumlah_entri" => t("Entri dinilai", "Entries scored"),
        "jumlah_lolos" => t("Entri lolos", "Entries passing"),
        "jumlah_seri_di_batas" => t("Seri di batas N", "Tied at the N boundary"),
        lain => judul_token(lain),
    }
}

pub(crate) fn nilai_rincian(kunci: &str, v: &Value, b: Bahasa) -> String {
    let t = |id: &'static str, en: &'static str| app::teks::t(b, id, en).to_string();
    match (kunci, v) {
        ("pita", Value::String(s)) => match s.as_str() {
            "target_maksimal" => t(
                "capaian ≥ 100% dan target maksimal → 120",
                "achievement ≥ 100% and maximal target → 120",
            ),
            "lebih_dari_110" => "> 110% → 120".into(),
            "100" => "100% → 109".into(),
            lain => format!("{}%", lain.replace('_', "–")),
        },
        ("pembanding", Value::String(s)) => match s.as_str() {
            "tunggal" => t("target tunggal", "single target"),
            "dalam_rentang" => t(
                "realisasi di dalam rentang → 100%",
                "result inside the range → 100%",
            ),
            "min" => t(
                "batas bawah rentang (min)",
                "lower bound of the range (min)",
            ),
            "max" => t("batas atas rentang (max)", "upper bound of the range (max)"),
            lain => lain.to_string(),
        },
        (_, Value::Bool(x)) => {
            if *x {
                t("ya", "yes")
            } else {
                t("tidak", "no")
            }
        }
        (_, Value::Number(n)) => n.to_string(),
        (_, Value::String(s)) => label_dikenal(kunci, s, b).unwrap_or_else(|| s.clone()),
        (_, Value::Object(m)) => m
            .iter()
            .filter(|(k, _)| k.as_str() != "status")
            .map(|(k, x)| format!("{} {}", label_rincian(k, b), nilai_rincian(k, x, b)))
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::Array(a)) => a
            .iter()
            .map(|x| nilai_rincian(kunci, x, b))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::Null) => "—".into(),
    }
}

pub(crate) fn label_status(s: &str, b: Bahasa) -> &'static str {
    match s {
        "P" => app::teks::t(
            b,
            "[P] teks primer regulasi",
            "[P] primary text of the regulation",
        ),
        "S" => app::teks::t(b, "[S] hanya sumber sekunder", "[S] secondary sources only"),
        _ => app::teks::t(
            b,
            "[R] belum terkonfirmasi sumber primer",
            "[R] not confirmed by a primary source",
        ),
    }
}
