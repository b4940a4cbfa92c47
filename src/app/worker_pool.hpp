// A batch's worker processes (app/batch.hpp): copies of this executable, each
// given one article at a time over a socket (app/worker_protocol.hpp), so a
// crash costs one article and a slow article holds up no queue.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "app/batch.hpp"
#include "app/batch_record.hpp"
#include "app/progress.hpp"

namespace galley::app {

// Throws an internal galley::Error naming `what` and errno's message.
[[noreturn]] void fail_system(const std::string& what);

// Writes all the bytes (a worker's report), or throws.
void write_all(int descriptor, std::string_view bytes);

// The parent's stop signals: the first stops the batch between articles, a
// second is forwarded to the workers, which then stop at once.
void handle_batch_stop_signals();

// The cores this process may run on (taskset, a Slurm allocation), not all
// the machine has.
unsigned default_jobs();

// Runs the articles in `worker_count` processes, each given one article at a
// time; every result goes to `record`. Returns the articles not converted
// because a stop signal or a usage error ended the batch.
std::vector<std::filesystem::path> run_workers(const BuildOptions& options,
                                               const std::vector<std::filesystem::path>& articles,
                                               std::size_t worker_count, BatchRecord& record, Progress& progress);

}  // namespace galley::app
