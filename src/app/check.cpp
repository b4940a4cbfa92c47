#include "app/check.hpp"

#include "app/inputs.hpp"
#include "app/spawn.hpp"
#include "galley/print.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>

extern char** environ;

namespace galley::app {
namespace {

namespace fs = std::filesystem;

constexpr int exit_finding = 1;  // exit_usage is app/inputs.hpp's

// A folder of our own under the temporary directory, removed with
// everything in it when the check is done.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (fs::temp_directory_path() / "galley-check-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct ProgramResult {
  bool ran = false;     // false: it could not be started
  int exit_code = -1;   // its exit status; -1 when a signal ended it
  std::string output;   // standard output and standard error together
};

// Runs `arguments` (no shell: file names are passed as they are) with its
// output captured in `folder`.
ProgramResult run_program(const std::vector<std::string>& arguments, const fs::path& folder) {
  ProgramResult result;
  const fs::path output_file = folder / "output.txt";
  SpawnActions spawn;
  posix_spawn_file_actions_addopen(&spawn.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&spawn.actions, STDOUT_FILENO, output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_adddup2(&spawn.actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, argv[0], &spawn.actions, nullptr, argv.data(), environ);
  if (spawned != 0) return result;
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  result.ran = true;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream file(output_file, std::ios::binary);
  result.output.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  // posix_spawnp reports a missing program from the child on some systems.
  if (result.exit_code == 127) result.ran = false;
  return result;
}

bool is_executable(const fs::path& path) { return access(path.c_str(), X_OK) == 0; }

std::optional<fs::path> find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream folders(path ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');)
    if (!folder.empty() && is_executable(fs::path(folder) / name)) return fs::path(folder) / name;
  return std::nullopt;
}

// One checker's verdict on one file.
struct Verdict {
  std::string checker;
  bool ran = false;
  int findings = 0;
  std::string summary;  // "0 errors, 0 warnings", or why it did not run
  std::string details;  // the checker's own words when it found something
};

constexpr const char* epubcheck_jar = "/usr/share/java/epubcheck.jar";

Verdict run_epubcheck(const fs::path& file, const fs::path& folder) {
  Verdict verdict{"epubcheck", false, 0, "", ""};
  // Debian's /usr/bin/epubcheck is a bare jar that fails when run directly.
  if (!fs::exists(epubcheck_jar) || !find_on_path("java")) {
    verdict.summary = "not installed";
    return verdict;
  }
  const ProgramResult result = run_program({"java", "-jar", epubcheck_jar, file.string()}, folder);
  static const std::regex totals(R"(Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?)");
  std::smatch match;
  if (!result.ran || !std::regex_search(result.output, match, totals)) {
    verdict.ran = true;
    verdict.findings = 1;
    verdict.summary = "did not finish";
    verdict.details = result.output;
    return verdict;
  }
  verdict.ran = true;
  const int fatals = std::stoi(match[1]), errors = std::stoi(match[2]), warnings = std::stoi(match[3]);
  verdict.findings = fatals + errors + warnings;
  verdict.summary = std::to_string(fatals + errors) + " errors, " + std::to_string(warnings) + " warnings";
  if (verdict.findings > 0) verdict.details = result.output;
  return verdict;
}

// The folder this executable is in, found at run time: an installed copy
// and a build tree each find their Ace beside them, never at a path of the
// machine that built them.
std::optional<fs::path> executable_folder() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error || self.empty()) return std::nullopt;
  return self.parent_path();
}

// Ace by DAISY's launcher: the one $GALLEY_ACE names, else one beside this
// executable (PREFIX/libexec/galley/ace or PREFIX/share/galley/ace/ace for an
// installed copy, ../tools/ace/ace for a build folder in the checkout, as
// scripts/install-deps puts it), else an `ace` on the PATH.
std::optional<fs::path> find_ace() {
  if (const char* named = std::getenv("GALLEY_ACE"); named && *named) {
    if (is_executable(named)) return fs::path(named);
    return std::nullopt;
  }
  if (const std::optional<fs::path> folder = executable_folder()) {
    for (const fs::path& candidate : {*folder / ".." / "libexec" / "galley" / "ace",
                                      *folder / ".." / "share" / "galley" / "ace" / "ace",
                                      *folder / ".." / "tools" / "ace" / "ace"})
      if (is_executable(candidate)) return candidate.lexically_normal();
  }
  return find_on_path("ace");
}

