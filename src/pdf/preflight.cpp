// Preflight: what a printer's prepress checks before accepting a PDF, read
// with qpdf from any PDF. Boxes come from each page's dictionary; fonts
// from the resources the page uses (forms included); image resolution,
// line widths and text positions from the content streams, whose
// operators are followed with the graphics state (q/Q, cm, w, BT/ET and
// the text matrices) much as a renderer would, without drawing anything.
#include "galley/print.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "galley/errors.hpp"

namespace galley::print {
namespace {

constexpr double points_per_mm = 72 / 25.4;

std::string millimetres(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f mm", points / points_per_mm);
  return buffer;
}

std::string rounded(double value, const char* format = "%.0f") {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

struct Box {
  double left = 0, bottom = 0, right = 0, top = 0;

  static Box of(QPDFObjectHandle array) {
    const QPDFObjectHandle::Rectangle r = array.getArrayAsRectangle();
    return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
  }
  double width() const { return right - left; }
  double height() const { return top - bottom; }
  bool contains(const Box& other, double slack = 0.01) const {
    return other.left >= left - slack && other.bottom >= bottom - slack && other.right <= right + slack &&
           other.top <= top + slack;
  }
  bool overlaps(const Box& other) const {
    return other.left < right && other.right > left && other.bottom < top && other.top > bottom;
  }
  Box inset(double by) const { return {left + by, bottom + by, right - by, top - by}; }
};

// A number from the file as a character code or count: hostile values
// (negative, 1e300, NaN) clamped, since converting them would be undefined.
long long clamped_integer(double value) {
  if (!(value > -1e9)) return -1'000'000'000;
  if (value > 1e9) return 1'000'000'000;
  return static_cast<long long>(value);
}

// The font's advance for each character code, in text space units per
// point of size (a thousandth of the glyph's width for most fonts).
class FontWidths {
 public:
  explicit FontWidths(QPDFObjectHandle font) {
    QPDFObjectHandle subtype = font.getKey("/Subtype");
    if (subtype.isName() && subtype.getName() == "/Type0") {
      two_byte_ = true;
      QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
      QPDFObjectHandle cid = descendants.isArray() && descendants.getArrayNItems() > 0 ? descendants.getArrayItem(0)
                                                                                       : QPDFObjectHandle::newNull();
      if (!cid.isDictionary()) return;
      if (cid.getKey("/DW").isNumber()) default_width_ = cid.getKey("/DW").getNumericValue() / 1000;
      QPDFObjectHandle w = cid.getKey("/W");
      if (!w.isArray()) return;
      // [first [w1 w2 ...]] or [first last w]
      for (int index = 0; index + 1 < w.getArrayNItems();) {
        QPDFObjectHandle first = w.getArrayItem(index), next = w.getArrayItem(index + 1);
        if (!first.isNumber()) break;
        const long long start = clamped_integer(first.getNumericValue());
        if (next.isArray()) {
          for (int item = 0; item < next.getArrayNItems(); ++item)
            if (next.getArrayItem(item).isNumber())
              widths_[static_cast<unsigned>(start + item)] = next.getArrayItem(item).getNumericValue() / 1000;
          index += 2;
        } else if (index + 2 < w.getArrayNItems() && next.isNumber() && w.getArrayItem(index + 2).isNumber()) {
          const long long end = std::min<long long>(clamped_integer(next.getNumericValue()), start + 65535);
          for (long long code = start; code <= end; ++code)
            widths_[static_cast<unsigned>(code)] = w.getArrayItem(index + 2).getNumericValue() / 1000;
          index += 3;
        } else {
          break;
        }
      }
      return;
    }
    double scale = 1.0 / 1000;
    if (subtype.isName() && subtype.getName() == "/Type3") {
      QPDFObjectHandle matrix = font.getKey("/FontMatrix");
      if (matrix.isArray() && matrix.getArrayNItems() == 6 && matrix.getArrayItem(0).isNumber())
        scale = matrix.getArrayItem(0).getNumericValue();
    }
    QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
    if (descriptor.isDictionary() && descriptor.getKey("/MissingWidth").isNumber())
      default_width_ = descriptor.getKey("/MissingWidth").getNumericValue() * scale;
    else
      default_width_ = 0.5;  // a standard font with no widths: about half an em
    QPDFObjectHandle first = font.getKey("/FirstChar"), widths = font.getKey("/Widths");
    if (!first.isNumber() || !widths.isArray()) return;
    const long long start = clamped_integer(first.getNumericValue());
    for (int index = 0; index < widths.getArrayNItems() && index < 65536; ++index)
      if (widths.getArrayItem(index).isNumber())
        widths_[static_cast<unsigned>(start + index)] = widths.getArrayItem(index).getNumericValue() * scale;
  }

  bool two_byte() const { return two_byte_; }
  double width(unsigned code) const {
    auto found = widths_.find(code);
    return found == widths_.end() ? default_width_ : found->second;
  }

 private:
  bool two_byte_ = false;
  double default_width_ = 1;
  std::map<unsigned, double> widths_;
};

// Whether a font's glyphs travel with the file.
bool font_embedded(QPDFObjectHandle font) {
  QPDFObjectHandle subtype = font.getKey("/Subtype");
  if (subtype.isName() && subtype.getName() == "/Type3") return true;  // glyphs drawn by its own procedures
  if (subtype.isName() && subtype.getName() == "/Type0") {
    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() == 0) return false;
    font = descendants.getArrayItem(0);
  }
  QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
  if (!descriptor.isDictionary()) return false;
  return descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") || descriptor.hasKey("/FontFile3");
}

std::string font_name(QPDFObjectHandle font, const std::string& resource_name) {
  QPDFObjectHandle base = font.getKey("/BaseFont");
  std::string name = base.isName() ? base.getName().substr(1) : resource_name.substr(1);
  // A subset's tag ("ABCDEF+") says nothing to a reader.
  if (name.size() > 7 && name[6] == '+') name = name.substr(7);
  return name;
}

struct GraphicsState {
  QPDFMatrix ctm;
  double line_width = 1;
  // Text state, which q/Q save and restore too.
  double character_spacing = 0, word_spacing = 0, horizontal_scale = 1, leading = 0, rise = 0;
  double font_size = 0;
  QPDFObjectHandle font;
  std::shared_ptr<FontWidths> widths;
  int render_mode = 0;
};

// What one page's content streams showed, gathered for its findings.
struct PageMarks {
  double thinnest_line = -1;   // points, as drawn; -1 when nothing was stroked thinner than the limit
  double lowest_resolution = -1;  // pixels per inch; -1 when no image fell short
  std::string lowest_image;   // what that image is, for the message
  int near_trim = 0;          // text shows within the safety distance of the trim (inside or across it)
  int across_trim = 0;        // of which cross the trim edge
  std::set<std::string> unembedded_fonts;
};

class ContentWalker : public QPDFObjectHandle::ParserCallbacks {
 public:
  ContentWalker(const PreflightOptions& options, const Box& trim, const Box& bleed, PageMarks& marks)
      : options_(options), trim_(trim), bleed_(bleed), safe_(trim.inset(options.trim_safety)), marks_(marks) {}

