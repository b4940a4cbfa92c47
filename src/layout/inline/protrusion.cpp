#include "layout/inline/protrusion.hpp"

namespace galley::layout {
namespace {

struct Protrusion {
  gunichar character;
  double left, right;  // shares of the character's advance
};

// microtype's default set for text faces (thousandths there), for the
// characters news and book prose end and begin lines with.
constexpr Protrusion text_protrusion[] = {
    {'.', 0, 0.7},       {',', 0, 0.7},        {':', 0, 0.5},      {';', 0, 0.5},
    {'!', 0, 0.2},       {'?', 0, 0.2},        {'-', 0, 0.7},      {0x2010, 0, 0.7},  // hyphen
    {0x00AD, 0, 0.7},    {0x2013, 0.2, 0.4},   {0x2014, 0.15, 0.3},                   // en and em dash
    {0x2018, 0.7, 0.7},  {0x2019, 0.7, 0.7},   {'\'', 0.7, 0.7},                      // single quotes
    {0x201C, 0.5, 0.5},  {0x201D, 0.5, 0.5},   {'"', 0.5, 0.5},                       // double quotes
    {0x201A, 0.4, 0.4},  {0x201E, 0.4, 0.4},                                          // low quotes
    {0x00AB, 0.5, 0.5},  {0x00BB, 0.5, 0.5},   {0x2039, 0.5, 0.5}, {0x203A, 0.5, 0.5},  // guillemets
    {0x2026, 0, 0.2},    {')', 0, 0.05},       {'(', 0.05, 0},
};

const Protrusion* find(FontClass font_class, gunichar c) {
  // Every cell of a monospaced face is as wide as a letter's: nothing hangs.
  if (font_class == FontClass::monospace) return nullptr;
  for (const Protrusion& entry : text_protrusion)
    if (entry.character == c) return &entry;
  return nullptr;
}

}  // namespace

double right_protrusion(FontClass font_class, gunichar c) {
  const Protrusion* entry = find(font_class, c);
  return entry ? entry->right : 0;
}

double left_protrusion(FontClass font_class, gunichar c) {
  const Protrusion* entry = find(font_class, c);
  return entry ? entry->left : 0;
}

}  // namespace galley::layout
