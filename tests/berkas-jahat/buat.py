"""Membuat berkas XLSX jahat untuk tes ketahanan impor (isu 6).

Setiap berkas kecil di disk tetapi, tanpa batas kerja, membuat pembaca
spreadsheet mengalokasikan memori raksasa. Jalankan ulang: python3 buat.py
"""
import zipfile

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
WB = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>'''
WB_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'''
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = '</sheetData></worksheet>'
JUDUL = ["nip", "nama", "jenis_asn", "unit"]

def sel(ref, teks):
    return f'<c r="{ref}" t="inlineStr"><is><t>{teks}</t></is></c>'

def judul():
    return '<row r="1">' + ''.join(sel(f"{c}1", h) for c, h in zip("ABCD", JUDUL)) + '</row>'

def tulis(nama, sheet, sst='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>'):
    with zipfile.ZipFile(nama, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/worksheets/sheet1.xml", sheet)

# 1. Satu sel di pojok terjauh lembar: kotak 1.048.576 × 16.384 sel.
tulis("sel-xfd1048576.xlsx", HEAD + judul() + '<row r="1048576">' + sel("XFD1048576", "x") + '</row>' + TAIL)

# 2. Tabel teks bersama yang mengaku berisi 100 miliar teks.
tulis("teks-bersama-100-miliar.xlsx", HEAD + judul() + TAIL,
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="100000000000" uniqueCount="100000000000"><si><t>a</t></si></sst>')

# 3. 1.044.000 baris data bergalat (empat sel per baris, tanpa atribut r
#    sehingga setiap baris sama dan termampatkan): XML ratusan MB, ZIP kecil.
BARIS = '<row>' + ''.join('<c t="inlineStr"><is><t>' + "x" * 10 + '</t></is></c>' for _ in range(4)) + '</row>'
def baris():
    yield HEAD + judul()
    for r in range(2, 1_044_002):
        yield BARIS
    yield TAIL
with zipfile.ZipFile("sejuta-baris.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for n, isi in [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WB),
                   ("xl/_rels/workbook.xml.rels", WB_RELS),
                   ("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>')]:
        z.writestr(n, isi)
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=False) as f:
        for s in baris():
            f.write(s.encode())
