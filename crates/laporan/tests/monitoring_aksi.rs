mod umum;

use laporan::*;
use umum::*;

fn angkatan(nama: &str) -> BarisAngkatan {
    BarisAngkatan {
        angkatan: nama.into(),
        peserta: "30".into(),
        sesuai_jadwal: "18".into(),
        berisiko: "4".into(),
        terlambat: "3".into(),
        senyap: "2".into(),
        selesai: "3".into(),
        persen_tonggak_selesai: "41,67".into(),
    }
}

fn tonggak(i: usize) -> TonggakTerlambat {
    TonggakTerlambat {
        alumnus: format!("Alumnus {i:04}"),
        instansi: "Pemerintah Kabupaten Maluku Tengah".into(),
        tonggak: "Peraturan bupati tentang layanan terpadu".into(),
        jatuh_tempo: "31 Maret 2026".into(),
        hari_terlambat: "45".into(),
    }
}

fn contoh() -> MonitoringAksi {
    MonitoringAksi {
        penyelenggara: "BPSDM Provinsi Maluku".into(),
        per_tanggal: "15 Mei 2026".into(),
        angkatan: vec![
            angkatan("PKN II Angkatan I 2025"),
            angkatan("PKA Angkatan IV 2025"),
        ],
        jumlah: Some(BarisAngkatan {
            angkatan: "Jumlah".into(),
            peserta: "60".into(),
            sesuai_jadwal: "36".into(),
            berisiko: "8".into(),
            terlambat: "6".into(),
            senyap: "4".into(),
            selesai: "6".into(),
            persen_tonggak_selesai: "41,67".into(),
        }),
        tonggak_terlambat: (0..3).map(tonggak).collect(),
        penanda_tangan: pihak(
            "Dra. Maria Tahapary, M.Si.",
            "19700101 199503 2 001",
            "Kepala BPSDM Provinsi Maluku",
        ),
        tempat_tanggal: "Ambon, 15 Mei 2026".into(),
    }
}

#[test]
fn pemantauan_aksi_menjadi_pdf() {
    let pdf = monitoring_aksi_perubahan_pdf(&contoh()).expect("render");
    assert!(pdf.starts_with(b"%PDF"));
    let satu = teks_halaman(&pdf, 1, 1);
    for harus in [
        "LAPORAN PEMANTAUAN AKSI PERUBAHAN",
        "BPSDM Provinsi Maluku",
        "Keadaan per 15 Mei 2026",
        "Tempat tanda tangan elektronik",
        "Halaman 1 dari 1",
    ] {
        assert!(satu.contains(harus), "tanpa {harus:?}:\n{satu}");
    }
    let tabel = halaman_tata_letak(&pdf).join(" ");
    for harus in [
        "PKN II Angkatan I 2025 30 18 4 3 2 3 41,67",
        "Jumlah 60 36 8 6 4 6 41,67",
        "No Alumnus Instansi Tonggak Jatuh tempo",
        "31 Maret 2026 45",
    ] {
        assert!(tabel.contains(harus), "tanpa {harus:?}:\n{tabel}");
    }
}

#[test]
fn pemantauan_aksi_panjang_dan_teks_markup() {
    let mut d = contoh();
    d.penyelenggara = INJEKSI.into();
    d.tonggak_terlambat = (0..400).map(tonggak).collect();
    d.tonggak_terlambat[250].tonggak = INJEKSI.into();
    d.jumlah = None;
    let pdf = monitoring_aksi_perubahan_pdf(&d).expect("render");
    let h = halaman(&pdf);
    assert!(h.len() > 3, "400 tonggak lebih dari satu halaman");
    assert!(h[0].contains(INJEKSI), "{}", h[0]);
    let tata = halaman_tata_letak(&pdf);
    let ke = tata
        .iter()
        .position(|t| t.contains("Alumnus 0300"))
        .expect("baris 300");
    assert!(ke > 0);
    assert!(
        tata[ke].contains("No Alumnus Instansi Tonggak Jatuh tempo"),
        "kepala tabel berulang:\n{}",
        tata[ke]
    );
    assert!(h.join(" ").contains(INJEKSI));
}
