// `galley build` (app/batch.hpp): the plan of a batch (folders listed,
// repeats and clashing output names settled, the shard taken), worker
// processes fed one article at a time, the progress display, the summary and
// the manifest.
#include "app/batch.hpp"

#include <fcntl.h>
#include <glib.h>
#include <poll.h>
#include <sched.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "app/json.hpp"
#include "app/spawn.hpp"
#include "app/stage_clock.hpp"
#include "galley/layout.hpp"

extern char** environ;

namespace galley::app {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail_system(const std::string& what) {
  throw Error(ErrorKind::internal, "", what + ": " + std::strerror(errno));
}

// ---------------------------------------------------------------- C resources

// Owns a file descriptor: closed when the owner goes.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int descriptor) : descriptor_(descriptor) {}
  UniqueFd(UniqueFd&& other) noexcept : descriptor_(std::exchange(other.descriptor_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.descriptor_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const noexcept { return descriptor_; }
  explicit operator bool() const noexcept { return descriptor_ >= 0; }
  void reset(int descriptor = -1) noexcept {
    if (descriptor_ >= 0) close(descriptor_);
    descriptor_ = descriptor;
  }

 private:
  int descriptor_ = -1;
};

void write_all(int descriptor, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) fail_system("cannot report to the batch");
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

// ---------------------------------------------------------------- one article

struct OutputRecord {
  std::string path;         // as printed: the output folder joined with the file name
  std::string sha256;       // lowercase hex
  std::uintmax_t size = 0;  // bytes
};

struct ArticleResult {
  bool converted = false;
  std::vector<OutputRecord> outputs;
  std::string identifier;  // dc:identifier, as the EPUB has it
  std::size_t pages = 0;   // pages of the print layout (the PDF's; the EPUB's page list)
  std::string error_kind;  // "bad_input", "io", "usage", "internal", or "crash"
  std::string error;       // the message, naming the file
};

ArticleResult failed(std::string kind, std::string error) {
  ArticleResult result;
  result.error_kind = std::move(kind);
  result.error = std::move(error);
  return result;
}

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_input: return "bad_input";
    case ErrorKind::io: return "io";
    case ErrorKind::usage: return "usage";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

std::string sha256_hex(std::string_view bytes) {
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> checksum(g_checksum_new(G_CHECKSUM_SHA256),
                                                                  &g_checksum_free);
  if (!checksum) throw Error(ErrorKind::internal, "", "GLib offers no SHA-256");
  // g_checksum_update takes a signed length: fed in pieces, any size fits.
  constexpr std::size_t piece = std::size_t{1} << 30;
  for (std::size_t offset = 0; offset < bytes.size(); offset += piece) {
    std::string_view part = bytes.substr(offset, piece);
    g_checksum_update(checksum.get(), reinterpret_cast<const guchar*>(part.data()),
                      static_cast<gssize>(part.size()));
  }
  return g_checksum_get_string(checksum.get());
}

// Where an article's outputs go: the output folder, the article's name
// without its extension, the format's extension.
std::vector<fs::path> output_targets(const BuildOptions& options, const fs::path& source) {
  std::vector<fs::path> targets;
  for (OutputFormat format : formats_named(options.format))
    targets.push_back(fs::path(options.output_directory) / (source.stem().string() + "." + file_extension(format)));
  return targets;
}

// Converts articles one at a time with one theme; what each conversion
// made or why it failed is returned, never thrown.
class ArticleConverter {
 public:
  explicit ArticleConverter(const BuildOptions& options)
      : options_(options), theme_(style::load_theme(options.style)) {}

  const style::Theme& theme() const { return theme_; }

  ArticleResult convert(const fs::path& source) const {
    try {
      return convert_or_throw(source);
    } catch (const Error& error) {
      return failed(kind_name(error.kind()), error.what());
    } catch (const std::exception& error) {
      return failed("internal", source.string() + ": " + error.what());
    }
  }

 private:
  ArticleResult convert_or_throw(const fs::path& source) const {
    StageClock clock(options_.timings);
    LoadedInput input =
        load_input(source, options_.lang.empty() ? theme_.lang : options_.lang, options_.from, options_.limits);
    clock.lap("reading");
    const doc::Document& document = input.read.document;
    WriteOptions write_options;
    write_options.theme = &theme_;
    write_options.resource_directory = input.path.has_parent_path() ? input.path.parent_path() : ".";
    write_options.allow_outside_images = options_.allow_outside_images;
    write_options.source_file = input.path.string();
    write_options.max_pages = options_.limits.max_pages;
    write_options.max_image_pixels = options_.limits.max_image_megapixels * 1'000'000;
    write_options.modified_time = resolve_build_time(document.meta, input.modification_time);
    Diagnostics warnings;
    write_options.warnings = &warnings;
    // Laid out once: the PDF draws these pages, the EPUB marks where each begins.
    write_options.pages = layout_pages(write_options, document);
    clock.lap("layout");
    // Every output is made before any is written, so a failure leaves
    // all of the previous outputs as they were.
    std::vector<std::pair<fs::path, std::string>> outputs;
    std::vector<fs::path> targets = output_targets(options_, source);
    const std::vector<OutputFormat> formats = formats_named(options_.format);
    for (std::size_t index = 0; index < formats.size(); ++index) {
      outputs.emplace_back(targets[index], write_document(formats[index], write_options, document));
      clock.lap(formats[index] == OutputFormat::pdf ? "PDF" : "EPUB");
    }
    print_diagnostics(warnings);

    ArticleResult result;
    result.identifier = document.meta.identifier.empty() ? derive_identifier(document) : document.meta.identifier;
    result.pages = write_options.pages->pages.size();
    for (const auto& [target, bytes] : outputs) {
      write_file_atomically(target, bytes);
      result.outputs.push_back({target.string(), sha256_hex(bytes), bytes.size()});
    }
    clock.lap("writing");
    result.converted = true;
    return result;
  }

  const BuildOptions& options_;
  style::Theme theme_;
};

// ---------------------------------------------------------------- the workers' reports
//
// A worker reads one job a line on its stdin (the article's path) and
// answers one line on its stdout, fields apart by tabs:
//   ok TAB identifier TAB pages {TAB output path TAB sha256 TAB size}...
//   failed TAB kind TAB message
// Backslash, tab and newline inside a field are written \\, \t and \n.

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text[index] != '\\' || index + 1 == text.size()) {
      out += text[index];
      continue;
    }
    char next = text[++index];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
  }
  return out;
}

