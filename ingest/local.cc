// Local files and folders → articles → the store.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <sstream>
#include <thread>

#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace ingest_internal {

Result<std::string> ReadFile(const fs::path& p, std::size_t limit) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) return Status::IOError("cannot read: " + ec.message());
  if (size > limit) {
    return Status::TooLarge("file is " + std::to_string(size) + " bytes, over the limit of " +
                            std::to_string(limit) + " bytes (max_input_bytes)");
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  std::string data;
  data.resize(static_cast<std::size_t>(size));
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    return Status::IOError("cannot read: the file changed size while it was read");
  }
  return data;
}

void AnnotateArticle(Article& article, const EntityOptions& options) {
  const std::string text = article.title + "\n\n" + article.text;
  auto entities = RecognizeEntities(text, options);
  article.entities = entities.ok() ? std::move(entities).value() : DocumentEntities{};
  auto facts = ExtractFacts(text, article.entities, article.published);
  article.facts = facts.ok() ? std::move(facts).value() : ArticleFacts{};
}

}  // namespace ingest_internal

namespace {

using ingest_internal::AnnotateArticle;
using ingest_internal::ReadFile;

enum class InputKind { kHtml, kText, kUnknown };

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool IsSidecar(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 10 && name.compare(name.size() - 10, 10, ".meta.json") == 0;
}

InputKind KindOf(const fs::path& p) {
  std::string ext = LowerExtension(p);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputKind::kHtml;
  if (ext == ".txt") return InputKind::kText;
  return InputKind::kUnknown;
}

struct Found {
  fs::path path;
  bool named;  // named on the command line, not found in a folder
};

// The inputs under `paths`, one at a time: each path as given, a folder's
// files depth first with each folder's entries in name order (the order
// std::sort gives their paths), hidden folders skipped, links to folders not
// followed. It holds one sorted listing per folder level, so a run over a
// million files does not keep a million paths.
class InputWalk {
 public:
  explicit InputWalk(const std::vector<std::string>& paths) : paths_(paths) {}

  // The next input; nullopt after the last. An input that cannot be read
  // (missing, a broken link, a folder that cannot be listed) goes to
  // `failures` and the walk goes on.
  std::optional<Found> Next(std::vector<IngestFailure>& failures) {
    while (true) {
      if (!folders_.empty()) {
        Folder& top = folders_.back();
        if (top.next == top.names.size()) {
          folders_.pop_back();
          continue;
        }
        fs::path f = top.path / top.names[top.next++];
        std::error_code ec;
        const fs::file_status link = fs::symlink_status(f, ec);
        if (ec) continue;  // gone since it was listed
        if (fs::is_directory(link)) {
          if (f.filename().string().rfind('.', 0) != 0)
            Enter(f, failures);  // not .git and the like
          continue;
        }
        if (IsSidecar(f) || KindOf(f) == InputKind::kUnknown) continue;
        const fs::file_status st = fs::status(f, ec);
        if (fs::is_symlink(link) && (ec || !fs::exists(st))) {
          failures.push_back({f.string(), Status::NotFound("broken symbolic link")});
          continue;
        }
        if (!fs::is_regular_file(st)) continue;
        return Found{std::move(f), false};
      }
      if (next_path_ == paths_.size()) return std::nullopt;
      const std::string& p = paths_[next_path_++];
      std::error_code ec;
      const fs::file_status st = fs::status(p, ec);
      if (ec || !fs::exists(st)) {
        failures.push_back({p, Status::NotFound("no such file or directory")});
      } else if (fs::is_directory(st)) {
        Enter(p, failures);
      } else {
        return Found{p, true};
      }
    }
  }

 private:
  struct Folder {
    fs::path path;
    std::vector<std::string> names;  // sorted
    std::size_t next = 0;
  };

