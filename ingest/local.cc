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

// Every input under `paths`, folders walked recursively and sorted.
std::vector<Found> FindInputs(const std::vector<std::string>& paths,
                              std::vector<IngestFailure>& failures) {
  std::vector<Found> found;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      failures.push_back({p, Status::NotFound("no such file or directory")});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& f = it->path();
        if (it->is_directory(ec) && f.filename().string().rfind('.', 0) == 0) {
          it.disable_recursion_pending();  // hidden folders (.git and the like)
          continue;
        }
        if (IsSidecar(f) || KindOf(f) == InputKind::kUnknown) continue;
        std::error_code link_ec;
        if (it->is_symlink(link_ec) && !fs::exists(f, link_ec)) {
          failures.push_back({f.string(), Status::NotFound("broken symbolic link")});
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        files.push_back(f);
      }
      if (ec) failures.push_back({p, Status::IOError("cannot list folder: " + ec.message())});
      std::sort(files.begin(), files.end());
      for (auto& f : files) found.push_back({f, false});
    } else {
      found.push_back({p, true});
    }
  }
  return found;
}

struct Extracted {
  std::string input;
  Article article;
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
  std::vector<Found> inputs = FindInputs(paths, summary.failures);
  IngestProgress state;
  state.total = inputs.size() + summary.failures.size();
  state.done = state.failed = summary.failures.size();
  auto report = [&] {
    if (progress) progress(state);
  };
  report();

  std::vector<Extracted> batch;
  std::size_t batch_bytes = 0;
  auto commit_batch = [&]() -> Status {
    std::stable_sort(batch.begin(), batch.end(), Earlier);
    for (Extracted& e : batch) {
      auto outcome = store.Commit(e.article);
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
  const std::size_t threads = std::max<std::size_t>(
      1, options.read_threads != 0 ? options.read_threads : std::thread::hardware_concurrency());
  PrepareExtractionThreads();
  using Chunk = std::vector<std::optional<Result<Article>>>;
  auto chunk_end = [&](std::size_t begin) {
    std::size_t end = begin, chunk_bytes = 0;
    while (end < inputs.size() && end - begin < std::max<std::size_t>(1, options.batch_size) &&
           (end == begin || chunk_bytes < options.batch_bytes)) {
      std::error_code ec;
      const auto size = fs::file_size(inputs[end].path, ec);
      chunk_bytes += ec ? 0 : static_cast<std::size_t>(size);
      ++end;
    }
    return end;
  };
  auto read_chunk = [&inputs, &options, threads](std::size_t begin, std::size_t end) {
    Chunk read(end - begin);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < read.size(); i = next++) {
        auto article = ExtractFile(inputs[begin + i], options);
        if (article.ok()) AnnotateArticle(*article, options.entities);
        read[i] = std::move(article);
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < std::min(threads, read.size()); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    return read;
  };
  std::size_t begin = 0, end = chunk_end(0);
  std::future<Chunk> pending;
  if (begin < end) pending = std::async(std::launch::async, read_chunk, begin, end);
  while (begin < end) {
    Chunk read = pending.get();
    const std::size_t next_begin = end, next_end = chunk_end(end);
    if (next_begin < next_end)
      pending = std::async(std::launch::async, read_chunk, next_begin, next_end);
    for (std::size_t i = 0; i < read.size(); ++i) {
      const Found& f = inputs[begin + i];
      Result<Article>& article = *read[i];
      ++summary.inputs;
      if (!article.ok()) {
        summary.failures.push_back({f.path.string(), article.status()});
        ++state.failed;
        ++state.done;
        report();
        continue;
      }
      batch_bytes += article->text.size();
      batch.push_back({f.path.string(), std::move(article).value()});
      if (batch.size() >= options.batch_size || batch_bytes >= options.batch_bytes) {
        batch_bytes = 0;
        if (Status s = commit_batch(); !s.ok()) {
          if (pending.valid()) pending.wait();  // its threads read `inputs`
          return s;
        }
      }
    }
    begin = next_begin;
    end = next_end;
  }
  if (Status s = commit_batch(); !s.ok()) return s;
  return summary;
}

}  // namespace newsdesk
