// newsdesk: the command line. Parses arguments, calls the modules, prints.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/output.h"
#include "ingest/ingest.h"

namespace newsdesk::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// --db, else $NEWSDESK_DB, else $XDG_DATA_HOME/newsdesk/db, else
// ~/.local/share/newsdesk/db.
std::string DatabaseDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("NEWSDESK_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "newsdesk" / "db").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".local" / "share" / "newsdesk" / "db").string();
  }
  return "newsdesk-db";
}

int Fail(const Status& s) {
  std::fprintf(stderr, "newsdesk: %s\n", s.message().c_str());
  return kExitFailure;
}

// File names need not be UTF-8; JSON must be: invalid bytes become U+FFFD.
void PrintJson(const nlohmann::json& j) {
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

Result<std::unique_ptr<Store>> OpenForRead(const std::string& db_flag) {
  return Store::OpenForRead(DatabaseDir(db_flag));
}

// Progress on a terminal: rewritten in place, at most ten times a second.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void Update(const IngestProgress& p) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (p.done != p.total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? static_cast<double>(p.done) / secs : 0;
    std::string eta =
        rate > 0 && p.done < p.total
            ? fmt::format(" · ETA {:.0f}s", static_cast<double>(p.total - p.done) / rate)
            : "";
    std::string sources =
        p.sources_total > 0 ? fmt::format("{}/{} sources · ", p.sources_done, p.sources_total) : "";
    std::fprintf(stderr,
                 "\r\033[K%s%zu/%zu inputs · %zu new · %zu updated · %zu duplicate · %zu failed · "
                 "%.0f/s%s",
                 sources.c_str(), p.done, p.total, p.added, p.updated, p.duplicates, p.failed, rate,
                 eta.c_str());
    shown_ = true;
  }
  void Finish() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

struct IngestFlags {
  std::vector<std::string> inputs;
  std::vector<std::string> source_files;
  int jobs = 8;
  double delay_s = 1.0;
  bool allow_private = false;
  std::string user_agent;
  bool quiet = false;
};

int RunIngest(const IngestFlags& flags, const std::string& db_flag, bool json) {
  if (flags.inputs.empty() && flags.source_files.empty()) {
    std::fprintf(stderr, "newsdesk: ingest needs a PATH, a URL or --sources FILE\n");
    return kExitUsage;
  }
  std::string dir = DatabaseDir(db_flag);
  std::error_code ec;
  if (fs::path parent = fs::path(dir).parent_path(); !parent.empty()) {
    fs::create_directories(parent, ec);
  }
  auto store = Store::OpenForWrite(dir);
  if (!store.ok()) return Fail(store.status());
  IngestOptions options;
  options.fetch.max_concurrent = std::max(1, flags.jobs);
  options.fetch.host_delay_s = std::max(0.0, flags.delay_s);
  options.fetch.allow_private = flags.allow_private;
  if (!flags.user_agent.empty()) options.fetch.user_agent = flags.user_agent;
  ProgressLine line(!flags.quiet && !json && isatty(STDERR_FILENO));
  auto summary = Ingest({flags.inputs, flags.source_files}, **store, options,
                        [&](const IngestProgress& p) { line.Update(p); });
  line.Finish();
  if (!summary.ok()) return Fail(summary.status());
  if (json) {
    PrintJson(IngestJson(*summary, dir));
  } else if (!flags.quiet || !summary->failures.empty()) {
    std::cout << IngestText(*summary, dir);
  }
  return summary->failures.empty() ? kExitOk : kExitFailure;
}

int RunSources(const std::string& db_flag, bool json) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto sources = (*store)->ListSources();
  if (!sources.ok()) return Fail(sources.status());
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : *sources) arr.push_back(SourceJson(s));
    PrintJson({{"sources", std::move(arr)}});
  } else {
    std::cout << SourcesText(*sources);
  }
  return kExitOk;
}