  void Enter(const fs::path& folder, std::vector<IngestFailure>& failures) {
    Folder f{folder, {}, 0};
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      f.names.push_back(it->path().filename().string());
    }
    if (ec)
      failures.push_back({folder.string(), Status::IOError("cannot list folder: " + ec.message())});
    std::sort(f.names.begin(), f.names.end());
    folders_.push_back(std::move(f));
  }

  const std::vector<std::string>& paths_;
  std::size_t next_path_ = 0;
  std::vector<Folder> folders_;  // the folders being walked, outermost first
};

struct Extracted {
  std::string input;
  Article article;
  ArticleDigest digest;  // of `article`, computed where it was read
};

Result<Article> ExtractFile(const Found& f, const IngestOptions& options) {
  auto bytes = ReadFile(f.path, options.extract.max_input_bytes);
  if (!bytes.ok()) return bytes.status();

  ArticleOverrides overrides;
  fs::path sidecar = f.path;
  sidecar.replace_extension(".meta.json");
  std::error_code ec;
  if (fs::exists(sidecar, ec)) {
    auto json = ReadFile(sidecar, 1u << 20);
    if (!json.ok()) return json.status().WithContext(sidecar.string());
    auto parsed = ParseSidecar(*json);
    if (!parsed.ok()) return parsed.status().WithContext(sidecar.string());
    overrides = std::move(parsed).value();
  }

  fs::path absolute = fs::absolute(f.path, ec);
  std::string url = FileUrl((ec ? f.path : absolute).lexically_normal().string());
  InputKind kind = KindOf(f.path);
  if (kind == InputKind::kUnknown) {
    std::string head = bytes->substr(0, 1024);
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (head.find("<html") != std::string::npos ||
        head.find("<!doctype html") != std::string::npos) {
      kind = InputKind::kHtml;
    } else {
      return Status::Unsupported("not an HTML page or a .txt article");
    }
  }
  if (kind == InputKind::kText) return ExtractTextArticle(*bytes, url, overrides, options.extract);
  return ExtractHtmlArticle(*bytes, url, overrides, options.extract);
}

// One reading thread per core but one: that core is the committing
// thread's, which every article waits for. With a reader on each core the
// three threads of a 2-core machine share two cores, and the committing one
// waited 2–3 s for a core in a 16-s ingest of 10,000 pages
// (/proc/thread-self/schedstat); with one reader, 0.5–0.7 s, and the
// ingest was 5–24% faster (bench/ingest.sh, four alternating runs).
std::size_t DefaultReadThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? cores - 1 : 1;
}

// The order articles are committed in: by time, undated last.
bool Earlier(const Extracted& a, const Extracted& b) {
  auto key = [](const Article& x) {
    auto t = x.published ? x.published : x.modified;
    return std::tuple(!t.has_value(), t.value_or(0), x.modified.value_or(0));
  };
  return key(a.article) < key(b.article);
}

}  // namespace