Verdict run_ace(const fs::path& file, const fs::path& folder) {
  Verdict verdict{"Ace", false, 0, "", ""};
  const std::optional<fs::path> ace = find_ace();
  if (!ace) {
    verdict.summary = "not installed (set GALLEY_ACE, or put ace on the PATH)";
    return verdict;
  }
  const fs::path report_folder = folder / "ace";
  const ProgramResult result =
      run_program({ace->string(), "--silent", "--force", "--outdir", report_folder.string(), file.string()}, folder);
  std::ifstream report(report_folder / "report.json", std::ios::binary);
  if (!result.ran || !report) {
    // It could not start, or it stopped before it wrote a report: the book
    // was not checked, which is not the same as no violations.
    verdict.summary = "failed to start or finish (" + ace->string() + ")";
    verdict.details = result.output;
    return verdict;
  }
  // Each violation in Ace's EARL report is an assertion naming its test
  // ("earl:test"), nested under the document's assertions; passed checks
  // list none.
  const nlohmann::json earl = nlohmann::json::parse(report, nullptr, false);
  if (earl.is_discarded()) {
    verdict.summary = "wrote a report that is not JSON (" + (report_folder / "report.json").string() + ")";
    return verdict;
  }
  verdict.ran = true;
  std::vector<const nlohmann::json*> pending{&earl};
  while (!pending.empty()) {
    const nlohmann::json& node = *pending.back();
    pending.pop_back();
    if (node.is_object() && node.contains("earl:test")) ++verdict.findings;
    if (node.is_structured())
      for (const nlohmann::json& child : node) pending.push_back(&child);
  }
  verdict.summary = std::to_string(verdict.findings) + " violations";
  if (verdict.findings > 0) verdict.details = "see Ace's report: rerun " + ace->string() + " -o DIR " + file.string();
  return verdict;
}

Verdict run_qpdf(const fs::path& file, const fs::path& folder) {
  Verdict verdict{"qpdf --check", false, 0, "", ""};
  if (!find_on_path("qpdf")) {
    verdict.summary = "not installed";
    return verdict;
  }
  const ProgramResult result = run_program({"qpdf", "--check", file.string()}, folder);
  verdict.ran = true;
  // qpdf: 0 no problems, 2 errors, 3 warnings only.
  if (result.exit_code == 0 && result.output.find("No syntax or stream encoding errors found") != std::string::npos) {
    verdict.summary = "no problems";
    return verdict;
  }
  verdict.findings = 1;
  verdict.summary = result.exit_code == 3 ? "warnings" : "errors";
  verdict.details = result.output;
  return verdict;
}

enum class CheckedFormat { epub, pdf };

std::optional<CheckedFormat> format_of(const fs::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".epub") return CheckedFormat::epub;
  if (extension == ".pdf") return CheckedFormat::pdf;
  return std::nullopt;
}

// "page 3", "pages 1–4, 7": the pages a finding was made on, in runs.
std::string page_list(const std::vector<std::size_t>& pages) {
  if (pages.size() == 1 && pages.front() == 0) return "document";
  std::string text = pages.size() == 1 ? "page " : "pages ";
  for (std::size_t index = 0; index < pages.size();) {
    std::size_t end = index;
    while (end + 1 < pages.size() && pages[end + 1] == pages[end] + 1) ++end;
    if (index > 0) text += ", ";
    text += std::to_string(pages[index]);
    if (end > index) text += "\u2013" + std::to_string(pages[end]);
    index = end + 1;
  }
  return text;
}

}  // namespace