// The bytes of FILE or URL, for commands that look at one document.
Result<FetchResponse> ReadDocument(const std::string& where, std::size_t limit) {
  if (where.rfind("http://", 0) == 0 || where.rfind("https://", 0) == 0) {
    FetchOptions options;
    options.max_body_bytes = limit;
    Fetcher fetcher(options);
    FetchResponse out;
    fetcher.Add({where, {}, {}}, [&](FetchResponse r) { out = std::move(r); });
    fetcher.Run();
    if (!out.status.ok()) return out.status.WithContext(where);
    return out;
  }
  std::ifstream in(where, std::ios::binary);
  if (!in) return Status::NotFound(where + ": cannot open the file");
  FetchResponse r;
  r.body.resize(limit + 1);
  in.read(r.body.data(), static_cast<std::streamsize>(r.body.size()));
  r.body.resize(static_cast<std::size_t>(in.gcount()));
  std::error_code ec;
  r.url = r.final_url = FileUrl(fs::absolute(where, ec).lexically_normal().string());
  return r;
}

int RunFeed(const std::string& where, bool json) {
  FeedOptions options;
  auto doc = ReadDocument(where, options.max_input_bytes);
  if (!doc.ok()) return Fail(doc.status());
  auto feed = ParseFeed(doc->body, doc->final_url, doc->content_type, options);
  if (!feed.ok()) return Fail(feed.status().WithContext(where));
  if (json) {
    PrintJson(FeedJson(*feed));
  } else {
    std::cout << FeedText(*feed);
  }
  return kExitOk;
}

// A date flag's value into `out` (unset when empty); false, having said
// why, when it is not a date.
bool ParseDateFlag(const char* flag, const std::string& value, std::optional<UnixSeconds>* out) {
  if (value.empty()) return true;
  *out = ParseDateTime(value);
  if (*out) return true;
  std::fprintf(stderr, "newsdesk: %s: '%s' is not a date (try 2026-10-14)\n", flag, value.c_str());
  return false;
}

bool ParseSince(const std::string& since, std::optional<UnixSeconds>* out) {
  return ParseDateFlag("--since", since, out);
}

// --until DATE: a day without a time ("2026-10-14") runs to its last second.
bool ParseUntil(const std::string& until, std::optional<UnixSeconds>* out) {
  if (!ParseDateFlag("--until", until, out)) return false;
  constexpr UnixSeconds kDay = 86400;
  if (*out && **out % kDay == 0 && until.find(':') == std::string::npos) **out += kDay - 1;
  return true;
}

// --type T, or a usage error having said why.
bool ParseTypeFlag(const std::string& type, std::optional<EntityType>* out) {
  if (type.empty()) return true;
  *out = ParseEntityType(type);
  if (*out) return true;
  std::fprintf(stderr,
               "newsdesk: --type: '%s' is not a type (PER, ORG, LOC, MISC, PRODUCT, TICKER)\n",
               type.c_str());
  return false;
}

int RunStories(const std::string& db_flag, bool json, const std::string& since,
               std::size_t min_sources, std::size_t min_independent, std::size_t limit) {
  StoryQuery q;
  q.min_sources = min_sources;
  q.min_independent = min_independent;
  q.limit = limit;
  if (!ParseSince(since, &q.since)) return kExitUsage;
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto list = (*store)->ListStories(q);
  if (!list.ok()) return Fail(list.status());
  if (!json) {
    std::cout << StoriesText(*list);
    return kExitOk;
  }
  nlohmann::json arr = nlohmann::json::array();
  for (const StorySummary& s : *list) {
    auto d = (*store)->GetStory(s.id);
    if (!d.ok()) return Fail(d.status());
    if (d->has_value()) arr.push_back(StoryJson(**d));
  }
  PrintJson({{"stories", std::move(arr)}});
  return kExitOk;
}