std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(unescaped(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

template <typename Number>
std::optional<Number> number_in(const std::string& text) {
  Number value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string encode_result(const ArticleResult& result) {
  std::string line;
  if (result.converted) {
    line = "ok\t" + escaped(result.identifier) + "\t" + std::to_string(result.pages);
    for (const OutputRecord& output : result.outputs)
      line += "\t" + escaped(output.path) + "\t" + output.sha256 + "\t" + std::to_string(output.size);
  } else {
    line = "failed\t" + escaped(result.error_kind) + "\t" + escaped(result.error);
  }
  return line + "\n";
}

ArticleResult decode_result(std::string_view line, const fs::path& source) {
  std::vector<std::string> fields = split_fields(line);
  if (fields.size() == 3 && fields[0] == "failed") return failed(fields[1], fields[2]);
  if (fields.size() >= 3 && fields[0] == "ok" && (fields.size() - 3) % 3 == 0) {
    ArticleResult result;
    result.converted = true;
    result.identifier = fields[1];
    std::optional<std::size_t> pages = number_in<std::size_t>(fields[2]);
    bool readable = pages.has_value();
    result.pages = pages.value_or(0);
    for (std::size_t index = 3; index < fields.size(); index += 3) {
      std::optional<std::uintmax_t> size = number_in<std::uintmax_t>(fields[index + 2]);
      readable = readable && size.has_value();
      result.outputs.push_back({fields[index], fields[index + 1], size.value_or(0)});
    }
    if (readable) return result;
  }
  return failed("internal", source.string() + ": the worker's report cannot be read: " + std::string(line));
}

// ---------------------------------------------------------------- progress

std::string duration_text(double seconds) {
  long whole = static_cast<long>(seconds + 0.5);
  if (whole < 60) return std::to_string(whole) + " s";
  if (whole < 3600) return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
  return std::to_string(whole / 3600) + " h " + std::to_string(whole / 60 % 60) + " min";
}

std::string rate_text(double per_second) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", per_second);
  return buffer;
}

// Shows how far a batch has come on stderr: a bar redrawn in place on a
// terminal, a plain line at most every second otherwise, nothing when quiet.
// Every other line a batch prints to stderr goes through message(), so the
// bar is never torn by it. The clock is only ever read for this display.
class Progress {
 public:
  enum class Mode { none, lines, terminal };

  Progress(std::size_t total, Mode mode) : total_(total), mode_(mode) {}

  void message(std::string_view line) {
    clear_bar();
    std::cerr << line << "\n";
    draw_bar();
  }

  void article_done() {
    ++done_;
    update(true);
  }

  // Redraws the bar (which shows the time left) or prints a line when one is due.
  void update(bool article_finished = false) {
    const auto now = std::chrono::steady_clock::now();
    if (mode_ == Mode::terminal && (article_finished || now - last_shown_ >= std::chrono::milliseconds(250))) {
      last_shown_ = now;
      draw_bar();
    } else if (mode_ == Mode::lines && done_ < total_ && now - last_shown_ >= std::chrono::seconds(1)) {
      last_shown_ = now;
      std::cerr << "galley: " << status() << "\n";
    }
  }

  void finish() {
    if (mode_ == Mode::none) return;
    clear_bar();
    std::cerr << "galley: " << done_ << " of " << total_ << " articles done in " << duration_text(elapsed()) << " ("
              << rate_text(rate()) << " articles/s)\n";
    mode_ = Mode::none;
  }

 private:
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }
  double rate() const { return elapsed() > 0 ? static_cast<double>(done_) / elapsed() : 0; }

  std::string status() const {
    std::string text = std::to_string(done_) + "/" + std::to_string(total_) + " articles";
    if (done_ == 0) return text;
    text += ", " + rate_text(rate()) + " articles/s";
    if (done_ < total_) text += ", about " + duration_text(static_cast<double>(total_ - done_) / rate()) + " left";
    return text;
  }

  void draw_bar() {
    if (mode_ != Mode::terminal) return;
    constexpr std::size_t width = 24;
    std::size_t filled = total_ == 0 ? width : done_ * width / total_;
    std::string line = "[" + std::string(filled, '=') + std::string(width - filled, ' ') + "] " + status();
    // A line wider than the terminal would wrap, and \r would redraw only its last part.
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1 && line.size() >= size.ws_col)
      line.resize(size.ws_col - 1u);
    std::cerr << "\r\033[K" << line << std::flush;
  }

  void clear_bar() {
    if (mode_ == Mode::terminal) std::cerr << "\r\033[K";
  }

  std::size_t total_;
  std::size_t done_ = 0;
  Mode mode_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_shown_ = started_;
};