int run_print_check(const std::vector<std::string>& files, const std::string& bleed) {
  print::PreflightOptions options;
  if (!bleed.empty()) {
    const std::optional<double> points = style::parse_length(bleed);
    if (!points || *points < 0 || *points > 72) {
      std::cerr << "galley: error: --bleed " << bleed << ": not a length such as 3mm or 0.125in\n";
      return exit_usage;
    }
    options.required_bleed = *points;
  }
  for (const std::string& name : files)
    if (format_of(name) != CheckedFormat::pdf) {
      std::cerr << "galley: error: " << name << ": --print checks PDF files only\n";
      return exit_usage;
    }
  int failures = 0, warnings = 0, unreadable = 0;
  for (const std::string& name : files) {
    std::vector<print::Finding> findings;
    try {
      findings = print::preflight(name, options);
    } catch (const Error& error) {
      std::cerr << "galley: error: " << error.what() << "\n";
      ++unreadable;
      continue;
    }
    // One line per finding, with every page it was made on.
    std::vector<std::pair<print::Severity, std::string>> order;
    std::map<std::pair<print::Severity, std::string>, std::vector<std::size_t>> pages;
    int file_failures = 0, file_warnings = 0;
    for (const print::Finding& finding : findings) {
      const auto key = std::pair(finding.severity, finding.message);
      if (!pages.count(key)) order.push_back(key);
      pages[key].push_back(finding.page);
      (finding.severity == print::Severity::failure ? file_failures : file_warnings) += 1;
    }
    std::cout << name << ": print preflight: " << file_failures << (file_failures == 1 ? " failure, " : " failures, ")
              << file_warnings << (file_warnings == 1 ? " warning" : " warnings") << "\n";
    for (const auto& key : order)
      std::cout << "  " << (key.first == print::Severity::failure ? "failure" : "warning") << ": "
                << page_list(pages[key]) << ": " << key.second << "\n";
    failures += file_failures;
    warnings += file_warnings;
  }
  std::cout << "check --print: " << failures << (failures == 1 ? " failure, " : " failures, ") << warnings
            << (warnings == 1 ? " warning" : " warnings") << " in " << files.size()
            << (files.size() == 1 ? " file" : " files");
  if (unreadable > 0) std::cout << " (" << unreadable << " unreadable)";
  std::cout << std::endl;
  return failures + unreadable == 0 ? 0 : exit_finding;
}

int run_check(const std::vector<std::string>& files, const std::vector<std::string>& allow_missing) {
  // A checker that did not run is a finding, unless --allow-missing names it.
  auto allowed_missing = [&](const std::string& checker) {
    std::string name = checker.substr(0, checker.find(' '));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(allow_missing.begin(), allow_missing.end(), name) != allow_missing.end();
  };
  for (const std::string& name : files)
    if (!format_of(name)) {
      std::cerr << "galley: error: " << name << ": not an .epub or .pdf file\n";
      return exit_usage;
    }
  int findings = 0, problems = 0, checked = 0;
  for (const std::string& name : files) {
    std::error_code error;
    if (!fs::is_regular_file(name, error)) {
      std::cerr << "galley: error: " << name << ": cannot be read\n";
      ++problems;
      continue;
    }
    TemporaryFolder folder;
    std::vector<Verdict> verdicts;
    if (*format_of(name) == CheckedFormat::epub) {
      verdicts.push_back(run_epubcheck(name, folder.path()));
      verdicts.push_back(run_ace(name, folder.path()));
    } else {
      verdicts.push_back(run_qpdf(name, folder.path()));
    }
    std::string line;
    bool any_ran = false;
    for (const Verdict& verdict : verdicts) {
      line += (line.empty() ? "" : "; ") + verdict.checker + ": " + (verdict.ran ? "" : "not run: ") + verdict.summary;
      any_ran = any_ran || verdict.ran;
      findings += verdict.findings;
      if (!verdict.ran && !allowed_missing(verdict.checker)) ++findings;
      if (verdict.findings > 0 && !verdict.details.empty()) std::cerr << verdict.details << "\n";
    }
    if (any_ran) ++checked;
    else std::cerr << "galley: warning: " << name << ": no checker is installed for it\n";
    std::cout << name << ": " << line << std::endl;
  }
  std::cout << "check: " << (findings == 0 ? std::string("no") : std::to_string(findings)) << " findings in "
            << files.size() << (files.size() == 1 ? " file" : " files") << " (" << checked << " checked";
  if (problems > 0) std::cout << ", " << problems << " unreadable";
  std::cout << ")\n";
  return findings + problems == 0 ? 0 : exit_finding;
}

}  // namespace galley::app
