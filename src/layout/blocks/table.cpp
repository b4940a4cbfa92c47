#include "layout/blocks/table.hpp"

#include <algorithm>
#include <memory>

#include "layout/article_slabs.hpp"

namespace galley::layout {
namespace {

struct TableCellText {
  StyledText text;
  CellWidths widths;
};
using TableRowText = std::vector<TableCellText>;

style::TextStyle table_style(const style::Theme& theme, bool header) {
  style::TextStyle style = theme.caption;
  style.space_before = style.space_after = 0;
  if (header) style.weight = 700;
  return style;
}

doc::Inlines cell_inlines(const doc::TableCell& cell) {
  doc::Inlines inlines;
  for (const doc::Block& block : cell.body) {
    doc::Inlines part = inlines_of(block);
    if (!inlines.empty() && !part.empty()) inlines.emplace_back(doc::LineBreak{});
    inlines.insert(inlines.end(), part.begin(), part.end());
  }
  return inlines;
}

double widest_line(FontSystem& fonts, const StyledText& text, const style::TextStyle& style, double width) {
  ParagraphFormat format{&style, width, 0, TextAlignment::left};
  double widest = 0;
  for (const SetLine& line : set_paragraph(fonts, text, format)) widest = std::max(widest, line.width);
  return widest;
}

std::vector<TableRowText> measure_rows(SlabWriter& writer, const std::vector<std::vector<doc::TableCell>>& rows,
                                       std::size_t columns, bool header) {
  std::vector<TableRowText> measured;
  for (const auto& row : rows) {
    TableRowText cells(columns);
    for (std::size_t column = 0; column < row.size(); ++column) {
      TableCellText& cell = cells[column];
      cell.text = styled_text(cell_inlines(row[column]), writer.note_numbers(), nullptr);
      if (cell.text.text.empty()) continue;
      const style::TextStyle style = table_style(writer.theme(), header);
      cell.widths.natural = widest_line(writer.fonts(), cell.text, style, 1e6);
      cell.widths.minimum = widest_word(writer.fonts(), cell.text, style);
    }
    measured.push_back(std::move(cells));
  }
  return measured;
}

Slab table_row_slab(SlabWriter& writer, const TableRowText& row, const std::vector<double>& widths,
                    const std::vector<doc::Alignment>& alignments, double indent, double gutter, double table_width,
                    bool header) {
  const style::Theme& theme = writer.theme();
  const style::TextStyle style = table_style(theme, header);
  const double padding = style.size * 0.35;  // above and below the text
  Slab slab;
  double row_height = 0;
  double x = indent;
  for (std::size_t column = 0; column < row.size(); ++column) {
    const doc::Alignment alignment = column < alignments.size() ? alignments[column] : doc::Alignment::default_;
    const TextAlignment text_alignment = alignment == doc::Alignment::right    ? TextAlignment::right
                                         : alignment == doc::Alignment::center ? TextAlignment::center
                                                                                : TextAlignment::left;
    if (!row[column].text.text.empty()) {
      ParagraphFormat format{&style, widths[column], 0, text_alignment};
      std::vector<SetLine> lines = set_paragraph(writer.fonts(), row[column].text, format);
      for (std::size_t index = 0; index < lines.size(); ++index)
        for (GlyphRun& run : lines[index].runs) {
          run.x += x;
          run.y += padding + baseline_offset(style) + static_cast<double>(index) * style.leading;
          slab.items.emplace_back(std::move(run));
        }
      row_height = std::max(row_height, static_cast<double>(lines.size()) * style.leading);
    }
    x += widths[column] + gutter;
  }
  slab.height = std::max(row_height, style.leading) + 2 * padding;
  RuleItem rule;
  rule.x0 = indent;
  rule.x1 = indent + table_width;
  rule.y0 = rule.y1 = slab.height;
  rule.thickness = header ? 0.6 : 0.25;
  rule.color = header ? theme.body.color : theme.credit.color;
  slab.items.emplace_back(rule);
  if (header) {
    RuleItem top = rule;
    top.y0 = top.y1 = 0;
    top.thickness = 0.8;
    slab.items.emplace_back(top);
  }
  return slab;
}

}  // namespace

double min_content_width(const std::vector<std::vector<CellWidths>>& rows, std::size_t columns, double gutter) {
  std::vector<double> minimum(columns, 0);
  for (const std::vector<CellWidths>& row : rows)
    for (std::size_t column = 0; column < columns && column < row.size(); ++column)
      minimum[column] = std::max(minimum[column], row[column].minimum);
  double width = gutter * static_cast<double>(columns - 1);
  for (double column : minimum) width += column;
  return width;
}

std::vector<double> column_widths(const std::vector<std::vector<CellWidths>>& rows, std::size_t columns,
                                  double available, double gutter) {
  std::vector<double> natural(columns, 0), minimum(columns, 0);
  for (const std::vector<CellWidths>& row : rows)
    for (std::size_t column = 0; column < columns && column < row.size(); ++column) {
      natural[column] = std::max(natural[column], row[column].natural);
      minimum[column] = std::max(minimum[column], row[column].minimum);
    }
  const double room = available - gutter * static_cast<double>(columns - 1);
  double natural_sum = 0, minimum_sum = 0;
  for (std::size_t column = 0; column < columns; ++column) {
    natural[column] = std::max(natural[column], minimum[column]) + 0.5;  // rounding in the shaper
    natural_sum += natural[column];
    minimum_sum += minimum[column];
  }
  if (natural_sum <= room) return natural;
  std::vector<double> widths(columns);
  if (minimum_sum >= room) {
    // Even the longest words do not fit: every column gives up a share.
    for (std::size_t column = 0; column < columns; ++column)
      widths[column] = room * (minimum_sum > 0 ? minimum[column] / minimum_sum : 1.0 / static_cast<double>(columns));
    return widths;
  }
  const double wanted = natural_sum - minimum_sum;
  for (std::size_t column = 0; column < columns; ++column)
    widths[column] = minimum[column] + (room - minimum_sum) * (natural[column] - minimum[column]) / wanted;
  return widths;
}

void add_table(SlabWriter& writer, const doc::Table& node, double indent) {
  const style::Theme& theme = writer.theme();
  std::size_t columns = 0;
  for (const auto* rows : {&node.header_rows, &node.body_rows})
    for (const auto& row : *rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  const double gutter = theme.caption.size;

  const std::vector<TableRowText> header_rows = measure_rows(writer, node.header_rows, columns, true);
  const std::vector<TableRowText> body_rows = measure_rows(writer, node.body_rows, columns, false);
  std::vector<std::vector<CellWidths>> measured;
  for (const auto* rows : {&header_rows, &body_rows})
    for (const TableRowText& row : *rows) {
      std::vector<CellWidths>& cells = measured.emplace_back();
      for (const TableCellText& cell : row) cells.push_back(cell.widths);
    }
  // A table whose longest words do not fit a column's measure is set across
  // all the columns, as newspapers set a wide table, so that no word is cut.
  const bool across = writer.geometry().columns > 1 &&
                      min_content_width(measured, columns, gutter) > writer.measure() - indent;
  const double available = (across ? writer.geometry().width : writer.measure()) - indent;
  const std::vector<double> widths = column_widths(measured, columns, available, gutter);
  double table_width = gutter * static_cast<double>(columns - 1);
  for (double width : widths) table_width += width;

  writer.add_space(theme.body.leading / 2);
  if (!node.caption.empty()) {
    TextOptions caption{&theme.caption, TextAlignment::left};
    caption.left = indent;
    caption.keep_together = true;
    caption.keep_with_next = true;
    caption.spans_columns = across;
    writer.add_text(node.caption, caption);
    writer.drop_pending_space();
  }
  // The header rows open the table and are repeated by the page builder
  // at the top of every column the table continues in.
  auto header = std::make_shared<std::vector<Slab>>();
  for (const TableRowText& row : header_rows) {
    Slab slab = table_row_slab(writer, row, widths, node.alignments, indent, gutter, table_width, true);
    slab.keep_with_next = true;
    slab.spans_columns = across;
    header->push_back(slab);
    writer.push_slab(std::move(slab));
  }
  SourceMarks& marks = writer.marks();
  for (std::size_t index = 0; index < body_rows.size(); ++index) {
    Slab slab = table_row_slab(writer, body_rows[index], widths, node.alignments, indent, gutter, table_width, false);
    // A row begins where its first cell's first block does.
    for (const doc::TableCell& cell : node.body_rows[index])
      if (!cell.body.empty()) {
        if (marks.marking_block()) marks.mark(slab, {marks.block_number(cell.body.front()), 0, 0});
        break;
      }
    // No row alone at the top or the foot of a column.
    slab.keep_with_next = body_rows.size() > 2 && (index == 0 || index + 2 == body_rows.size());
    slab.spans_columns = across;
    // Rows across the columns go down the page one by one: no column to repeat a header in.
    if (!header->empty() && !across) slab.repeated_header = header;
    writer.push_slab(std::move(slab));
  }
  if (!writer.slabs().empty()) writer.slabs().back().keep_with_next = false;
  writer.add_space(theme.body.leading / 2);
}

}  // namespace galley::layout