int RunStory(const std::string& db_flag, bool json, std::uint64_t id) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto d = (*store)->GetStory(id);
  if (!d.ok()) return Fail(d.status());
  if (!d->has_value()) return Fail(Status::NotFound(fmt::format("no story #{}", id)));
  if (!json && (*d)->summary.id != id) {
    std::cout << fmt::format("story #{} was merged into #{}\n", id, (*d)->summary.id);
  }
  // Its key facts: those its articles state, most sources first.
  FactQuery query;
  query.story = (*d)->summary.id;
  query.limit = 5;
  auto facts = (*store)->ListFacts(query);
  if (!facts.ok()) return Fail(facts.status());
  if (json) {
    nlohmann::json j = StoryJson(**d);
    j["facts"] = nlohmann::json::array();
    for (const FactSummary& f : *facts) j["facts"].push_back(FactJson(f));
    PrintJson(j);
  } else {
    std::cout << StoryText(**d);
    if (!facts->empty()) std::cout << "\nkey facts:\n";
    for (const FactSummary& f : *facts) std::cout << FactText(f, false);
  }
  return kExitOk;
}

int RunArticle(const std::string& db_flag, bool json, const std::string& ref) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  std::optional<ArticleId> id;
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos && ref.size() < 19) {
    id = std::stoull(ref);
  } else {
    auto found = (*store)->FindArticleByUrl(ref);
    if (!found.ok()) return Fail(found.status());
    id = *found;
  }
  if (!id) return Fail(Status::NotFound("no article with the URL " + ref));
  auto a = (*store)->GetArticle(*id);
  if (!a.ok()) return Fail(a.status());
  if (!a->has_value()) return Fail(Status::NotFound("no article #" + ref));
  if (json) {
    PrintJson(ArticleJson(**a));
  } else {
    std::cout << ArticleText(**a);
  }
  return kExitOk;
}

int RunCheck(const std::string& db_flag, bool json) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto problems = (*store)->Verify();
  if (!problems.ok()) return Fail(problems.status());
  auto stats = (*store)->Stats();
  if (!stats.ok()) return Fail(stats.status());
  if (json) {
    PrintJson({{"database", (*store)->dir()}, {"ok", problems->empty()}, {"problems", *problems}});
  } else if (problems->empty()) {
    std::cout << fmt::format("{}: ok, {} articles and {} stories agree with every index\n",
                             (*store)->dir(), stats->articles, stats->stories);
  } else {
    std::cout << fmt::format("{}: {} problems\n", (*store)->dir(), problems->size());
    for (const std::string& p : *problems) std::cout << "  " << p << "\n";
  }
  return problems->empty() ? kExitOk : kExitFailure;
}

int RunStats(const std::string& db_flag, bool json) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto st = (*store)->Stats();
  if (!st.ok()) return Fail(st.status());
  if (json) {
    PrintJson(StatsJson(*st, (*store)->dir()));
  } else {
    std::cout << StatsText(*st, (*store)->dir());
  }
  return kExitOk;
}

int RunExtract(const std::string& where, const std::string& url, bool json) {
  ExtractOptions options;
  auto doc = ReadDocument(where, options.max_input_bytes);
  if (!doc.ok()) return Fail(doc.status());
  std::string page_url = url.empty() ? doc->final_url : url;
  std::string ext = fs::path(where).extension().string();
  options.charset = CharsetOfContentType(doc->content_type);
  auto article = ext == ".txt" ? ExtractTextArticle(doc->body, page_url, {}, options)
                               : ExtractHtmlArticle(doc->body, page_url, {}, options);
  if (!article.ok()) {
    if (json) {
      PrintJson({{"url", page_url},
                 {"status",
                  article.status().code() == Status::Code::kNotFound ? "no_article_text" : "error"},
                 {"error", article.status().message()}});
    }
    return Fail(article.status().WithContext(where));
  }
  if (json) {
    PrintJson(ExtractedJson(*article));
  } else {
    std::cout << ExtractedText(*article);
  }
  return kExitOk;
}

