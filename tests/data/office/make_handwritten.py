#!/usr/bin/env python3
"""Writes the hand-made Word and OpenDocument test files: what pandoc never
emits (German style names, a style known only by its outline level, tracked
changes, comments, hidden text, fields, numbering that continues and
restarts, merged cells, a captioned frame, an EMF picture). Run once; the
outputs are checked in beside this script: python3 make_handwritten.py"""
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'


def png(width, height, rgb=(30, 90, 160)):
    raw = b''.join(b'\x00' + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def write_zip(path, entries):
    with zipfile.ZipFile(path, 'w') as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 5, 12, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == 'mimetype' else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def p(text, style=None, extra_ppr=''):
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else '') + extra_ppr
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def item(text, num, level=0):
    return p(text, 'Listenabsatz', f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def picture(rel, descr, ident):
    return (f'<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="714375"/><wp:docPr id="{ident}" name="Bild {ident}" '
            f'descr="{descr}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:blipFill><a:blip r:embed="{rel}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing></w:r>')


def style(kind, ident, name, based_on=None, ppr='', rpr=''):
    return (f'<w:style w:type="{kind}" w:styleId="{ident}"><w:name w:val="{name}"/>' +
            (f'<w:basedOn w:val="{based_on}"/>' if based_on else '') +
            (f'<w:pPr>{ppr}</w:pPr>' if ppr else '') + (f'<w:rPr>{rpr}</w:rPr>' if rpr else '') + '</w:style>')


def docx():
    styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault></w:docDefaults>
{style("paragraph", "Standard", "Standard")}
{style("paragraph", "Titel", "Titel", "Standard")}
{style("paragraph", "Untertitel", "Untertitel", "Standard")}
{style("paragraph", "berschrift1", "Überschrift 1", "Standard", '<w:outlineLvl w:val="0"/>')}
{style("paragraph", "berschrift2", "Überschrift 2", "Standard", '<w:outlineLvl w:val="1"/>')}
{style("paragraph", "Kapitel", "Kapitelanfang", "Standard", '<w:outlineLvl w:val="1"/>')}
{style("paragraph", "Unterkapitel", "Unterkapitel", "Kapitel")}
{style("paragraph", "Zitat", "Zitat", "Standard")}
{style("paragraph", "Beschriftung", "Beschriftung", "Standard")}
{style("paragraph", "Listenabsatz", "Listenabsatz", "Standard")}
{style("paragraph", "Quelltext", "Quelltext", "Standard", rpr='<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>')}
{style("character", "Fett", "Betont", rpr="<w:b/>")}
</w:styles>'''
    numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>'''
    body = ''.join([
        p('Der Hafenbericht', 'Titel'),
        p('Was die Flut zurückließ', 'Untertitel'),
        '<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:bookmarkStart w:id="0" w:name="morgen"/>'
        '<w:r><w:t>Morgen am Kai</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
        '<w:p><w:r><w:t xml:space="preserve">Die Boote kamen </w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t>früh</w:t></w:r><w:r><w:t xml:space="preserve"> und </w:t></w:r>'
        '<w:r><w:rPr><w:i/></w:rPr><w:t>spät</w:t></w:r><w:r><w:t xml:space="preserve"> und </w:t></w:r>'
        '<w:r><w:rPr><w:strike/></w:rPr><w:t>nie</w:t></w:r><w:r><w:t xml:space="preserve"> zugleich</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Fett"/></w:rPr><w:t xml:space="preserve"> betont</w:t></w:r>'
        '<w:r><w:t xml:space="preserve">, mit </w:t></w:r>'
        '<w:ins w:id="1" w:author="Lektor" w:date="2024-03-01T10:00:00Z"><w:r><w:t xml:space="preserve">eingefügtem </w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="Lektor" w:date="2024-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">GELÖSCHTEM </w:delText></w:r></w:del>'
        '<w:commentRangeStart w:id="5"/><w:r><w:t>Text</w:t></w:r><w:commentRangeEnd w:id="5"/>'
        '<w:r><w:commentReference w:id="5"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> VERSTECKT</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> auf Seite </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE FELDBEFEHL </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> und eine Fußnote.</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> Dazu eine Endnote.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>',
        '<w:p><w:r><w:t xml:space="preserve">Siehe </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:t>die Website</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> und </w:t></w:r><w:hyperlink w:anchor="morgen"><w:r><w:t>den Anfang</w:t></w:r></w:hyperlink>'
        '<w:r><w:t>.</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>Neue Zeile.</w:t></w:r></w:p>',
        p('Zählung', 'Kapitel'),
        item('Eins', 1), item('Zwei', 1), item('Unterpunkt', 1, 1), item('Drei', 1),
        p('Ein Absatz mitten in der Liste.'),
        item('Vier', 1), item('Fünf', 1),
        p('Neu gezählt', 'Unterkapitel'),
        item('Wieder eins', 2), item('Wieder zwei', 2),
        item('Punkt', 3),
        p('Ein Zitat des Hafenmeisters.', 'Zitat'),
        p('zeile eins', 'Quelltext'),
        p('  zeile zwei', 'Quelltext'),
        '<w:tbl><w:tblPr><w:tblLook w:firstRow="0"/></w:tblPr>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Art</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Fang</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Dorsch</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tonnen</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kisten</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:trPr><w:del w:id="9" w:author="Lektor" w:date="2024-03-01T10:00:00Z"/></w:trPr>'
        '<w:tc><w:p><w:del w:id="10" w:author="Lektor" w:date="2024-03-01T10:00:00Z"><w:r><w:delText>GESTRICHENEZEILE</w:delText></w:r></w:del></w:p></w:tc></w:tr>'
        '</w:tbl>',
        '<w:p>' + picture('rIdBild', 'Eine Möwe auf einem Pfahl', 1) + '</w:p>',
        p('Abbildung 1: Die Möwe', 'Beschriftung'),
        '<w:p>' + picture('rIdEmf', 'Ein Diagramm der Gezeiten', 2) + '</w:p>',
        p('Letzter Absatz.'),
        '<w:sectPr/>'])
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}</w:body></w:document>'
    footnotes = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Der Fußnotentext.</w:t></w:r></w:p></w:footnote></w:footnotes>'''
    endnotes = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes {W}><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Der Endnotentext.</w:t></w:r></w:p></w:endnote></w:endnotes>'''
    comments = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments {W}><w:comment w:id="5" w:author="Lektor"><w:p><w:r><w:t>KOMMENTAR nie zeigen</w:t></w:r></w:p></w:comment></w:comments>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/hafen" TargetMode="External"/>