  void walk_page(QPDFPageObjectHelper& page) {
    resources_.push_back(page.getAttribute("/Resources", false));
    check_fonts(resources_.back());
    page.parseContents(this);
    resources_.pop_back();
  }

  void handleObject(QPDFObjectHandle object) override {
    if (object.isOperator()) {
      operate(object.getOperatorValue());
      operands_.clear();
    } else if (object.isInlineImage()) {
      inline_image_ = true;
    } else {
      operands_.push_back(object);
    }
  }
  void handleEOF() override {}

 private:
  double number(std::size_t index) {
    return index < operands_.size() && operands_[index].isNumber() ? operands_[index].getNumericValue() : 0;
  }

  void operate(const std::string& op) {
    GraphicsState& state = states_.back();
    if (op == "q") {
      states_.push_back(state);
    } else if (op == "Q") {
      if (states_.size() > 1) states_.pop_back();
    } else if (op == "cm" && operands_.size() == 6) {
      state.ctm.concat(QPDFMatrix(number(0), number(1), number(2), number(3), number(4), number(5)));
    } else if (op == "w") {
      state.line_width = number(0);
    } else if (op == "S" || op == "s" || op == "B" || op == "B*" || op == "b" || op == "b*") {
      stroke(state);
    } else if (op == "BT") {
      text_matrix_ = line_matrix_ = QPDFMatrix();
    } else if (op == "Tf" && operands_.size() == 2) {
      state.font_size = number(1);
      select_font(state, operands_[0]);
    } else if (op == "Tc") {
      state.character_spacing = number(0);
    } else if (op == "Tw") {
      state.word_spacing = number(0);
    } else if (op == "Tz") {
      state.horizontal_scale = number(0) / 100;
    } else if (op == "TL") {
      state.leading = number(0);
    } else if (op == "Ts") {
      state.rise = number(0);
    } else if (op == "Tr") {
      state.render_mode = static_cast<int>(clamped_integer(number(0)));
    } else if (op == "Td" || op == "TD") {
      if (op == "TD") state.leading = -number(1);
      next_line(number(0), number(1));
    } else if (op == "T*") {
      next_line(0, -state.leading);
    } else if (op == "Tm" && operands_.size() == 6) {
      text_matrix_ = line_matrix_ = QPDFMatrix(number(0), number(1), number(2), number(3), number(4), number(5));
    } else if (op == "Tj" && !operands_.empty()) {
      show(state, operands_[0]);
    } else if (op == "'" && !operands_.empty()) {
      next_line(0, -state.leading);
      show(state, operands_[0]);
    } else if (op == "\"" && operands_.size() == 3) {
      state.word_spacing = number(0);
      state.character_spacing = number(1);
      next_line(0, -state.leading);
      show(state, operands_[2]);
    } else if (op == "TJ" && !operands_.empty() && operands_[0].isArray()) {
      for (QPDFObjectHandle item : operands_[0].getArrayAsVector()) {
        if (item.isNumber()) advance(-item.getNumericValue() / 1000 * state.font_size * state.horizontal_scale);
        else show(state, item);
      }
    } else if (op == "Do" && !operands_.empty() && operands_[0].isName()) {
      draw_xobject(state, operands_[0].getName());
    } else if (op == "ID") {
      inline_image_operands_ = operands_;
    } else if (op == "EI" && inline_image_) {
      inline_image_ = false;
      double width = 0, height = 0;
      for (std::size_t index = 0; index + 1 < inline_image_operands_.size(); index += 2) {
        QPDFObjectHandle key = inline_image_operands_[index], value = inline_image_operands_[index + 1];
        if (!key.isName() || !value.isNumber()) continue;
        if (key.getName() == "/W" || key.getName() == "/Width") width = value.getNumericValue();
        if (key.getName() == "/H" || key.getName() == "/Height") height = value.getNumericValue();
      }
      check_resolution(state, width, height, "an inline image");
    }
  }