// `newsdesk entity NAME`: every entity that goes by NAME, in detail; else
// suggestions, and exit 1.
int RunVerify(const std::string& db_flag, bool json, const std::string& claim) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto check = (*store)->VerifyClaim(claim);
  if (!check.ok()) return Fail(check.status());
  if (json) {
    PrintJson(ClaimCheckJson(claim, *check));
  } else {
    std::cout << ClaimCheckText(claim, *check);
  }
  return kExitOk;
}

int RunFacts(const std::string& db_flag, bool json, const std::string& entity_name,
             std::uint64_t story, std::uint64_t min_sources, std::size_t limit) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  FactQuery query;
  if (story != 0) query.story = story;
  query.min_sources = min_sources;
  if (limit > 0) query.limit = limit;
  if (!entity_name.empty()) {
    auto found = (*store)->FindEntities(entity_name, 0);
    if (!found.ok()) return Fail(found.status());
    if (found->matches.empty()) {
      return Fail(Status::NotFound("no entity called " + entity_name));
    }
    query.entity = found->matches.front().id;  // the most mentioned of that name
  }
  auto facts = (*store)->ListFacts(query);
  if (!facts.ok()) return Fail(facts.status());
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const FactSummary& f : *facts) arr.push_back(FactJson(f));
    PrintJson({{"facts", std::move(arr)}});
    return kExitOk;
  }
  if (facts->empty()) std::cout << "no facts\n";
  for (const FactSummary& f : *facts) std::cout << FactText(f, false);
  return kExitOk;
}

int RunEntity(const std::string& db_flag, bool json, const std::string& name, std::size_t limit) {
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto found = (*store)->FindEntities(name);
  if (!found.ok()) return Fail(found.status());
  EntityDetailOptions options;
  if (limit > 0) options.article_limit = limit;
  nlohmann::json matches = nlohmann::json::array();
  std::string text;
  for (const auto& m : found->matches) {
    auto detail = (*store)->GetEntityDetail(m.id, options);
    if (!detail.ok()) return Fail(detail.status());
    if (!detail->has_value()) continue;
    matches.push_back(EntityDetailJson(**detail));
    if (!text.empty()) text += '\n';
    text += EntityDetailText(**detail);
  }
  if (json) {
    nlohmann::json suggestions = nlohmann::json::array();
    for (const auto& s : found->suggestions) suggestions.push_back(EntitySummaryJson(s));
    PrintJson({{"query", name},
               {"matches", std::move(matches)},
               {"suggestions", std::move(suggestions)}});
  } else if (found->matches.empty()) {
    std::cerr << EntitySuggestionsText(name, found->suggestions);
  } else {
    std::cout << text;
  }
  return found->matches.empty() ? kExitFailure : kExitOk;
}

int RunEntities(const std::string& db_flag, bool json, const std::string& type, std::size_t top,
                const std::string& since) {
  EntityQuery q;
  q.limit = top;
  if (!ParseTypeFlag(type, &q.type)) return kExitUsage;
  if (!ParseSince(since, &q.since)) return kExitUsage;
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  auto list = (*store)->ListEntities(q);
  if (!list.ok()) return Fail(list.status());
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : *list) arr.push_back(EntitySummaryJson(e));
    PrintJson({{"entities", std::move(arr)}});
  } else {
    std::cout << EntitiesText(*list);
  }
  return kExitOk;
}

