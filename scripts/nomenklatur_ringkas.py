#!/usr/bin/env python3
"""Bentuk ringkas data nomenklatur dan kode rekening belanja untuk crate rules.

Membaca salinan sumber di data/nomenklatur/sumber/ (asal-usul di
data/SOURCES.md) dan menulis berkas TSV ringkas di data/nomenklatur/ringkas/,
yang ditanam ke biner dengan include_str! (crates/rules/src/anggaran/data.rs).
Hanya kolom yang dipakai aturan dan alur kerja: kode, nama, jenis
(Layanan/Aktifitas), indikator dan satuan; kolom lain (tag, definisi
operasional, SPM, pelaksana, keterangan rekening) tidak ikut.

Normalisasi kode: segmen bidang urusan selalu 2 digit (templat 2024 menulis
1.2.02… untuk 1.02.02…); placeholder X.XX dibiarkan. Tab, baris baru dan spasi
ganda di dalam teks dijadikan satu spasi.

Pakai (dari akar repo, tanpa argumen):  python3 scripts/nomenklatur_ringkas.py
Hasilnya deterministik; tes rules membaca berkas ringkas, bukan sumbernya.
"""

import csv
import os
import re
import sys

AKAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SUMBER = os.path.join(AKAR, "data", "nomenklatur", "sumber")
RINGKAS = os.path.join(AKAR, "data", "nomenklatur", "ringkas")

POLA_SUB = re.compile(r"^(\d|X)\.(\d\d|XX)\.\d\d\.\d\.\d\d\.\d{4}$")


def bersih(teks):
    return " ".join((teks or "").split())


def normal(kode):
    s = bersih(kode).split(".")
    if len(s) >= 2 and s[1] != "XX" and s[1].isdigit():
        s[1] = s[1].zfill(2)
    return ".".join(s)


def tulis(nama, kepala, baris):
    jalur = os.path.join(RINGKAS, nama)
    with open(jalur, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(kepala) + "\n")
        for b in baris:
            f.write("\t".join(b) + "\n")
    print(f"{jalur}: {len(baris)} baris, {os.path.getsize(jalur)} bita")


def pemutakhiran_2027():
    """Pemutakhiran untuk TA 2027: baris PROV dan KABKOT yang sama digabung (PK)."""
    per_kode = {}
    urutan = []
    with open(os.path.join(SUMBER, "nomenklatur_subkegiatan_pemutakhiran_2027_compact.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            kode = normal(r["kode_sub_kegiatan"])
            if not POLA_SUB.match(kode):
                sys.exit(f"kode sub kegiatan tidak dikenal: {kode!r}")
            jenis = {"Layanan": "L", "Aktifitas": "A"}.get(bersih(r["jenis"]), "-")
            isi = (jenis, bersih(r["nama_sub_kegiatan"]), bersih(r["indikator"]), bersih(r["satuan"]))
            pemda = {"PROV": "P", "KABKOT": "K"}[r["jenis_pemda"]]
            kunci = (kode, isi)
            if kunci not in per_kode:
                per_kode[kunci] = ""
                urutan.append(kunci)
            if pemda not in per_kode[kunci]:
                per_kode[kunci] = "".join(sorted(per_kode[kunci] + pemda, key="PK".index))
    baris = [(kode, per_kode[(kode, isi)], *isi) for kode, isi in urutan]
    baris.sort(key=lambda b: (b[0], b[1]))
    tulis("subkegiatan_2027.tsv", ["kode", "pemda", "jenis", "nama", "indikator", "satuan"], baris)


def templat_2024():
    """Templat Kepmendagri 900 (kabupaten/kota, berkas 2024): hanya sub kegiatan."""
    baris = []
    dilihat = set()
    with open(os.path.join(SUMBER, "nomenklatur_kepmendagri_900_subkeg_template.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["level"] != "sub_kegiatan":
                continue
            kode = normal(r["kode"])
            if not POLA_SUB.match(kode):
                sys.exit(f"kode sub kegiatan tidak dikenal: {kode!r}")
            if kode in dilihat:
                continue
            dilihat.add(kode)
            baris.append((kode, "K", "-", bersih(r["nomenklatur"]), bersih(r["indikator"]), bersih(r["satuan"])))
    baris.sort()
    tulis("subkegiatan_2024.tsv", ["kode", "pemda", "jenis", "nama", "indikator", "satuan"], baris)


def rekening_belanja():
    """Bagan akun belanja (akun 5) Permendagri: kode 1.1.2.2.2.4 digit dan uraian."""
    lebar = [1, 1, 2, 2, 2, 4]
    baris = []
    with open(os.path.join(SUMBER, "kode_rekening_belanja_permendagri50_sesendok.csv"), encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for x in r:
            seg = []
            for s, w in zip(x[:6], lebar):
                s = s.strip()
                if not s:
                    break
                if not s.isdigit():
                    sys.exit(f"segmen rekening bukan angka: {x[:6]!r}")
                seg.append(s.zfill(w))
            baris.append((".".join(seg), bersih(x[6])))
    tulis("rekening_belanja.tsv", ["kode", "uraian"], baris)


if __name__ == "__main__":
    os.makedirs(RINGKAS, exist_ok=True)
    pemutakhiran_2027()
    templat_2024()
    rekening_belanja()