// ---------------------------------------------------------------- the batch's record

struct Failure {
  std::string source;
  std::string kind;
  std::string error;
};

struct ManifestEntry {
  std::string name;  // the output's file name, in the manifest's folder
  std::string source;
  std::string identifier;
  std::string sha256;
  std::uintmax_t size = 0;
  std::size_t pages = 0;
};

// Collects what each article came to: prints the outputs on stdout as they
// land and each error as it comes, keeps both for the manifest and summary.
class BatchRecord {
 public:
  explicit BatchRecord(Progress& progress) : progress_(progress) {}

  void add(const fs::path& source, const ArticleResult& result) {
    if (result.converted) {
      for (const OutputRecord& output : result.outputs) {
        // Flushed: a script watching a long batch sees each output as it lands.
        std::cout << output.path << std::endl;
        entries_.push_back({fs::path(output.path).filename().string(), source.string(), result.identifier,
                            output.sha256, output.size, result.pages});
      }
    } else {
      progress_.message("galley: error: " + result.error);
      failures_.push_back({source.string(), result.error_kind, result.error});
      if (result.error_kind == "usage") usage_error_ = true;
    }
    progress_.article_done();
  }

  const std::vector<Failure>& failures() const { return failures_; }
  bool made_outputs() const { return !entries_.empty(); }
  bool usage_error() const { return usage_error_; }