// `newsdesk entities --prefix P`: type-ahead. The names that start with P,
// most used first, each with its entity.
int RunCompletions(const std::string& db_flag, bool json, const std::string& prefix,
                   const std::string& type, std::size_t top, const std::string& since) {
  EntityQuery q;
  if (!ParseTypeFlag(type, &q.type)) return kExitUsage;
  if (!ParseSince(since, &q.since)) return kExitUsage;
  if (NormalizeEntityName(prefix, EntityType::kMisc).empty()) {
    std::fprintf(stderr, "newsdesk: --prefix needs a letter or a digit\n");
    return kExitUsage;
  }
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  // All of them: the type and time filters come after.
  auto names = (*store)->CompleteEntityName(prefix, 0);
  if (!names.ok()) return Fail(names.status());
  std::vector<Completion> completions;
  for (const AliasCompletion& a : *names) {
    if (q.type && a.type != *q.type) continue;
    auto e = (*store)->GetEntity(a.entity);
    if (!e.ok()) return Fail(e.status());
    if (!e->has_value() || (q.since && (*e)->last_seen < *q.since)) continue;
    completions.push_back({a, **e});
    if (completions.size() == top) break;
  }
  if (json) {
    PrintJson(CompletionsJson(prefix, completions));
  } else {
    std::cout << CompletionsText(prefix, completions);
  }
  return kExitOk;
}

struct SearchFlags {
  std::vector<std::string> words;
  std::string since, until, type;
  std::vector<std::string> outlets, entities;
  std::size_t limit = 10, offset = 0;
};

// `newsdesk search QUERY`: exit 0 when something matches, 1 when nothing
// does (or an --entity or --outlet names nothing), 2 for a query that
// cannot be run.
int RunSearch(const std::string& db_flag, bool json, const SearchFlags& flags) {
  SearchRequest request;
  SearchQuery& q = request.query;
  for (const std::string& w : flags.words) q.text += (q.text.empty() ? "" : " ") + w;
  q.outlets = flags.outlets;
  q.limit = flags.limit;
  q.offset = flags.offset;
  std::optional<EntityType> type;
  if (!ParseSince(flags.since, &q.since) || !ParseUntil(flags.until, &q.until) ||
      !ParseTypeFlag(flags.type, &type)) {
    return kExitUsage;
  }
  if (type && flags.entities.empty()) {
    std::fprintf(stderr, "newsdesk: --type says which --entity is meant; give --entity NAME\n");
    return kExitUsage;
  }
  auto store = OpenForRead(db_flag);
  if (!store.ok()) return Fail(store.status());
  for (const std::string& name : flags.entities) {
    auto found = (*store)->FindEntities(name);
    if (!found.ok()) return Fail(found.status());
    std::vector<EntityId> group;
    for (const EntitySummary& e : found->matches) {
      if (type && e.type != *type) continue;
      group.push_back(e.id);
      request.entities.push_back(e);
    }
    if (group.empty()) {
      std::vector<EntitySummary> near = found->suggestions;
      if (type) {
        // Of the right name but another type, else near names of this type.
        near = found->matches;
        for (const EntitySummary& e : found->suggestions)
          if (e.type == *type) near.push_back(e);
      }
      std::string text = EntitySuggestionsText(name, near);
      if (type) {
        text.insert(text.find('\n'), fmt::format(" of type {}", EntityTypeName(*type)));
      }
      std::cerr << text;
      return kExitFailure;
    }
    q.entities.push_back(std::move(group));
  }
  auto results = (*store)->Search(q);
  if (!results.ok()) {
    const Status::Code code = results.status().code();
    std::fprintf(stderr, "newsdesk: search: %s\n", results.status().message().c_str());
    return code == Status::Code::kInvalidInput || code == Status::Code::kTooLarge ? kExitUsage
                                                                                  : kExitFailure;
  }
  if (json) {
    PrintJson(SearchJson(request, *results));
  } else if (results->total == 0) {
    std::cerr << SearchText(request, *results, Emphasis::kBrackets);
  } else {
    const bool terminal = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    std::cout << SearchText(request, *results, terminal ? Emphasis::kBold : Emphasis::kBrackets);
  }
  return results->total == 0 ? kExitFailure : kExitOk;
}

