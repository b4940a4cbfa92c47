#include "app/worker_pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <thread>

#include "app/batch_plan.hpp"
#include "app/spawn.hpp"
#include "app/unique_fd.hpp"
#include "app/worker_protocol.hpp"

extern char** environ;

namespace galley::app {

namespace fs = std::filesystem;

void fail_system(const std::string& what) {
  throw Error(ErrorKind::internal, "", what + ": " + std::strerror(errno));
}

void write_all(int descriptor, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) fail_system("cannot report to the batch");
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

namespace {


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
  const Limits& limits = options.conversion.limits;
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
  if (!options.conversion.lang.empty()) arguments.push_back("--lang=" + options.conversion.lang);
  if (!options.conversion.from.empty()) arguments.push_back("--from=" + options.conversion.from);
  if (options.conversion.allow_outside_images) arguments.push_back("--allow-outside-images");
  if (options.conversion.recover) arguments.push_back("--recover");
  if (options.conversion.missing_images == MissingImages::describe) arguments.push_back("--missing-images=describe");
  for (const std::string& pair : options.conversion.metadata) arguments.push_back("--metadata=" + pair);
  if (!options.conversion.metadata_file.empty()) arguments.push_back("--metadata-file=" + options.conversion.metadata_file);
  if (!options.print.bleed.empty()) arguments.push_back("--bleed=" + options.print.bleed);
  if (options.print.marks) arguments.push_back("--marks");
  if (options.print.no_marks) arguments.push_back("--no-marks");
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

}  // namespace

void handle_batch_stop_signals() { handle_stop_signals(on_batch_stop_signal); }

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
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0)
    return static_cast<unsigned>(CPU_COUNT(&allowed));
  return std::max(1u, std::thread::hardware_concurrency());
}


}  // namespace galley::app
