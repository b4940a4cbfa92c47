// The one RAII owner for memory GLib hands back to be freed with g_free
// (g_convert, g_uri_resolve_relative, g_str_to_ascii, g_base64_decode, ...),
// shared by the readers, the EPUB writer and layout.
#pragma once

#include <glib.h>

#include <memory>

namespace galley::glib {

struct Free {
  void operator()(gpointer memory) const noexcept { g_free(memory); }
};

// Owned<guchar> for byte buffers; String for the usual gchar text.
template <typename T>
using Owned = std::unique_ptr<T, Free>;
using String = Owned<gchar>;

}  // namespace galley::glib