  static double scale_of(const QPDFMatrix& matrix) {
    return std::sqrt(std::abs(matrix.a * matrix.d - matrix.b * matrix.c));
  }

  void stroke(const GraphicsState& state) {
    const double drawn = state.line_width * scale_of(state.ctm);
    // Writers round: 0.2499 pt is the 0.25 pt asked for.
    if (drawn >= options_.minimum_line - 0.005) return;
    if (marks_.thinnest_line < 0 || drawn < marks_.thinnest_line) marks_.thinnest_line = drawn;
  }

  void next_line(double x, double y) {
    line_matrix_.concat(QPDFMatrix(1, 0, 0, 1, x, y));
    text_matrix_ = line_matrix_;
  }

  // Moves the text matrix on by `x` in unscaled text space units.
  void advance(double x) { text_matrix_.concat(QPDFMatrix(1, 0, 0, 1, x, 0)); }

  void select_font(GraphicsState& state, QPDFObjectHandle name) {
    state.font = QPDFObjectHandle::newNull();
    state.widths.reset();
    if (!name.isName() || resources_.empty()) return;
    QPDFObjectHandle fonts = resources_.back().isDictionary() ? resources_.back().getKey("/Font") : QPDFObjectHandle();
    if (!fonts.isDictionary()) return;
    QPDFObjectHandle font = fonts.getKey(name.getName());
    if (!font.isDictionary()) return;
    state.font = font;
    auto& cached = font_widths_[font.getObjGen()];
    if (!cached || !font.isIndirect()) cached = std::make_shared<FontWidths>(font);
    state.widths = cached;
  }

