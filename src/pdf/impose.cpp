// Imposition: a PDF's pages placed on printer's sheets as form XObjects,
// with qpdf. Each page's content stream goes into its form as it is
// (compressed bytes copied, never decoded), with the page's resources, so
// fonts and images stay shared and embedded once.
#include "galley/print.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "galley/errors.hpp"

namespace galley::print {
namespace {

// A number for a content stream: fixed, four decimals, no locale.
std::string pdf_number(double value) {
  char buffer[48];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
  if (error != std::errc()) return "0";
  std::string text(buffer, end);
  while (text.back() == '0') text.pop_back();  // "12.5000" -> "12.5", "3.0000" -> "3."
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

struct Rectangle {
  double x = 0, y = 0, width = 0, height = 0;  // points, PDF coordinates (y up)
};

Rectangle trim_of(QPDFPageObjectHelper& page) {
  const QPDFObjectHandle::Rectangle box = page.getTrimBox(false).getArrayAsRectangle();
  return {std::min(box.llx, box.urx), std::min(box.lly, box.ury), std::abs(box.urx - box.llx),
          std::abs(box.ury - box.lly)};
}

bool is_transformed(QPDFPageObjectHelper& page) {
  QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
  QPDFObjectHandle unit = page.getAttribute("/UserUnit", false);
  return (rotate.isInteger() && rotate.getIntValueAsInt() % 360 != 0) || unit.isNumber();
}

// A form XObject that draws the page, clipped to its TrimBox. A page of
// one content stream (Cairo's, most writers') lends its bytes as they are;
// a rotated or scaled page, or one of several streams, is left to qpdf's
// getFormXObjectForPage.
QPDFObjectHandle form_for_page(QPDF& pdf, QPDFPageObjectHelper& page) {
  QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
  if (is_transformed(page) || !contents.isStream()) return page.getFormXObjectForPage(true);
  QPDFObjectHandle form = QPDFObjectHandle::newStream(&pdf);
  QPDFObjectHandle source = contents.getDict();
  form.replaceStreamData(contents.getRawStreamData(), source.getKey("/Filter"), source.getKey("/DecodeParms"));
  QPDFObjectHandle dictionary = form.getDict();
  dictionary.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dictionary.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  dictionary.replaceKey("/BBox", page.getTrimBox(false).shallowCopy());
  QPDFObjectHandle resources = page.getAttribute("/Resources", false);
  dictionary.replaceKey("/Resources", resources.isDictionary() ? resources : QPDFObjectHandle::newDictionary());
  QPDFObjectHandle group = page.getObjectHandle().getKey("/Group");
  if (group.isDictionary()) dictionary.replaceKey("/Group", group);
  return form;
}

// The size of a page as placed: its TrimBox, turned by its /Rotate.
std::pair<double, double> placed_size(QPDFPageObjectHelper& page) {
  const Rectangle trim = trim_of(page);
  QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
  const int quarter = rotate.isInteger() ? ((rotate.getIntValueAsInt() / 90) % 4 + 4) % 4 : 0;
  return quarter % 2 == 1 ? std::pair(trim.height, trim.width) : std::pair(trim.width, trim.height);
}

struct Grid {
  int columns = 2, rows = 1;
};

Grid grid_of(Imposition layout) { return layout == Imposition::four_up ? Grid{2, 2} : Grid{2, 1}; }

std::string imposed_pdf_bytes(QPDF& pdf) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  writer.setObjectStreamMode(qpdf_o_generate);
  writer.setCompressStreams(true);
  writer.setDecodeLevel(qpdf_dl_none);
  writer.write();
  std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::optional<SheetSize> sheet_size_named(const std::string& name) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "a4") return SheetSize{595.276, 841.89};
  if (lower == "a3") return SheetSize{841.89, 1190.55};
  if (lower == "letter") return SheetSize{612, 792};
  if (lower == "tabloid") return SheetSize{792, 1224};
  return std::nullopt;
}

std::vector<std::vector<std::size_t>> imposition_order(std::size_t pages, Imposition layout) {
  std::vector<std::vector<std::size_t>> sides;
  auto page_or_blank = [pages](std::size_t number) { return number <= pages ? number : 0; };
  if (layout == Imposition::booklet) {
    const std::size_t padded = (pages + 3) / 4 * 4;
    for (std::size_t sheet = 0; sheet < padded / 4; ++sheet) {
      sides.push_back({page_or_blank(padded - 2 * sheet), page_or_blank(2 * sheet + 1)});
      sides.push_back({page_or_blank(2 * sheet + 2), page_or_blank(padded - 2 * sheet - 1)});
    }
    return sides;
  }
  const std::size_t per_side = layout == Imposition::four_up ? 4 : 2;
  for (std::size_t first = 1; first <= pages; first += per_side) {
    std::vector<std::size_t> side;
    for (std::size_t place = 0; place < per_side; ++place) side.push_back(page_or_blank(first + place));
    sides.push_back(std::move(side));
  }
  return sides;
}

std::string impose(const std::string& pdf_bytes, const ImposeOptions& options, const std::string& file_name) {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
  try {
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile(file_name.c_str(), pdf_bytes.data(), pdf_bytes.size());
    pages = QPDFPageDocumentHelper(pdf).getAllPages();
  } catch (const std::exception& error) {
    throw Error(ErrorKind::bad_input, file_name, std::string("not a PDF qpdf can read: ") + error.what());
  }
  if (pages.empty()) throw Error(ErrorKind::bad_input, file_name, "has no pages to impose");

  try {
    // The cell each page gets: the first page's size, or the sheet's share.
    const Grid grid = grid_of(options.layout);
    const auto [page_width, page_height] = placed_size(pages.front());
    if (!(page_width >= 1 && page_height >= 1 && page_width < 1e6 && page_height < 1e6))
      throw Error(ErrorKind::bad_input, file_name, "page 1 has no usable size (its TrimBox is empty or enormous)");
    double sheet_width = page_width * grid.columns, sheet_height = page_height * grid.rows;
    if (options.sheet) {
      const bool landscape = grid.rows == 1 || page_width > page_height;
      sheet_width = landscape ? options.sheet->height : options.sheet->width;
      sheet_height = landscape ? options.sheet->width : options.sheet->height;
    }
    const double cell_width = sheet_width / grid.columns, cell_height = sheet_height / grid.rows;

    std::vector<QPDFObjectHandle> forms;
    forms.reserve(pages.size());
    for (QPDFPageObjectHelper& page : pages) forms.push_back(form_for_page(pdf, page));
    std::vector<std::pair<double, double>> sizes;
    for (QPDFPageObjectHelper& page : pages) sizes.push_back(placed_size(page));

    // The original's structure, bookmarks and links point at pages that
    // are no longer there: they go, so the sheets hold only what they show.
    QPDFObjectHandle root = pdf.getRoot();
    for (const char* key : {"/StructTreeRoot", "/MarkInfo", "/Outlines", "/Names", "/Dests", "/PageLabels",
                            "/AcroForm", "/OpenAction", "/PageMode", "/PageLayout"})
      root.removeKey(key);
    QPDFPageDocumentHelper document(pdf);
    for (QPDFPageObjectHelper& page : pages) document.removePage(page);

    const std::vector<std::vector<std::size_t>> sides = imposition_order(pages.size(), options.layout);
    const std::size_t sheets = (sides.size() + 1) / 2;
    const QPDFObjectHandle::Rectangle sheet_box(0, 0, sheet_width, sheet_height);
    for (std::size_t side = 0; side < sides.size(); ++side) {
      QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
      std::string content;
      for (std::size_t place = 0; place < sides[side].size(); ++place) {
        const std::size_t number = sides[side][place];
        if (number == 0) continue;
        const int column = static_cast<int>(place) % grid.columns, row = static_cast<int>(place) / grid.columns;
        const Rectangle cell{column * cell_width, sheet_height - (row + 1) * cell_height, cell_width, cell_height};
        const auto [width, height] = sizes[number - 1];
        if (!(width > 0 && height > 0)) continue;  // an empty TrimBox shows nothing
        double scale = std::min(cell_width / width, cell_height / height);
        if (!options.sheet) scale = std::min(scale, 1.0);
        const double placed_width = width * scale, placed_height = height * scale;
        Rectangle target{cell.x + (cell.width - placed_width) / 2, cell.y + (cell.height - placed_height) / 2,
                         placed_width, placed_height};
        if (options.layout == Imposition::booklet) {
          // The pages meet at the spine; creep moves an inner sheet's towards it.
          const std::size_t sheet = side / 2;
          const double creep = sheets > 1 ? options.creep * static_cast<double>(sheet) / static_cast<double>(sheets - 1) : 0;
          target.x = column == 0 ? cell.x + cell.width - placed_width + creep : cell.x - creep;
        }
        const std::string name = "/Page" + std::to_string(number);
        xobjects.replaceKey(name, forms[number - 1]);
        QPDFPageObjectHelper original = pages[number - 1];
        const QPDFMatrix matrix = original.getMatrixForFormXObjectPlacement(
            forms[number - 1],
            QPDFObjectHandle::Rectangle(target.x, target.y, target.x + target.width, target.y + target.height), false,
            true, true);
        content += "q " + pdf_number(cell.x) + " " + pdf_number(cell.y) + " " + pdf_number(cell.width) + " " +
                   pdf_number(cell.height) + " re W n " + pdf_number(matrix.a) + " " + pdf_number(matrix.b) + " " +
                   pdf_number(matrix.c) + " " + pdf_number(matrix.d) + " " + pdf_number(matrix.e) + " " +
                   pdf_number(matrix.f) + " cm " + name + " Do Q\n";
      }
      QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
      resources.replaceKey("/XObject", xobjects);
      QPDFObjectHandle sheet = QPDFObjectHandle::newDictionary();
      sheet.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
      sheet.replaceKey("/MediaBox", QPDFObjectHandle::newArray(sheet_box));
      sheet.replaceKey("/TrimBox", QPDFObjectHandle::newArray(sheet_box));
      sheet.replaceKey("/BleedBox", QPDFObjectHandle::newArray(sheet_box));
      sheet.replaceKey("/Resources", resources);
      sheet.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
      document.addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(sheet)), false);
    }
    return imposed_pdf_bytes(pdf);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& error) {
    throw Error(ErrorKind::bad_input, file_name, std::string("cannot be imposed: ") + error.what());
  }
}

}  // namespace galley::print