  // manifest.json: every output (sorted by file name) and every failure
  // (sorted by source), so the same inputs give the same bytes whatever the
  // number of workers and the order they finished in.
  std::string manifest_json(const std::string& shard) const {
    std::vector<ManifestEntry> entries = entries_;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::vector<Failure> failures = failures_;
    std::sort(failures.begin(), failures.end(), [](const auto& a, const auto& b) { return a.source < b.source; });
    std::string out = "{\n  \"generator\": " + json_string("galley " GALLEY_VERSION) + ",\n";
    out += "  \"shard\": " + (shard.empty() ? std::string("null") : json_string(shard)) + ",\n";
    out += "  \"outputs\": [";
    for (std::size_t index = 0; index < entries.size(); ++index) {
      const ManifestEntry& entry = entries[index];
      out += std::string(index ? ",\n" : "\n") + "    {\"path\": " + json_string(entry.name) +
             ", \"source\": " + json_string(entry.source) + ", \"identifier\": " + json_string(entry.identifier) +
             ", \"sha256\": " + json_string(entry.sha256) + ", \"size\": " + std::to_string(entry.size) +
             ", \"pages\": " + std::to_string(entry.pages) + "}";
    }
    out += entries.empty() ? "],\n" : "\n  ],\n";
    out += "  \"failures\": [";
    for (std::size_t index = 0; index < failures.size(); ++index) {
      const Failure& failure = failures[index];
      out += std::string(index ? ",\n" : "\n") + "    {\"source\": " + json_string(failure.source) +
             ", \"kind\": " + json_string(failure.kind) + ", \"error\": " + json_string(failure.error) + "}";
    }
    out += failures.empty() ? "]\n" : "\n  ]\n";
    return out + "}\n";
  }

 private:
  Progress& progress_;
  std::vector<ManifestEntry> entries_;
  std::vector<Failure> failures_;
  bool usage_error_ = false;
};

// ---------------------------------------------------------------- the plan

struct BatchPlan {
  bool is_batch = false;                // folders, several files or a shard: a manifest is written
  std::vector<fs::path> to_convert;     // this shard's articles, in list order
  std::vector<std::pair<fs::path, ArticleResult>> refused;  // this shard's articles refused before converting
  std::size_t total() const { return to_convert.size() + refused.size(); }
};

// The list every shard agrees on: folders listed in place, a repeated path
// kept once, and an article whose outputs would take the names of an earlier
// one's refused (which one wins would otherwise depend on timing). Then the
// shard: round robin, article i (0-based) to shard i % N + 1, so each
// machine gets a like mix of the archive's years, sizes and sources.
BatchPlan plan_batch(const BuildOptions& options, std::optional<std::pair<std::size_t, std::size_t>> shard) {
  BatchPlan plan;
  plan.is_batch = options.inputs.size() > 1 || shard.has_value();
  // Each entry: an article, or a folder refused (empty, unreadable) in its place.
  std::vector<std::pair<fs::path, std::optional<ArticleResult>>> listed;
  for (const std::string& input : options.inputs) {
    std::error_code error;
    if (!fs::is_directory(input, error)) {
      listed.emplace_back(input, std::nullopt);
      continue;
    }
    plan.is_batch = true;
    try {
      std::vector<fs::path> articles = articles_in_directory(input);
      if (articles.empty())
        listed.emplace_back(input, failed("bad_input", input + ": a directory with no articles in it (.txt, .text, "
                                                               ".md, .markdown, .xml, .nitf)"));
      for (const fs::path& article : articles) listed.emplace_back(article, std::nullopt);
    } catch (const Error& unreadable) {
      listed.emplace_back(input, failed(kind_name(unreadable.kind()), unreadable.what()));
    }
  }
  std::set<std::string> seen;
  std::map<std::string, fs::path> owner_of_name;
  std::size_t index = 0;
  for (auto& [source, refusal] : listed) {
    if (!seen.insert(source.lexically_normal().string()).second) continue;
    if (!refusal) {
      auto [owner, fresh] = owner_of_name.emplace(source.stem().string(), source);
      if (!fresh) {
        std::string names;
        for (const fs::path& target : output_targets(options, source))
          names += (names.empty() ? "" : " and ") + target.filename().string();
        refusal = failed("bad_input", source.string() + ": not converted: its outputs would be named " + names +
                                          ", as are those of " + owner->second.string());
      }
    }
    if (!shard || index % shard->second == shard->first - 1) {
      if (refusal) plan.refused.emplace_back(source, *refusal);
      else plan.to_convert.push_back(source);
    }
    ++index;
  }
  return plan;
}