Result<IngestSummary> IngestPaths(const std::vector<std::string>& paths, Store& store,
                                  const IngestOptions& options, const ProgressCallback& progress) {
  IngestSummary summary;
  IngestProgress state;
  if (progress) {
    // The total first, for a progress bar that knows its end: a second walk
    // of the folders, without reading a file.
    std::vector<IngestFailure> ignored;
    for (InputWalk count(paths); count.Next(ignored);) ++state.total;
    state.total += ignored.size();
  }
  auto report = [&] {
    if (progress) progress(state);
  };
  report();

  std::vector<Extracted> batch;
  std::size_t batch_bytes = 0;
  auto commit_batch = [&]() -> Status {
    std::stable_sort(batch.begin(), batch.end(), Earlier);
    for (Extracted& e : batch) {
      auto outcome = store.Commit(e.article, std::move(e.digest));
      if (!outcome.ok()) {
        Status s = outcome.status();
        if (s.code() == Status::Code::kInvalidInput) {
          summary.failures.push_back({e.input, s});
          ++state.failed;
        } else {
          return s.WithContext(e.input);
        }
      } else if (outcome->kind == CommitKind::kNew) {
        ++summary.added;
        ++state.added;
      } else if (outcome->kind == CommitKind::kUpdated) {
        ++summary.updated;
        ++state.updated;
      } else {
        ++summary.duplicates;
        ++state.duplicates;
      }
      ++state.done;
      report();
    }
    batch.clear();
    return Status::Ok();
  };

  // Files are read (extraction, entities, facts) on `threads` threads, a
  // chunk at a time (at most batch_size files, or fewer once their sizes add
  // up to batch_bytes), the next chunk while this thread commits the last,
  // in order.
  const std::size_t threads =
      options.read_threads != 0 ? options.read_threads : DefaultReadThreads();
  PrepareExtractionThreads();
  struct Chunk {
    std::vector<Found> files;
    std::vector<std::optional<Result<Article>>> read;  // one per file
    std::vector<ArticleDigest> digests;                // of each article read
    // Inputs the walk could not use, each with the number of files before it.
    std::vector<std::pair<std::size_t, IngestFailure>> unusable;
  };
  InputWalk walk(paths);
  auto next_chunk = [&] {
    Chunk chunk;
    std::vector<IngestFailure> failures;
    std::size_t chunk_bytes = 0;
    while (chunk.files.size() < std::max<std::size_t>(1, options.batch_size) &&
           (chunk.files.empty() || chunk_bytes < options.batch_bytes)) {
      std::optional<Found> f = walk.Next(failures);
      for (IngestFailure& failure : failures)
        chunk.unusable.emplace_back(chunk.files.size(), std::move(failure));
      failures.clear();
      if (!f) break;
      std::error_code ec;
      const auto size = fs::file_size(f->path, ec);
      chunk_bytes += ec ? 0 : static_cast<std::size_t>(size);
      chunk.files.push_back(std::move(*f));
    }
    return chunk;
  };
  auto read_chunk = [&options, threads](Chunk chunk) {
    chunk.read.resize(chunk.files.size());
    chunk.digests.resize(chunk.files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < chunk.read.size(); i = next++) {
        auto article = ExtractFile(chunk.files[i], options);
        if (article.ok()) {
          AnnotateArticle(*article, options.entities);
          chunk.digests[i] = DigestArticle(*article);
        }
        chunk.read[i] = std::move(article);
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < std::min(threads, chunk.read.size()); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    return chunk;
  };
  std::future<Chunk> pending;
  auto start_reading = [&] {
    Chunk next = next_chunk();
    if (!next.files.empty() || !next.unusable.empty())
      pending = std::async(std::launch::async, read_chunk, std::move(next));
  };
  start_reading();
  while (pending.valid()) {
    Chunk chunk = pending.get();
    start_reading();
    auto unusable = chunk.unusable.begin();
    for (std::size_t i = 0; i <= chunk.files.size(); ++i) {
      for (; unusable != chunk.unusable.end() && unusable->first == i; ++unusable) {
        summary.failures.push_back(std::move(unusable->second));
        ++state.failed;
        ++state.done;
        report();
      }
      if (i == chunk.files.size()) break;
      const Found& f = chunk.files[i];
      Result<Article>& article = *chunk.read[i];
      ++summary.inputs;
      if (!article.ok()) {
        summary.failures.push_back({f.path.string(), article.status()});
        ++state.failed;
        ++state.done;
        report();
        continue;
      }
      batch_bytes += article->text.size();
      batch.push_back({f.path.string(), std::move(article).value(), std::move(chunk.digests[i])});
      if (batch.size() >= options.batch_size || batch_bytes >= options.batch_bytes) {
        batch_bytes = 0;
        if (Status s = commit_batch(); !s.ok()) {
          if (pending.valid()) pending.wait();  // its threads read `options`
          return s;
        }
      }
    }
  }
  if (Status s = commit_batch(); !s.ok()) return s;
  return summary;
}

}  // namespace newsdesk
