// story_eval FILE.jsonl [--order time|shuffled|file] [--seed N] [--half even|odd]
//                       [--threshold X] [--merge-threshold X] [--verbose]
//
// Measures story clustering against gold event clusters
// (../shared/data/stories-dev/ecbplus-dev.jsonl: one JSON object a line with
// doc_id, subtopic (the gold cluster), source_url, host, title, text, and
// optionally its date: "date", "published", "published_at", "timestamp" or
// "time", an ISO 8601 / RFC 822 string or Unix seconds). Each
// document goes through what `newsdesk ingest` does with a text file and its
// sidecar (ExtractTextArticle with the URL, outlet and title given, entity
// recognition) and is committed to a fresh RocksDB store in a temporary
// directory; the stories the store ends with are the predicted clusters.
//
// Prints B-cubed precision, recall and F1 over documents (for each document,
// the share of its predicted cluster that is in its gold cluster, and the
// share of its gold cluster that is in its predicted cluster, averaged over
// documents), the number of predicted and gold clusters, and articles
// committed per second (extraction and recognition excluded).
//
// A dated document is published at its date, and dated corpora arrive in
// time order by default, as news does (documents without a date keep their
// place in the file among the dated ones, and are ingested at the time of
// the last dated document before them). An undated corpus (stories-dev)
// arrives shuffled by default (seed 1), since news does not arrive sorted by
// event, and every article gets the same ingestion time: time cannot
// separate its events, only words and entities. A date that cannot be read
// leaves its document undated, with a warning. --half keeps the documents
// whose index in the file is even or odd, to check that a change helps on
// both halves. --threshold and --merge-threshold override
// StoreOptions::story_threshold and story_merge_threshold. --verbose lists
// each document's story and date.
//
// tests/store/story_eval_test.cc compiles this file in (without its main) so
// that the test and the tool share the metric.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "ingest/internal.h"
#include "store/store.h"

namespace newsdesk::story_eval {

struct Document {
  std::string id;
  std::string gold;  // the gold cluster
  std::optional<std::string> url, host, title;
  std::optional<UnixSeconds> date;             // when it was published, where the corpus says
  std::optional<std::string> unreadable_date;  // a date given that could not be read
  std::string text;
};

// The ingestion time of undated documents in an undated corpus.
inline constexpr UnixSeconds kUndatedClock = 1700000000;

// A document's date: a string ParseDateTime reads, or a number of Unix
// seconds (milliseconds when it is too large to be seconds).
inline std::optional<UnixSeconds> ReadDocumentDate(const nlohmann::json& v) {
  if (v.is_string()) return ParseDateTime(v.get<std::string>());
  if (v.is_number()) {
    double t = v.get<double>();
    constexpr double kLargestSeconds = 1e11;  // the year 5138
    if (std::abs(t) > kLargestSeconds) t /= 1000;
    if (!std::isfinite(t) || std::abs(t) > kLargestSeconds) return std::nullopt;
    return static_cast<UnixSeconds>(t);
  }
  return std::nullopt;
}

// The date of the first dated document, if any.
inline std::optional<UnixSeconds> FirstDate(const std::vector<Document>& docs) {
  for (const Document& d : docs)
    if (d.date) return d.date;
  return std::nullopt;
}

// Reads one document a line; a malformed line is an error naming it.
inline Result<std::vector<Document>> LoadDocuments(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::vector<Document> docs;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("doc_id") || !j.contains("subtopic") ||
        !j.contains("text") || !j["text"].is_string()) {
      return Status::InvalidInput(path + ": line " + std::to_string(n) +
                                  " is not a document {doc_id, subtopic, text, ...}");
    }
    Document d;
    d.id = j["doc_id"].is_string() ? j["doc_id"].get<std::string>() : j["doc_id"].dump();
    d.gold = j["subtopic"].is_string() ? j["subtopic"].get<std::string>() : j["subtopic"].dump();
    auto optional_string = [&](const char* key) -> std::optional<std::string> {
      if (j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
      return std::nullopt;
    };
    d.url = optional_string("source_url");
    d.host = optional_string("host");
    d.title = optional_string("title");
    // The first readable of the date fields; the first unreadable is kept
    // for the warning when none can be read.
    for (const char* key : {"date", "published", "published_at", "timestamp", "time"}) {
      if (!j.contains(key) || j[key].is_null()) continue;
      d.date = ReadDocumentDate(j[key]);
      if (d.date) break;
      if (!d.unreadable_date)
        d.unreadable_date = j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
    }
    if (d.date) d.unreadable_date.reset();
    d.text = j["text"].get<std::string>();
    docs.push_back(std::move(d));
  }
  return docs;
}

struct BCubed {
  double precision = 0, recall = 0;
  std::size_t predicted_clusters = 0, gold_clusters = 0;
  double f1() const {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  }
};