  // A string shown: where it stands against the trim.
  void show(GraphicsState& state, QPDFObjectHandle text) {
    if (!text.isString()) return;
    const std::string bytes = text.getStringValue();
    const FontWidths* widths = state.widths.get();
    const bool two_byte = widths && widths->two_byte();
    const QPDFMatrix start = text_matrix_;
    double total = 0;
    for (std::size_t index = 0; index < bytes.size();) {
      unsigned code = static_cast<unsigned char>(bytes[index]);
      std::size_t length = 1;
      if (two_byte && index + 1 < bytes.size()) {
        code = code << 8 | static_cast<unsigned char>(bytes[index + 1]);
        length = 2;
      }
      const double glyph = widths ? widths->width(code) : 0.5;
      double step = glyph * state.font_size + state.character_spacing;
      if (length == 1 && code == 32) step += state.word_spacing;
      total += step * state.horizontal_scale;
      index += length;
    }
    advance(total);
    if (state.render_mode == 3 || state.render_mode == 7) return;  // invisible text (an OCR layer)
    // The shown text's box in text space: its advance wide, from a quarter
    // of the size below the baseline to the size above it.
    QPDFMatrix to_page = state.ctm;
    to_page.concat(start);
    const double size = state.font_size;
    const QPDFObjectHandle::Rectangle page_box = to_page.transformRectangle(QPDFObjectHandle::Rectangle(
        std::min(0.0, total), state.rise - 0.25 * size, std::max(0.0, total), state.rise + size));
    const Box shown{page_box.llx, page_box.lly, page_box.urx, page_box.ury};
    if (shown.width() <= 0 && shown.height() <= 0) return;
    if (!bleed_.overlaps(shown)) return;  // the slug and marks, outside what is printed
    if (safe_.contains(shown, 0)) return;
    ++marks_.near_trim;
    if (trim_.overlaps(shown) && !trim_.contains(shown, 0.5)) ++marks_.across_trim;
  }

  void draw_xobject(GraphicsState& state, const std::string& name) {
    if (resources_.empty() || !resources_.back().isDictionary()) return;
    QPDFObjectHandle xobjects = resources_.back().getKey("/XObject");
    if (!xobjects.isDictionary()) return;
    QPDFObjectHandle xobject = xobjects.getKey(name);
    if (!xobject.isStream()) return;
    QPDFObjectHandle dictionary = xobject.getDict();
    QPDFObjectHandle subtype = dictionary.getKey("/Subtype");
    if (!subtype.isName()) return;
    if (subtype.getName() == "/Image") {
      const double width = dictionary.getKey("/Width").isNumber() ? dictionary.getKey("/Width").getNumericValue() : 0;
      const double height = dictionary.getKey("/Height").isNumber() ? dictionary.getKey("/Height").getNumericValue() : 0;
      check_resolution(state, width, height, "image " + name.substr(1) + " (" + rounded(width) + "×" + rounded(height) + " px)");
    } else if (subtype.getName() == "/Form") {
      // A form inside itself, or forms nested without end, are drawn once.
      if (forms_open_.count(xobject.getObjGen()) || forms_open_.size() >= 32) return;
      forms_open_.insert(xobject.getObjGen());
      GraphicsState saved = state;
      QPDFObjectHandle matrix = dictionary.getKey("/Matrix");
      if (matrix.isArray() && matrix.getArrayNItems() == 6)
        states_.back().ctm.concat(QPDFMatrix(matrix.getArrayAsMatrix()));
      QPDFObjectHandle resources = dictionary.getKey("/Resources");
      resources_.push_back(resources.isDictionary() ? resources : resources_.back());
      check_fonts(resources_.back());
      std::vector<QPDFObjectHandle> operands = std::move(operands_);
      const QPDFMatrix text = text_matrix_, line = line_matrix_;
      operands_.clear();
      try {
        xobject.parseAsContents(this);
      } catch (const std::exception&) {
        // A damaged form: what it drew before the damage was checked.
      }
      operands_ = std::move(operands);
      text_matrix_ = text, line_matrix_ = line;
      resources_.pop_back();
      states_.back() = saved;
      forms_open_.erase(xobject.getObjGen());
    }
  }