// ---------------------------------------------------------------- worker processes

// A second SIGINT or SIGTERM to the parent of a batch (the first is in
// stop_signal): forwarded to the workers, which then stop at once.
volatile std::sig_atomic_t second_stop_signal = 0;

extern "C" void on_batch_stop_signal(int signal_number) {
  if (stop_signal == 0) stop_signal = signal_number;
  else second_stop_signal = signal_number;
}

// The command line of a worker: this build's options, less the inputs
// (jobs come on stdin). Values are joined to their option with "=", so a
// value that begins with "-" stays a value.
std::vector<std::string> worker_arguments(const BuildOptions& options) {
  const InputLimits& limits = options.limits;
  std::vector<std::string> arguments = {"galley",
                                        "build",
                                        "--batch-worker",
                                        "--output=" + options.output_directory,
                                        "--format=" + options.format,
                                        "--style=" + options.style,
                                        "--max-input-mb=" + std::to_string(limits.max_input_megabytes),
                                        "--max-depth=" + std::to_string(limits.max_depth),
                                        "--max-pages=" + std::to_string(limits.max_pages),
                                        "--max-image-megapixels=" + std::to_string(limits.max_image_megapixels)};
  if (!options.lang.empty()) arguments.push_back("--lang=" + options.lang);
  if (!options.from.empty()) arguments.push_back("--from=" + options.from);
  if (options.allow_outside_images) arguments.push_back("--allow-outside-images");
  return arguments;
}

// One worker: a copy of this executable in its own process group (so a
// terminal's Ctrl-C reaches the parent alone, which forwards it once), its
// stdin and stdout one socket to the parent, its stderr a pipe the parent
// relays. Destroying it ends its jobs and waits for it.
class WorkerProcess {
 public:
  explicit WorkerProcess(const std::vector<std::string>& arguments) {
    int channel_ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel_ends) != 0) fail_system("socketpair");
    channel_.reset(channel_ends[0]);
    UniqueFd worker_channel(channel_ends[1]);
    int error_ends[2];
    if (pipe2(error_ends, O_CLOEXEC) != 0) fail_system("pipe2");
    errors_.reset(error_ends[0]);
    UniqueFd worker_errors(error_ends[1]);

    SpawnActions actions;
    posix_spawn_file_actions_adddup2(&actions.actions, worker_channel.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions.actions, worker_channel.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions.actions, worker_errors.get(), STDERR_FILENO);
    SpawnAttributes attributes;
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int signal_number : {SIGINT, SIGTERM, SIGPIPE}) sigaddset(&defaults, signal_number);
    posix_spawnattr_setflags(&attributes.attributes,
                             POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes.attributes, 0);
    posix_spawnattr_setsigmask(&attributes.attributes, &none);
    posix_spawnattr_setsigdefault(&attributes.attributes, &defaults);

    std::vector<char*> argv;
    for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    // /proc/self/exe: this very executable, even if the file was replaced since.
    int error = posix_spawn(&process_id_, "/proc/self/exe", &actions.actions, &attributes.attributes, argv.data(),
                            environ);
    if (error != 0) {
      errno = error;
      fail_system("cannot start a worker process");
    }
    // Reads never block the parent, whatever poll said.
    for (int descriptor : {channel_.get(), errors_.get()})
      fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK);
  }

  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  ~WorkerProcess() {
    if (process_id_ <= 0) return;
    end_jobs();
    // Whatever it is converting, it finishes; then it finds no job and ends.
    int status = 0;
    while (waitpid(process_id_, &status, 0) < 0 && errno == EINTR) {
    }
  }

  // Sends an article; false when the worker is gone.
  bool give(std::size_t job, const fs::path& source) {
    std::string line = escaped(source.string()) + "\n";
    std::string_view rest = line;
    while (!rest.empty()) {
      // MSG_NOSIGNAL: a dead worker is an answer, not a SIGPIPE for the parent.
      ssize_t sent = send(channel_.get(), rest.data(), rest.size(), MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0 && errno == EAGAIN) {  // a full socket: wait until it takes more
        pollfd writable{channel_.get(), POLLOUT, 0};
        poll(&writable, 1, -1);
        continue;
      }
      if (sent <= 0) return false;
      rest.remove_prefix(static_cast<std::size_t>(sent));
    }
    job_ = job;
    return true;
  }

  // No more jobs: the worker ends once it has reported the one it has.
  void end_jobs() {
    if (channel_) shutdown(channel_.get(), SHUT_WR);
  }

  void signal(int signal_number) const {
    if (process_id_ > 0) kill(process_id_, signal_number);
  }

  // Reads what is waiting on the channel: the complete lines are reports.
  std::vector<std::string> read_reports() { return read_lines(channel_, reports_pending_); }
  // Reads what is waiting on stderr: the complete lines, and at its end the rest.
  std::vector<std::string> read_errors() { return read_lines(errors_, errors_pending_); }

  int channel() const { return channel_.get(); }
  int errors() const { return errors_.get(); }
  // What poll found ready, taken once each.
  void note_ready(int descriptor) {
    if (descriptor == channel_.get()) channel_ready_ = true;
    if (descriptor == errors_.get()) errors_ready_ = true;
  }
  bool take_channel_ready() { return channel_ && std::exchange(channel_ready_, false); }
  bool take_errors_ready() { return errors_ && std::exchange(errors_ready_, false); }
  bool finished_output() const { return !channel_ && !errors_; }
  std::optional<std::size_t>& job() { return job_; }

  // Once both outputs ended: the worker's wait status.
  int wait() {
    int status = 0;
    while (waitpid(process_id_, &status, 0) < 0) {
      if (errno != EINTR) fail_system("waitpid");
    }
    process_id_ = 0;
    return status;
  }

 private:
  static std::vector<std::string> read_lines(UniqueFd& descriptor, std::string& pending) {
    std::vector<std::string> lines;
    char buffer[1 << 14];
    ssize_t count = read(descriptor.get(), buffer, sizeof buffer);
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) return lines;
    if (count > 0) pending.append(buffer, static_cast<std::size_t>(count));
    std::size_t start = 0;
    for (std::size_t end; (end = pending.find('\n', start)) != std::string::npos; start = end + 1)
      lines.push_back(pending.substr(start, end - start));
    pending.erase(0, start);
    if (count <= 0) {  // the end (or an error, which ends it as well)
      if (!pending.empty()) lines.push_back(std::exchange(pending, {}));
      descriptor.reset();
    }
    return lines;
  }

  pid_t process_id_ = 0;
  UniqueFd channel_;
  UniqueFd errors_;
  std::string reports_pending_;
  std::string errors_pending_;
  std::optional<std::size_t> job_;
  bool channel_ready_ = false;
  bool errors_ready_ = false;
};