// `newsdesk train-tagger CORPUS... --out FILE`: the tagger's model from
// token<TAB>BIO-tag corpora, in the order given (the order is part of what
// makes training reproducible).
int RunTrainTagger(const std::vector<std::string>& corpora,
                   const std::vector<std::string>& country_corpora, const std::string& out,
                   int epochs, std::uint64_t seed, bool quiet) {
  constexpr std::size_t kMaxCorpusBytes = 512u << 20;
  std::vector<std::string> contents;
  contents.reserve(corpora.size());
  TaggerTrainingOptions options;
  if (epochs > 0) options.epochs = epochs;
  options.seed = seed;
  for (const auto& path : corpora) {
    auto doc = ReadDocument(path, kMaxCorpusBytes);
    if (!doc.ok()) return Fail(doc.status());
    if (doc->body.size() > kMaxCorpusBytes) {
      return Fail(Status::TooLarge(path + ": over the limit of 512 MiB for a corpus"));
    }
    contents.push_back(std::move(doc->body));
  }
  for (std::size_t i = 0; i < corpora.size(); ++i) {
    const std::string base = fs::path(corpora[i]).filename().string();
    const bool countries =
        std::find(country_corpora.begin(), country_corpora.end(), base) != country_corpora.end() ||
        std::find(country_corpora.begin(), country_corpora.end(), corpora[i]) !=
            country_corpora.end();
    options.corpora.push_back({base, contents[i], countries});
  }
  const bool terminal = !quiet && isatty(STDERR_FILENO);
  auto model = TrainTagger(options, [&](std::string_view line) {
    if (terminal) std::cerr << line << '\n';
  });
  if (!model.ok()) return Fail(model.status());
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(model->data(), static_cast<std::streamsize>(model->size()));
  file.close();
  if (!file) return Fail(Status::IOError(out + ": cannot write the model"));
  if (!quiet) std::cout << fmt::format("wrote {} ({} bytes)\n", out, model->size());
  return kExitOk;
}

