#!/usr/bin/env python3
"""Writes a Word and an OpenDocument file whose picture the package lacks
(word/media/quay.png, Pictures/quay.png): the part names it on line 6 of
word/document.xml and content.xml. Usage: make_packages.py FOLDER"""
import sys
import zipfile
from pathlib import Path

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:xlink="http://www.w3.org/1999/xlink" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
BEFORE = 'The harbour reopened on Monday, the Port Authority said.'
AFTER = 'Fishing boats are expected back by the weekend.'


def write_zip(path, entries):
    with zipfile.ZipFile(path, 'w') as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 15, 12, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == 'mimetype' else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def docx(folder):
    document = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}>
<w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>The quay after the storm</w:t></w:r></w:p>
<w:p><w:r><w:t>{BEFORE}</w:t></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="714375"/><wp:docPr id="1" name="Picture 1" descr="Gulls over the empty quay"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdQuay"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>The quay on Monday morning.</w:t></w:r></w:p>
<w:p><w:r><w:t>{AFTER}</w:t></w:r></w:p>
</w:body>
</w:document>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdQuay" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/quay.png"/>
</Relationships>'''
    package_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''
    content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>'''
    write_zip(folder / 'story.docx', [('[Content_Types].xml', content_types), ('_rels/.rels', package_rels),
                                      ('word/document.xml', document), ('word/_rels/document.xml.rels', rels)])


def odt(folder):
    content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3">
<office:body><office:text>
<text:h text:outline-level="1">The quay after the storm</text:h>
<text:p>{BEFORE}</text:p>
<text:p><draw:frame draw:name="Picture1"><draw:image xlink:href="Pictures/quay.png"/><svg:desc>Gulls over the empty quay</svg:desc></draw:frame></text:p>
<text:p>{AFTER}</text:p>
</office:text></office:body></office:document-content>'''
    manifest = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''
    write_zip(folder / 'story.odt', [('mimetype', 'application/vnd.oasis.opendocument.text'), ('content.xml', content),
                                     ('META-INF/manifest.xml', manifest)])


if __name__ == '__main__':
    target = Path(sys.argv[1])
    docx(target)
    odt(target)