  void check_resolution(const GraphicsState& state, double pixels_wide, double pixels_high, const std::string& what) {
    // A few pixels stretched are a flat colour (TeX draws rules so), not a picture.
    if (pixels_wide <= 0 || pixels_high <= 0 || pixels_wide * pixels_high <= 16) return;
    // The image fills the unit square of the CTM: its sides' printed lengths.
    const double width = std::hypot(state.ctm.a, state.ctm.b), height = std::hypot(state.ctm.c, state.ctm.d);
    if (width <= 0 || height <= 0) return;
    const double resolution = std::min(pixels_wide / (width / 72), pixels_high / (height / 72));
    if (resolution >= options_.good_resolution) return;
    if (marks_.lowest_resolution < 0 || resolution < marks_.lowest_resolution) {
      marks_.lowest_resolution = resolution;
      marks_.lowest_image = what + " at " + millimetres(width) + " × " + millimetres(height);
    }
  }

  void check_fonts(QPDFObjectHandle resources) {
    if (!resources.isDictionary()) return;
    QPDFObjectHandle fonts = resources.getKey("/Font");
    if (!fonts.isDictionary()) return;
    for (const std::string& key : fonts.getKeys()) {
      QPDFObjectHandle font = fonts.getKey(key);
      if (font.isDictionary() && !font_embedded(font)) marks_.unembedded_fonts.insert(font_name(font, key));
    }
  }