// B-cubed over items: predicted[i] and gold[i] are item i's cluster labels.
template <typename P, typename G>
BCubed ScoreBCubed(const std::vector<P>& predicted, const std::vector<G>& gold) {
  BCubed b;
  const std::size_t n = std::min(predicted.size(), gold.size());
  if (n == 0) return b;
  std::map<P, std::size_t> predicted_size;
  std::map<G, std::size_t> gold_size;
  std::map<std::pair<P, G>, std::size_t> both;
  for (std::size_t i = 0; i < n; ++i) {
    ++predicted_size[predicted[i]];
    ++gold_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  for (std::size_t i = 0; i < n; ++i) {
    double shared = static_cast<double>(both[{predicted[i], gold[i]}]);
    b.precision += shared / static_cast<double>(predicted_size[predicted[i]]);
    b.recall += shared / static_cast<double>(gold_size[gold[i]]);
  }
  b.precision /= static_cast<double>(n);
  b.recall /= static_cast<double>(n);
  b.predicted_clusters = predicted_size.size();
  b.gold_clusters = gold_size.size();
  return b;
}

// The article `newsdesk ingest` would make of the document as a text file
// with a sidecar giving its URL, outlet and title.
inline Result<Article> ToArticle(const Document& d, std::size_t index) {
  ArticleOverrides o;
  o.url = d.url ? *d.url : "https://stories-dev.invalid/" + std::to_string(index);
  o.outlet = d.host ? *d.host : "unknown";
  if (d.title) o.title = *d.title;
  o.published = d.date;
  auto article = ExtractTextArticle(d.text, *o.url, o);
  if (!article.ok() && article.status().code() == Status::Code::kNotFound) {
    // Only a headline (one line, or a text equal to its title): it is
    // title and text both, as a feed item without a body is stored.
    if (!d.title) o.title = CollapseWhitespace(d.text);
    article = ExtractTextArticle(*o.title + "\n\n" + *o.title, *o.url, o);
  }
  if (!article.ok()) return article.status();
  ingest_internal::AnnotateArticle(*article, EntityOptions{});
  return article;
}

struct Run {
  BCubed score;
  double articles_per_second = 0;
  CommitProfile profile;                                    // where the commits' time went
  std::vector<std::pair<std::string, StoryId>> assignment;  // doc id → story
  std::vector<std::optional<UnixSeconds>> published;        // each document's date, if any
};

// Commits the documents, in the order given, to a new store in `db_dir` and
// scores its stories against the gold clusters.
inline Result<Run> ClusterAndScore(const std::vector<Document>& docs, const std::string& db_dir,
                                   StoreOptions options) {
  std::vector<Article> articles;
  articles.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    auto a = ToArticle(docs[i], i);
    if (!a.ok())
      return Status::InvalidInput("document " + docs[i].id + ": " + a.status().message());
    articles.push_back(std::move(*a));
  }
  // The ingestion clock: a dated article's date, else the last date seen.
  UnixSeconds clock = FirstDate(docs).value_or(kUndatedClock);
  options.now = [&clock] { return clock; };
  auto store = Store::OpenForWrite(db_dir, options);
  if (!store.ok()) return store.status();
  std::vector<ArticleId> ids;
  // CPU time of this thread: the machine may be busy with other work.
  auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  const double start = cpu_seconds();
  for (std::size_t i = 0; i < articles.size(); ++i) {
    if (docs[i].date) clock = *docs[i].date;
    auto outcome = (*store)->Commit(articles[i]);
    if (!outcome.ok()) {
      return Status::InvalidInput("document " + docs[i].id + ": " + outcome.status().message());
    }
    ids.push_back(outcome->article);
  }
  const double seconds = cpu_seconds() - start;
  Run run;
  run.articles_per_second = seconds > 0 ? static_cast<double>(articles.size()) / seconds : 0;
  run.profile = (*store)->Profile();
  std::vector<StoryId> predicted;
  std::vector<std::string> gold;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto stored = (*store)->GetArticle(ids[i]);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return Status::Corruption("article " + std::to_string(ids[i]));
    predicted.push_back((*stored)->story);
    gold.push_back(docs[i].gold);
    run.assignment.emplace_back(docs[i].id, (*stored)->story);
    run.published.push_back((*stored)->article.published);
  }
  run.score = ScoreBCubed(predicted, gold);
  return run;
}

enum class Order { kFile, kShuffled, kTime };

// The documents in arrival order: as in the file, shuffled with `seed`, or
// by date (an undated document at the date of the last dated one before it
// in the file, else of the first; ties in file order).
inline std::vector<Document> Arrange(std::vector<Document> docs, Order order, unsigned seed) {
  if (order == Order::kShuffled) {
    std::mt19937 rng(seed);
    std::shuffle(docs.begin(), docs.end(), rng);
  } else if (order == Order::kTime) {
    std::optional<UnixSeconds> last = FirstDate(docs);
    std::vector<std::pair<UnixSeconds, std::size_t>> keys;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (docs[i].date) last = docs[i].date;
      keys.emplace_back(last.value_or(0), i);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<Document> sorted;
    sorted.reserve(docs.size());
    for (const auto& [time, i] : keys) sorted.push_back(std::move(docs[i]));
    docs = std::move(sorted);
  }
  return docs;
}

}  // namespace newsdesk::story_eval