std::string describe_end(int status) {
  if (WIFSIGNALED(status)) {
    int signal_number = WTERMSIG(status);
    const char* name = sigabbrev_np(signal_number);
    return "was killed by signal " + std::to_string(signal_number) + (name ? std::string(" (SIG") + name + ")" : "");
  }
  return "exited with status " + std::to_string(WEXITSTATUS(status)) + " without a report";
}

// A worker that died mid-article may leave write_file_atomically's
// temporary file ("TARGET.galley-XXXXXX") behind: removed here.
void remove_temporaries(const std::vector<fs::path>& targets) {
  for (const fs::path& target : targets) {
    const std::string prefix = target.filename().string() + ".galley-";
    std::error_code error;
    for (fs::directory_iterator entry(target.has_parent_path() ? target.parent_path() : ".", error), end;
         !error && entry != end; entry.increment(error))
      if (entry->path().filename().string().starts_with(prefix)) fs::remove(entry->path(), error);
  }
}

// Runs the articles in `workers` processes, each given one article at a time
// (so a slow article never holds up a queue behind it). Returns the articles
// not converted because a stop signal or a usage error ended the batch.
std::vector<fs::path> run_workers(const BuildOptions& options, const std::vector<fs::path>& articles,
                                  std::size_t worker_count, BatchRecord& record, Progress& progress) {
  const std::vector<std::string> arguments = worker_arguments(options);
  std::deque<std::size_t> waiting;
  for (std::size_t index = 0; index < articles.size(); ++index) waiting.push_back(index);
  std::vector<fs::path> not_converted;
  std::vector<std::unique_ptr<WorkerProcess>> workers;
  auto stopping = [&record] { return stop_signal != 0 || record.usage_error(); };

  auto give_next = [&](WorkerProcess& worker) {
    if (!waiting.empty() && !stopping() && worker.give(waiting.front(), articles[waiting.front()])) {
      waiting.pop_front();
      return;
    }
    worker.end_jobs();
  };
  auto start_worker = [&] {
    workers.push_back(std::make_unique<WorkerProcess>(arguments));
    give_next(*workers.back());
  };
  for (std::size_t count = 0; count < worker_count; ++count) start_worker();

  bool forwarded = false;
  bool forwarded_again = false;
  while (!workers.empty()) {
    if (stopping() && !forwarded) {
      forwarded = true;
      for (const auto& worker : workers) {
        if (stop_signal != 0) worker->signal(stop_signal);
        worker->end_jobs();
      }
    }
    if (second_stop_signal != 0 && !forwarded_again) {
      forwarded_again = true;
      for (const auto& worker : workers) worker->signal(second_stop_signal);
    }

    std::vector<pollfd> watched;
    std::vector<WorkerProcess*> watcher;  // whose each watched descriptor is
    for (const auto& worker : workers)
      for (int descriptor : {worker->channel(), worker->errors()})
        if (descriptor >= 0) {
          watched.push_back({descriptor, POLLIN, 0});
          watcher.push_back(worker.get());
        }
    // The timeout redraws the time left, and notices a signal that came
    // just before poll began.
    if (poll(watched.data(), watched.size(), 250) < 0 && errno != EINTR) fail_system("poll");
    // Readiness is noted by worker, not looked up by descriptor later: a
    // worker started below may be given a number just closed.
    for (std::size_t entry = 0; entry < watched.size(); ++entry)
      if (watched[entry].revents & (POLLIN | POLLHUP | POLLERR)) watcher[entry]->note_ready(watched[entry].fd);

    for (std::size_t index = 0; index < workers.size();) {
      WorkerProcess& worker = *workers[index];
      if (worker.take_errors_ready())
        for (const std::string& line : worker.read_errors()) progress.message(line);
      if (worker.take_channel_ready())
        for (const std::string& line : worker.read_reports()) {
          if (!worker.job()) continue;  // a report for nothing asked: ignored
          const fs::path& source = articles[*worker.job()];
          record.add(source, decode_result(line, source));
          worker.job().reset();
          give_next(worker);
        }
      if (!worker.finished_output()) {
        ++index;
        continue;
      }
      const int status = worker.wait();
      if (std::optional<std::size_t> job = worker.job()) {
        const fs::path& source = articles[*job];
        remove_temporaries(output_targets(options, source));
        if (stopping()) not_converted.push_back(source);
        else record.add(source, failed("crash", source.string() + ": the worker converting it " + describe_end(status)));
      }
      workers.erase(workers.begin() + static_cast<std::ptrdiff_t>(index));
      if (!waiting.empty() && !stopping()) start_worker();
    }
    progress.update();
  }
  for (std::size_t job : waiting) not_converted.push_back(articles[job]);
  return not_converted;
}