<Relationship Id="rIdBild" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/moewe.png"/>
<Relationship Id="rIdEmf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/gezeiten.emf"/>
</Relationships>'''
    package_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>'''
    content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>
<Default Extension="emf" ContentType="image/x-emf"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>'''
    core = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Titel aus den Eigenschaften</dc:title><dc:creator>Anna Schmidt; Ben Weber</dc:creator>
<dc:description>Ein Bericht über den Hafen.</dc:description><dc:subject>Hafen</dc:subject>
<cp:keywords>Flut, Boote</cp:keywords><dc:language>de-DE</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-02-01T09:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-05T12:00:00Z</dcterms:modified></cp:coreProperties>'''
    write_zip(HERE / 'handwritten.docx', [
        ('[Content_Types].xml', content_types), ('_rels/.rels', package_rels), ('word/document.xml', document),
        ('word/_rels/document.xml.rels', rels), ('word/styles.xml', styles), ('word/numbering.xml', numbering),
        ('word/footnotes.xml', footnotes), ('word/endnotes.xml', endnotes), ('word/comments.xml', comments),
        ('word/media/moewe.png', png(40, 30)), ('word/media/gezeiten.emf', b'\x01\x00\x00\x00' + b'\x00' * 80),
        ('docProps/core.xml', core)])


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
       'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')


def odt():
    styles = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODF} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="de" fo:country="DE"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Kapitel" style:display-name="Kapitelüberschrift" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Title" style:display-name="Titel" style:family="paragraph" style:parent-style-name="Heading"/>