#ifndef NEWSDESK_STORY_EVAL_NO_MAIN
int main(int argc, char** argv) {
  using namespace newsdesk;
  using namespace newsdesk::story_eval;
  std::string path;
  std::optional<Order> order;
  bool verbose = false;
  unsigned seed = 1;
  std::string half;
  StoreOptions options;
  options.profile_commits = true;  // for the stage times it prints
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "story_eval: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--order") {
      std::string v = value();
      if (v == "file") {
        order = Order::kFile;
      } else if (v == "shuffled") {
        order = Order::kShuffled;
      } else if (v == "time") {
        order = Order::kTime;
      } else {
        std::fprintf(stderr, "story_eval: --order is time, shuffled or file\n");
        return 2;
      }
    } else if (a == "--seed") {
      seed = static_cast<unsigned>(std::stoul(value()));
    } else if (a == "--half") {
      half = value();
      if (half != "even" && half != "odd") {
        std::fprintf(stderr, "story_eval: --half is even or odd\n");
        return 2;
      }
    } else if (a == "--threshold") {
      options.story_threshold = std::stod(value());
    } else if (a == "--merge-threshold") {
      options.story_merge_threshold = std::stod(value());
    } else if (a == "--verbose") {
      verbose = true;
    } else if (path.empty() && a.rfind("--", 0) != 0) {
      path = a;
    } else {
      std::fprintf(stderr,
                   "usage: story_eval FILE.jsonl [--order time|shuffled|file] [--seed N] "
                   "[--half even|odd] [--threshold X] [--merge-threshold X] [--verbose]\n");
      return 2;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: story_eval FILE.jsonl [options]\n");
    return 2;
  }
  auto docs = LoadDocuments(path);
  if (!docs.ok()) {
    std::fprintf(stderr, "story_eval: %s\n", docs.status().message().c_str());
    return 1;
  }
  if (!half.empty()) {
    std::vector<Document> kept;
    for (std::size_t i = 0; i < docs->size(); ++i) {
      if ((i % 2 == 0) == (half == "even")) kept.push_back((*docs)[i]);
    }
    *docs = std::move(kept);
  }
  std::size_t dated = 0, unreadable = 0;
  for (const Document& d : *docs) {
    if (d.date) ++dated;
    if (d.unreadable_date) {
      if (unreadable++ == 0) {
        std::fprintf(stderr, "story_eval: document %s: date '%s' is not a date; taken as undated\n",
                     d.id.c_str(), d.unreadable_date->c_str());
      }
    }
  }
  if (unreadable > 1) {
    std::fprintf(stderr, "story_eval: %zu documents in all have a date that cannot be read\n",
                 unreadable);
  }
  if (!order) order = dated > 0 ? Order::kTime : Order::kShuffled;
  std::string db =
      (std::filesystem::temp_directory_path() / ("story_eval." + std::to_string(::getpid())))
          .string();
  std::filesystem::remove_all(db);
  auto run = ClusterAndScore(Arrange(std::move(*docs), *order, seed), db, options);
  std::filesystem::remove_all(db);
  if (!run.ok()) {
    std::fprintf(stderr, "story_eval: %s\n", run.status().message().c_str());
    return 1;
  }
  const BCubed& b = run->score;
  if (verbose) {
    for (std::size_t i = 0; i < run->assignment.size(); ++i) {
      const auto& [doc, story] = run->assignment[i];
      const std::optional<UnixSeconds>& date = run->published[i];
      std::printf("%s\t%llu\t%s\n", doc.c_str(), static_cast<unsigned long long>(story),
                  date ? FormatIsoUtc(*date).c_str() : "-");
    }
  }
  std::printf("documents %zu  gold clusters %zu  predicted clusters %zu\n", run->assignment.size(),
              b.gold_clusters, b.predicted_clusters);
  const char* order_name = *order == Order::kTime       ? "in time order"
                           : *order == Order::kShuffled ? "shuffled"
                                                        : "in file order";
  if (*order == Order::kShuffled) {
    std::printf("arrival: %s (seed %u); %zu documents dated\n", order_name, seed, dated);
  } else {
    std::printf("arrival: %s; %zu documents dated\n", order_name, dated);
  }
  std::printf("B-cubed precision %.3f  recall %.3f  F1 %.3f\n", b.precision, b.recall, b.f1());
  std::printf("committed %.0f articles per CPU second (store, story assignment, entity linking)\n",
              run->articles_per_second);
  const CommitProfile& p = run->profile;
  auto rate = [&](double seconds) {
    return seconds > 0 ? static_cast<double>(p.commits) / seconds : 0;
  };
  std::printf(
      "clustered %.0f articles per CPU second (story assignment alone: %.0f%% of commit time; "
      "entity linking %.0f%%, search postings %.0f%%, RocksDB write %.0f%%)\n",
      rate(p.stories), p.total > 0 ? 100 * p.stories / p.total : 0,
      p.total > 0 ? 100 * p.entities / p.total : 0, p.total > 0 ? 100 * p.search / p.total : 0,
      p.total > 0 ? 100 * p.write / p.total : 0);
  return 0;
}
#endif