  const PreflightOptions& options_;
  Box trim_, bleed_, safe_;
  PageMarks& marks_;
  std::vector<GraphicsState> states_{GraphicsState{}};
  std::vector<QPDFObjectHandle> resources_;
  std::vector<QPDFObjectHandle> operands_;
  std::vector<QPDFObjectHandle> inline_image_operands_;
  bool inline_image_ = false;
  QPDFMatrix text_matrix_, line_matrix_;
  std::map<QPDFObjGen, std::shared_ptr<FontWidths>> font_widths_;
  std::set<QPDFObjGen> forms_open_;
};

}  // namespace

namespace {

std::vector<Finding> preflight_pages(std::vector<QPDFPageObjectHelper>& pages, const PreflightOptions& options);

}  // namespace

std::vector<Finding> preflight(const std::string& file_name, const PreflightOptions& options) {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
  try {
    pdf.setSuppressWarnings(true);
    pdf.processFile(file_name.c_str());
    pages = QPDFPageDocumentHelper(pdf).getAllPages();
  } catch (const std::exception& error) {
    throw Error(ErrorKind::bad_input, file_name, std::string("not a PDF qpdf can read: ") + error.what());
  }
  return preflight_pages(pages, options);
}

std::vector<Finding> preflight_bytes(const std::string& pdf_bytes, const std::string& file_name,
                                     const PreflightOptions& options) {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
  try {
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile(file_name.c_str(), pdf_bytes.data(), pdf_bytes.size());
    pages = QPDFPageDocumentHelper(pdf).getAllPages();
  } catch (const std::exception& error) {
    throw Error(ErrorKind::bad_input, file_name, std::string("not a PDF qpdf can read: ") + error.what());
  }
  return preflight_pages(pages, options);
}

namespace {

std::vector<Finding> preflight_pages(std::vector<QPDFPageObjectHelper>& pages, const PreflightOptions& options) {
  std::vector<Finding> findings;
  auto add = [&findings](Severity severity, std::size_t page, std::string message) {
    findings.push_back({severity, page, std::move(message)});
  };
  if (pages.empty()) {
    add(Severity::failure, 0, "the PDF has no pages");
    return findings;
  }
  std::optional<Box> first_trim;
  for (std::size_t index = 0; index < pages.size(); ++index) {
    QPDFPageObjectHelper& page = pages[index];
    const std::size_t number = index + 1;
    try {
      const Box media = Box::of(page.getMediaBox(false));
      QPDFObjectHandle trim_array = page.getObjectHandle().getKey("/TrimBox");
      QPDFObjectHandle bleed_array = page.getObjectHandle().getKey("/BleedBox");
      const bool has_trim = trim_array.isRectangle(), has_bleed = bleed_array.isRectangle();
      // Without them, a reader takes the trim and the bleed to be the
      // CropBox (the MediaBox): checks go on with that.
      const Box crop = Box::of(page.getCropBox(false));
      const Box trim = has_trim ? Box::of(trim_array) : crop;
      const Box bleed = has_bleed ? Box::of(bleed_array) : crop;
      if (!has_trim) add(Severity::failure, number, "no TrimBox: the printer cannot know the page's finished size");
      if (has_trim && !media.contains(trim)) add(Severity::failure, number, "the TrimBox is not inside the MediaBox");
      if (has_bleed && !media.contains(bleed)) add(Severity::failure, number, "the BleedBox is not inside the MediaBox");
      if (has_trim && has_bleed && !bleed.contains(trim)) add(Severity::failure, number, "the TrimBox is not inside the BleedBox");
      if (!first_trim) first_trim = trim;
      else if (std::abs(trim.width() - first_trim->width()) > 0.5 || std::abs(trim.height() - first_trim->height()) > 0.5)
        add(Severity::failure, number,
            "trim size " + rounded(trim.width(), "%.1f") + " × " + rounded(trim.height(), "%.1f") + " pt differs from page 1's " +
                rounded(first_trim->width(), "%.1f") + " × " + rounded(first_trim->height(), "%.1f") + " pt");
      if (options.required_bleed > 0) {
        const double least = std::min({trim.left - bleed.left, bleed.right - trim.right, trim.bottom - bleed.bottom,
                                       bleed.top - trim.top});
        if (least < options.required_bleed - 0.05)
          add(Severity::failure, number,
              "bleed " + millimetres(std::max(0.0, least)) + ", less than the " + millimetres(options.required_bleed) +
                  " asked");
      }

      PageMarks marks;
      ContentWalker walker(options, trim, bleed, marks);
      walker.walk_page(page);
      for (const std::string& font : marks.unembedded_fonts)
        add(Severity::failure, number, "font " + font + " is not embedded");
      if (marks.lowest_resolution >= 0)
        add(marks.lowest_resolution < options.least_resolution ? Severity::failure : Severity::warning, number,
            marks.lowest_image + " is " + rounded(marks.lowest_resolution) + " ppi, under " +
                rounded(marks.lowest_resolution < options.least_resolution ? options.least_resolution
                                                                            : options.good_resolution) +
                " ppi");
      if (marks.thinnest_line >= 0)
        add(Severity::warning, number,
            "a line " + rounded(marks.thinnest_line, "%.2f") + " pt thick, thinner than " +
                rounded(options.minimum_line, "%.2f") + " pt");
      if (marks.near_trim > 0)
        add(Severity::warning, number,
            std::to_string(marks.near_trim) + " text " + (marks.near_trim == 1 ? "run" : "runs") + " within " +
                millimetres(options.trim_safety) + " of the trim" +
                (marks.across_trim > 0 ? " (" + std::to_string(marks.across_trim) + " across it)" : ""));
    } catch (const std::exception& error) {
      add(Severity::failure, number, std::string("cannot be read: ") + error.what());
    }
  }
  if (pages.size() % 4 != 0)
    add(Severity::warning, 0,
        std::to_string(pages.size()) + " pages: a saddle-stitched booklet folds multiples of 4 (" +
            std::to_string(4 - pages.size() % 4) + (pages.size() % 4 == 3 ? " blank page" : " blank pages") +
            " would be added)");
  return findings;
}

}  // namespace
}  // namespace galley::print