// `newsdesk tag FILE|-`: the entities of a UTF-8 text, nothing stored.
int RunTag(const std::string& where, bool json) {
  EntityOptions options;
  std::string text;
  if (where == "-") {
    std::ostringstream all;
    all << std::cin.rdbuf();
    text = std::move(all).str();
  } else {
    auto doc = ReadDocument(where, options.max_text_bytes);
    if (!doc.ok()) return Fail(doc.status());
    text = std::move(doc->body);
  }
  const std::string name = where == "-" ? "standard input" : where;
  if (text.size() > options.max_text_bytes) {
    std::cerr << fmt::format("newsdesk: {}: only the first {} bytes are tagged (max_text_bytes)\n",
                             name, options.max_text_bytes);
  }
  auto entities = RecognizeEntities(text, options);
  if (!entities.ok()) return Fail(entities.status().WithContext(name));
  if (json) {
    PrintJson(TagJson(text, *entities));
  } else {
    std::cout << TagText(text, *entities);
  }
  return kExitOk;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"newsdesk: who reports this, and how many of them independently"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("newsdesk ") + "0.1.0");

  std::string db;
  bool json = false;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--db", db,
                    "database directory (default: $NEWSDESK_DB, else "
                    "$XDG_DATA_HOME/newsdesk/db, else ~/.local/share/newsdesk/db)");
    cmd->add_flag("--json", json, "print JSON (see docs/json.md)");
  };

  IngestFlags ingest_flags;
  auto* ingest = app.add_subcommand("ingest", "ingest feeds, sitemaps, pages, files and folders");
  ingest->add_option("INPUT", ingest_flags.inputs,
                     "feed, sitemap or page URLs; HTML or .txt articles, folders of them, local "
                     "feeds and sitemaps");
  ingest->add_option("--sources", ingest_flags.source_files,
                     "an OPML file or a list of URLs (one a line) naming sources");
  ingest->add_option("-j,--jobs", ingest_flags.jobs, "transfers at once, across hosts (default 8)");
  ingest->add_option("--delay", ingest_flags.delay_s,
                     "seconds between two requests to one host (default 1)");
  ingest->add_option("--user-agent", ingest_flags.user_agent,
                     "User-Agent with a contact of yours (default names newsdesk)");
  ingest->add_flag("--allow-private", ingest_flags.allow_private,
                   "allow loopback and private addresses (refused by default)");
  ingest->add_flag("-q,--quiet", ingest_flags.quiet,
                   "no progress and no summary unless something failed");
  add_common(ingest);

  auto* sources = app.add_subcommand("sources", "every source with its last fetch and errors");
  add_common(sources);

  std::string feed_where;
  auto* feed =
      app.add_subcommand("feed", "one feed → its entries as newsdesk sees them; nothing stored");
  feed->add_option("FILE|URL", feed_where, "a feed file or URL")->required();
  feed->add_flag("--json", json, "print JSON (see docs/json.md)");

  std::string since;
  std::size_t min_sources = 0, min_independent = 0, limit = 0;
  auto* stories = app.add_subcommand("stories", "list stories, most-covered first");
  stories->add_option("--since", since, "only stories seen on or after this date");
  stories->add_option("--min-sources", min_sources, "only stories with at least N outlets");
  stories->add_option("--min-independent", min_independent,
                      "only stories with at least N independent origins");
  stories->add_option("--limit", limit, "at most N stories (0: all)");
  add_common(stories);

  std::uint64_t story_id = 0;
  auto* story = app.add_subcommand("story", "one story with its articles");
  story->add_option("ID", story_id, "story id")->required();
  add_common(story);

  std::string article_ref;
  auto* article = app.add_subcommand("article", "one stored article");
  article->add_option("REF", article_ref, "article id or URL")->required();
  add_common(article);

  auto* stats = app.add_subcommand("stats", "what the database holds");
  add_common(stats);

  auto* check = app.add_subcommand("check", "check that every index agrees with the records");
  add_common(check);

  std::string file, url;
  auto* extract =
      app.add_subcommand("extract", "one page → the article as newsdesk sees it; nothing stored");
  extract->add_option("FILE|URL", file, "an HTML page or .txt article, or a page URL")->required();
  extract->add_option("--url", url, "the page's URL, for relative links and the outlet");
  extract->add_flag("--json", json, "print JSON (see docs/json.md)");

  std::string claim;
  auto* verify = app.add_subcommand(
      "verify", "who reports a claim, and how many of them independently, with evidence");
  verify->add_option("CLAIM", claim, "a sentence: who did what (\"Eddie Wu will lead ATH\")")
      ->required();
  add_common(verify);

  std::string facts_entity;
  std::uint64_t facts_story = 0, facts_min_sources = 0;
  std::size_t facts_limit = 0;
  auto* facts = app.add_subcommand("facts", "stored facts, most sources first");
  facts->add_option("--entity", facts_entity, "facts about this entity (its name, any case)");
  facts->add_option("--story", facts_story, "facts stated by this story's articles");
  facts->add_option("--min-sources", facts_min_sources, "only facts from at least N outlets");
  facts->add_option("--limit", facts_limit, "at most N facts (default 50)");
  add_common(facts);

  std::string entity_name;
  std::size_t entity_limit = 0;
  auto* entity = app.add_subcommand(
      "entity", "one entity by any of its names: aliases, articles, outlets, stories");
  entity->add_option("NAME", entity_name, "a name, ticker or acronym (any case)")->required();
  entity->add_option("--limit", entity_limit, "at most N recent articles (default 20)");
  add_common(entity);

  std::string entity_type;
  std::size_t top = 0;
  std::string entities_since, prefix;
  auto* entities = app.add_subcommand(
      "entities", "entities, most mentioned first; with --prefix, the names that start with it");
  entities->add_option("--type", entity_type, "only PER, ORG, LOC, MISC, PRODUCT or TICKER");
  auto* top_option = entities->add_option(
      "--top", top, "the N most mentioned (0: all; with --prefix, default 10)");
  entities->add_option("--since", entities_since, "only entities seen on or after this date");
  auto* prefix_option = entities->add_option(
      "--prefix", prefix, "type-ahead: names (and tickers) that start with this, most used first");
  add_common(entities);

  SearchFlags search_flags;
  auto* search = app.add_subcommand(
      "search", "articles by the words of their title and text, best first (BM25)");
  search
      ->add_option("QUERY", search_flags.words,
                   "words (all must occur), \"quoted phrases\", -word to leave out; quote the "
                   "query when it has -words")
      ->required();
  search->add_option("--since", search_flags.since, "only articles on or after this date");
  search->add_option("--until", search_flags.until,
                     "only articles on or before this date (a day: up to its end)");
  search->add_option("--outlet", search_flags.outlets, "only this outlet (repeat: any of them)");
  search->add_option("--entity", search_flags.entities,
                     "only articles naming this entity, by any name (repeat: all of them)");
  search->add_option("--type", search_flags.type,
                     "the type of the --entity meant (PER, ORG, LOC, MISC, PRODUCT, TICKER)");
  search->add_option("--limit", search_flags.limit, "at most N results (default 10)");
  search->add_option("--offset", search_flags.offset, "skip the N best (for the next page)");
  add_common(search);

  std::vector<std::string> train_corpora, country_corpora;
  std::string model_out;
  int epochs = 0;
  std::uint64_t seed = 1;
  bool train_quiet = false;
  auto* train = app.add_subcommand(
      "train-tagger", "train the entity tagger's model from token<TAB>BIO-tag corpora");
  train->add_option("CORPUS", train_corpora, "corpus files, in training order")->required();
  train->add_option("--out", model_out, "where to write the model")->required();
  train->add_option("--countries-as-locations", country_corpora,
                    "corpora (file names) whose ORG-tagged country names are read as LOC");
  train->add_option("--epochs", epochs, "passes over the data (default 8)");
  train->add_option("--seed", seed, "the order documents are visited in (default 1)");
  train->add_flag("-q,--quiet", train_quiet, "no progress and no summary");

  std::string tag_where;
  auto* tag = app.add_subcommand(
      "tag", "a UTF-8 text → its entity mentions with byte offsets; nothing stored");
  tag->add_option("FILE|-", tag_where, "a text file, or - for standard input")->required();
  tag->add_flag("--json", json, "print JSON (see docs/json.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (ingest->parsed()) return RunIngest(ingest_flags, db, json);
  if (sources->parsed()) return RunSources(db, json);
  if (feed->parsed()) return RunFeed(feed_where, json);
  if (stories->parsed()) return RunStories(db, json, since, min_sources, min_independent, limit);
  if (story->parsed()) return RunStory(db, json, story_id);
  if (article->parsed()) return RunArticle(db, json, article_ref);
  if (stats->parsed()) return RunStats(db, json);
  if (check->parsed()) return RunCheck(db, json);
  if (extract->parsed()) return RunExtract(file, url, json);
  if (tag->parsed()) return RunTag(tag_where, json);
  if (train->parsed())
    return RunTrainTagger(train_corpora, country_corpora, model_out, epochs, seed, train_quiet);
  if (entity->parsed()) return RunEntity(db, json, entity_name, entity_limit);
  if (entities->parsed() && prefix_option->count() > 0)
    return RunCompletions(db, json, prefix, entity_type,
                          top_option->count() == 0 ? 10
                          : top == 0               ? SIZE_MAX
                                                   : top,
                          entities_since);
  if (entities->parsed()) return RunEntities(db, json, entity_type, top, entities_since);
  if (search->parsed()) return RunSearch(db, json, search_flags);
  if (verify->parsed()) return RunVerify(db, json, claim);
  if (facts->parsed()) {
    return RunFacts(db, json, facts_entity, facts_story, facts_min_sources, facts_limit);
  }
  return kExitUsage;
}

}  // namespace newsdesk::cli

int main(int argc, char** argv) { return newsdesk::cli::Main(argc, argv); }