unsigned default_jobs() {
  // The cores this process may run on (taskset, a Slurm allocation), not
  // all the machine has.
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0)
    return static_cast<unsigned>(CPU_COUNT(&allowed));
  return std::max(1u, std::thread::hardware_concurrency());
}

// The worker's side: jobs on stdin, reports on stdout. Its stdout is the
// channel to the parent, so anything else a library might print there goes
// to stderr instead.
int run_worker(const BuildOptions& options) {
  ArticleConverter converter(options);
  UniqueFd reports(dup(STDOUT_FILENO));
  if (!reports || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) fail_system("dup");
  // The first signal (forwarded by the parent) ends the loop after the
  // article at hand; a second removes the temporary file and ends at once.
  handle_stop_signals();
  std::string line;
  while (stop_signal == 0 && std::getline(std::cin, line))
    write_all(reports.get(), encode_result(converter.convert(unescaped(line))));
  return 0;
}

void print_summary(const BatchRecord& record, std::size_t total, const std::vector<fs::path>& not_converted) {
  const std::vector<Failure>& failures = record.failures();
  if (!failures.empty()) {
    std::cerr << "galley: " << failures.size() << " of " << total << " articles failed:\n";
    for (const Failure& failure : failures) std::cerr << "  " << failure.error << "\n";
  }
  if (not_converted.empty()) return;
  if (stop_signal != 0) std::cerr << "galley: stopped by signal " << stop_signal << "; ";
  else std::cerr << "galley: stopped by the usage error above; ";
  std::cerr << not_converted.size() << " of " << total << " articles not converted:\n";
  constexpr std::size_t shown = 10;
  for (std::size_t index = 0; index < not_converted.size() && index < shown; ++index)
    std::cerr << "  " << not_converted[index].string() << "\n";
  if (not_converted.size() > shown) std::cerr << "  and " << not_converted.size() - shown << " more\n";
}

}  // namespace