<style:style style:name="Quotations" style:display-name="Zitat" style:family="paragraph"/>
<style:style style:name="Caption" style:display-name="Beschriftung" style:family="paragraph"/>
<style:style style:name="Figure" style:display-name="Abbildung" style:family="paragraph" style:parent-style-name="Caption"/>
<style:style style:name="Preformatted_20_Text" style:display-name="Vorformatierter Text" style:family="paragraph"/>
<text:list-style style:name="Nummern"><text:list-level-style-number text:level="1" style:num-format="1"/>
<text:list-level-style-bullet text:level="2" text:bullet-char="•"/></text:list-style>
</office:styles></office:document-styles>'''
    content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3">
<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
<style:style style:name="T4" style:family="text"><style:text-properties text:display="none"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Lektor</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info><text:p>GELÖSCHTEM </text:p></text:deletion></text:changed-region>
<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>Lektor</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes>
<text:p text:style-name="P1">Der Hafenbericht</text:p>
<text:h text:style-name="Heading" text:outline-level="1"><text:bookmark text:name="morgen"/>Morgen am Kai</text:h>
<text:p text:style-name="Standard">Die Boote kamen <text:span text:style-name="T1">früh</text:span> und <text:span text:style-name="T2">spät</text:span> und <text:span text:style-name="T3">nie</text:span> zugleich, mit <text:change-start text:change-id="ct2"/>eingefügtem <text:change-end text:change-id="ct2"/><text:change text:change-id="ct1"/><office:annotation><dc:creator>Lektor</dc:creator><text:p>KOMMENTAR nie zeigen</text:p></office:annotation>Text<text:span text:style-name="T4"> VERSTECKT</text:span><text:hidden-text text:condition="ooow:1" text:string-value=" AUCHVERSTECKT" text:is-hidden="true"/> auf Seite <text:page-number text:select-page="current">7</text:page-number> und eine Fußnote.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Der Fußnotentext.</text:p></text:note-body></text:note> Dazu eine Endnote.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Der Endnotentext.</text:p></text:note-body></text:note></text:p>
<text:p>Siehe <text:a xlink:type="simple" xlink:href="https://example.org/hafen">die Website</text:a> und <text:a xlink:href="#morgen">den Anfang</text:a>.<text:line-break/>Neue Zeile.</text:p>
<text:p text:style-name="Kapitel">Zählung</text:p>
<text:list text:style-name="Nummern"><text:list-item><text:p>Eins</text:p></text:list-item><text:list-item><text:p>Zwei</text:p>
<text:list><text:list-item><text:p>Unterpunkt</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Drei</text:p></text:list-item></text:list>
<text:p>Ein Absatz mitten in der Liste.</text:p>
<text:list text:style-name="Nummern" text:continue-numbering="true"><text:list-item><text:p>Vier</text:p></text:list-item><text:list-item><text:p>Fünf</text:p></text:list-item></text:list>
<text:h text:outline-level="3">Neu gezählt</text:h>
<text:list text:style-name="Nummern"><text:list-item text:start-value="1"><text:p>Wieder eins</text:p></text:list-item><text:list-item><text:p>Wieder zwei</text:p></text:list-item></text:list>
<text:p text:style-name="Quotations">Ein Zitat des Hafenmeisters.</text:p>
<text:p text:style-name="Preformatted_20_Text">zeile eins</text:p>
<text:p text:style-name="Preformatted_20_Text"><text:s text:c="2"/>zeile zwei</text:p>
<table:table table:name="Fang"><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Art</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>Fang</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Dorsch</text:p></table:table-cell><table:table-cell><text:p>12</text:p></table:table-cell><table:table-cell><text:p>Tonnen</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>7</text:p></table:table-cell><table:table-cell><text:p>Kisten</text:p></table:table-cell></table:table-row>
</table:table>
<text:p text:style-name="Standard"><draw:frame draw:name="Rahmen1" text:anchor-type="as-char" svg:width="2cm"><draw:text-box><text:p text:style-name="Figure"><draw:frame draw:name="Bild1" svg:width="2cm" svg:height="1.5cm"><draw:image xlink:href="Pictures/moewe.png" xlink:type="simple"/><svg:desc>Eine Möwe auf einem Pfahl</svg:desc></draw:frame>Abbildung <text:sequence text:name="Figure" text:formula="ooow:Figure+1" style:num-format="1">1</text:sequence>: Die Möwe</text:p></draw:text-box></draw:frame></text:p>
<text:p><draw:frame draw:name="Diagramm"><draw:image xlink:href="Pictures/gezeiten.wmf"/><svg:title>Gezeiten</svg:title><svg:desc>Ein Diagramm der Gezeiten</svg:desc></draw:frame></text:p>
<text:p>Letzter Absatz.</text:p>
</office:text></office:body></office:document-content>'''
    meta = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {ODF} office:version="1.3"><office:meta>
<dc:title>Titel aus den Eigenschaften</dc:title><meta:initial-creator>Anna Schmidt</meta:initial-creator><dc:creator>Ben Weber</dc:creator>
<dc:description>Ein Bericht über den Hafen.</dc:description><dc:subject>Hafen</dc:subject>
<meta:keyword>Flut</meta:keyword><meta:keyword>Boote</meta:keyword><dc:language>de-DE</dc:language>
<meta:creation-date>2024-02-01T09:00:00</meta:creation-date><dc:date>2024-03-05T12:00:00</dc:date>
</office:meta></office:document-meta>'''
    manifest = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''
    write_zip(HERE / 'handwritten.odt', [
        ('mimetype', 'application/vnd.oasis.opendocument.text'), ('content.xml', content), ('styles.xml', styles),
        ('meta.xml', meta), ('META-INF/manifest.xml', manifest), ('Pictures/moewe.png', png(40, 30, (160, 90, 30))),
        ('Pictures/gezeiten.wmf', b'\xd7\xcd\xc6\x9a' + b'\x00' * 80)])


if __name__ == '__main__':
    docx()
    odt()