std::pair<std::size_t, std::size_t> parse_shard(const std::string& text) {
  std::size_t slash = text.find('/');
  std::optional<std::size_t> index, count;
  if (slash != std::string::npos) {
    index = number_in<std::size_t>(text.substr(0, slash));
    count = number_in<std::size_t>(text.substr(slash + 1));
  }
  if (!index || !count || *index < 1 || *index > *count)
    throw Error(ErrorKind::usage, "--shard", "expects K/N with 1 <= K <= N (e.g. 2/8), not \"" + text + "\"");
  return {*index, *count};
}

CLI::Validator shard_validator() {
  return CLI::Validator(
      [](std::string& text) {
        try {
          parse_shard(text);
          return std::string();
        } catch (const Error& error) {
          return error.message();
        }
      },
      "K/N");
}

int run_build(const BuildOptions& options) {
  if (options.batch_worker) return run_worker(options);
  if (options.inputs.empty()) throw Error(ErrorKind::usage, "build", "needs an article file or a folder of articles");
  std::optional<std::pair<std::size_t, std::size_t>> shard;
  if (!options.shard.empty()) shard = parse_shard(options.shard);
  ArticleConverter converter(options);
  print_diagnostics(layout::check_theme_fonts(converter.theme()));
  prepare_output_directory(options.output_directory);
  BatchPlan plan = plan_batch(options, shard);

  if (!plan.is_batch) {
    // One article, converted here: no progress, no manifest, as ever.
    handle_stop_signals();
    Progress silent(1, Progress::Mode::none);
    BatchRecord record(silent);
    for (const fs::path& source : plan.to_convert) record.add(source, converter.convert(source));
    // A signal during the one article let it finish: nothing was left undone.
    if (record.usage_error()) return exit_usage;
    return record.failures().empty() ? 0 : exit_bad_input;
  }

  const Progress::Mode mode = options.quiet || plan.to_convert.empty() ? Progress::Mode::none
                              : isatty(STDERR_FILENO) != 0 ? Progress::Mode::terminal
                                                            : Progress::Mode::lines;
  Progress progress(plan.total(), mode);
  BatchRecord record(progress);
  for (const auto& [source, refusal] : plan.refused) record.add(source, refusal);
  handle_stop_signals(on_batch_stop_signal);
  // Even --jobs 1 uses a worker process: a crash then costs one article.
  const std::size_t workers = std::min<std::size_t>(options.jobs == 0 ? default_jobs() : options.jobs,
                                                    plan.to_convert.size());
  std::vector<fs::path> not_converted = run_workers(options, plan.to_convert, workers, record, progress);
  progress.finish();
  print_summary(record, plan.total(), not_converted);
  if (record.usage_error()) return exit_usage;
  // A signal that came while the last articles were finishing left nothing undone.
  if (!not_converted.empty()) return 128 + stop_signal;

  // A batch that made nothing leaves the folder as it was (an older manifest too).
  if (!record.made_outputs()) return record.failures().empty() ? 0 : exit_bad_input;
  // Shards written into one folder each keep a manifest of their own.
  const std::string shard_name = shard ? std::to_string(shard->first) + "-of-" + std::to_string(shard->second) : "";
  const std::string manifest_name = shard ? "manifest-" + shard_name + ".json" : "manifest.json";
  write_file_atomically(fs::path(options.output_directory) / manifest_name, record.manifest_json(shard_name));
  return record.failures().empty() ? 0 : exit_bad_input;
}

}  // namespace galley::app
