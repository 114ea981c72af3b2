// A run over sources: frontier leftovers first, then feeds, sitemaps and
// pages fetched over HTTP (or read from local files), their entries fetched
// as article pages and committed.
#include <chrono>
#include <filesystem>
#include <map>
#include <unordered_set>

#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;
using ingest_internal::ReadFile;

UnixSeconds Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool IsHttpUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

// What a feed says of one entry, as an article to fall back on.
std::optional<Article> FeedArticle(const FeedEntry& e, const std::string& url) {
  std::string text = !e.content.empty() ? e.content : e.summary;
  if (text.empty() || e.title.empty()) return std::nullopt;
  Article a;
  a.url = a.canonical_url = url;
  a.title = e.title;
  a.text = text;
  a.byline = e.author;
  a.published = e.published ? e.published : e.updated;
  a.modified = e.updated;
  a.outlet = RegistrableDomain(url);
  a.from_feed = true;
  return a;
}

class RemoteRun {
 public:
  RemoteRun(Store& store, const IngestOptions& options, const ProgressCallback& progress,
            IngestSummary& summary)
      : store_(store),
        options_(options),
        progress_(progress),
        summary_(summary),
        fetcher_(options.fetch) {}

  // Pages a killed run found but did not store.
  Status Resume() {
    auto frontier = store_.Frontier();
    if (!frontier.ok()) return frontier.status();
    for (FrontierItem& item : *frontier) SchedulePage(std::move(item));
    return Status::Ok();
  }

  void AddSource(const SourceSpec& spec) {
    if (!scheduled_sources_.insert(spec.url).second) return;
    ++state_.sources_total;
    auto known = store_.GetSource(spec.url);
    if (!known.ok()) return Fatal(known.status());
    SourceState source = known->value_or(SourceState{});
    source.url = spec.url;
    if (!spec.title.empty()) source.title = spec.title;
    if (!spec.tags.empty()) source.tags = spec.tags;
    FetchRequest request{spec.url, source.etag, source.last_modified};
    fetcher_.Add(std::move(request), [this, source](FetchResponse r) mutable {
      OnSource(std::move(source), std::move(r));
    });
    Report();
  }

  // A feed, sitemap or OPML file on disk: read like a fetched source.
  void AddLocalDocument(const std::string& path) {
    ++state_.sources_total;
    auto bytes = ReadFile(path, options_.feed.max_input_bytes);
    if (!bytes.ok()) {
      Fail(path, bytes.status());
      ++state_.sources_done;
      return;
    }
    std::error_code ec;
    std::string url = FileUrl(fs::absolute(path, ec).lexically_normal().string());
    ReadDocument(path, url, *bytes, {}, nullptr);
    ++state_.sources_done;
    Report();
  }

  Status Run() {
    fetcher_.Run();
    for (auto& [url, found] : new_articles_by_source_) {
      auto source = store_.GetSource(url);
      if (!source.ok()) return source.status();
      if (!source->has_value()) continue;
      (*source)->articles_found += found;
      if (Status s = store_.PutSource(**source); !s.ok()) return s;
    }
    return fatal_;
  }

 private:
  void Report() {
    if (progress_) progress_(state_);
  }

  void Fail(const std::string& input, const Status& status) {
    summary_.failures.push_back({input, status});
    ++state_.failed;
  }

  void Fatal(const Status& s) {
    if (fatal_.ok()) fatal_ = s;
  }

  void OnSource(SourceState source, FetchResponse r) {
    if (!fatal_.ok()) return;
    ++state_.sources_done;
    ++summary_.sources;
    ++source.fetches;
    source.last_fetch = Now();
    source.last_status = r.http_status;
    if (!r.status.ok()) {
      ++source.failures;
      source.last_error = r.status.message();
      source.recent_errors.insert(source.recent_errors.begin(), r.status.message());
      if (source.recent_errors.size() > SourceState::kRecentErrors) {
        source.recent_errors.resize(SourceState::kRecentErrors);
      }
      Fail(source.url, r.status);
    } else {
      source.last_success = source.last_fetch;
      source.last_error.clear();
      if (!r.etag.empty() || !r.last_modified.empty()) {
        source.etag = r.etag;
        source.last_modified = r.last_modified;
      }
      if (r.not_modified) {
        ++summary_.not_modified;
      } else {
        ReadDocument(source.url, r.final_url.empty() ? r.url : r.final_url, r.body, r.content_type,
                     &source);
      }
    }
    if (Status s = store_.PutSource(source); !s.ok()) Fatal(s);
    Report();
  }

  // A source document: a feed, a sitemap or an article page.
  void ReadDocument(const std::string& input, const std::string& url, const std::string& body,
                    const std::string& content_type, SourceState* source) {
    switch (SniffDocument(body, content_type)) {
      case DocumentKind::kFeed: {
        auto feed = ParseFeed(body, url, content_type, options_.feed);
        if (!feed.ok()) return Fail(input, feed.status());
        if (source != nullptr) {
          source->kind = "feed";
          if (source->title.empty()) source->title = feed->title;
          if (feed->ill_formed) source->last_error = "ill-formed feed: " + feed->ill_formed_reason;
        }
        std::vector<FrontierItem> items;
        for (const FeedEntry& e : feed->entries) {
          auto link = CanonicalUrl(e.link);
          if (!link) continue;
          FrontierItem item;
          item.url = *link;
          item.source = source != nullptr ? source->url : input;
          item.discovered_at = Now();
          item.feed_article = FeedArticle(e, *link);
          items.push_back(std::move(item));
        }
        return Discover(std::move(items));
      }
      case DocumentKind::kSitemap: {
        auto sitemap = ParseSitemap(body, url, options_.feed);
        if (!sitemap.ok()) return Fail(input, sitemap.status());
        if (source != nullptr) source->kind = "sitemap";
        if (sitemap->is_index) {
          std::size_t n = 0;
          for (const SitemapUrl& child : sitemap->urls) {
            if (n++ >= options_.max_child_sitemaps) break;
            if (IsHttpUrl(child.loc)) AddSource({child.loc, {}, {}, {}});
          }
          return;
        }
        std::vector<FrontierItem> items;
        for (const SitemapUrl& u : sitemap->urls) {
          auto link = CanonicalUrl(u.loc);
          if (!link) continue;
          items.push_back({*link, source != nullptr ? source->url : input, Now(), std::nullopt});
        }
        return Discover(std::move(items));
      }
      case DocumentKind::kHtml: {
        if (source != nullptr) source->kind = "page";
        ExtractOptions extract = options_.extract;
        extract.charset = CharsetOfContentType(content_type);
        auto article = ExtractHtmlArticle(body, url, {}, extract);
        if (!article.ok()) return Fail(input, article.status());
        return CommitArticle(input, *article, nullptr, source != nullptr ? source->url : "");
      }
      case DocumentKind::kOpml:
        return Fail(input,
                    Status::InvalidInput("an OPML file lists sources: give it with --sources"));
      case DocumentKind::kUnknown:
        return Fail(input, Status::Unsupported("not a feed, a sitemap or an HTML page"));
    }
  }

  // New URLs from a feed or sitemap: into the frontier (one write), then
  // fetched. URLs stored before are not fetched again.
  void Discover(std::vector<FrontierItem> found) {
    std::vector<FrontierItem> fresh;
    for (FrontierItem& item : found) {
      if (scheduled_pages_.count(item.url)) continue;
      auto stored = store_.FindArticleByUrl(item.url);
      if (!stored.ok()) return Fatal(stored.status());
      if (stored->has_value()) {
        ++summary_.duplicates;
        ++state_.duplicates;
        continue;
      }
      fresh.push_back(std::move(item));
    }
    if (Status s = store_.AddToFrontier(fresh); !s.ok()) return Fatal(s);
    for (FrontierItem& item : fresh) SchedulePage(std::move(item));
  }

  void SchedulePage(FrontierItem item) {
    if (!scheduled_pages_.insert(item.url).second) return;
    ++state_.total;
    ++summary_.inputs;
    if (!IsHttpUrl(item.url)) {
      // A local feed's entry that points at no web page: its feed text is all there is.
      return PageFailed(item, Status::Unsupported("not an http(s) URL"));
    }
    FetchRequest request{item.url, {}, {}};
    fetcher_.Add(std::move(request),
                 [this, item = std::move(item)](FetchResponse r) { OnPage(item, std::move(r)); });
    Report();
  }

  void OnPage(const FrontierItem& item, FetchResponse r) {
    if (!fatal_.ok()) return;
    if (!r.status.ok()) return PageFailed(item, r.status);
    ExtractOptions extract = options_.extract;
    extract.charset = CharsetOfContentType(r.content_type);
    auto article =
        ExtractHtmlArticle(r.body, r.final_url.empty() ? r.url : r.final_url, {}, extract);
    if (!article.ok()) return PageFailed(item, article.status());
    if (!article->published && item.feed_article) article->published = item.feed_article->published;
    CommitArticle(item.url, *article, &item.url, item.source);
  }

  // The page could not be had: store the feed's text if there is some.
  void PageFailed(const FrontierItem& item, const Status& why) {
    if (item.feed_article) {
      ++summary_.from_feed;
      return CommitArticle(item.url, *item.feed_article, &item.url, item.source);
    }
    if (Status s = store_.RemoveFromFrontier(item.url); !s.ok()) return Fatal(s);
    Fail(item.url, why);
    ++state_.done;
    Report();
  }

  void CommitArticle(const std::string& input, const Article& article,
                     const std::string* frontier_url, const std::string& source) {
    Article with_entities = article;
    ingest_internal::AnnotateArticle(with_entities, options_.entities);
    auto outcome = frontier_url != nullptr ? store_.CommitFromFrontier(with_entities, *frontier_url)
                                           : store_.Commit(with_entities);
    ++state_.done;
    if (!outcome.ok()) {
      if (outcome.status().code() != Status::Code::kInvalidInput) return Fatal(outcome.status());
      Fail(input, outcome.status());
      if (frontier_url != nullptr) {
        if (Status s = store_.RemoveFromFrontier(*frontier_url); !s.ok()) Fatal(s);
      }
    } else if (outcome->kind == CommitKind::kNew) {
      ++summary_.added;
      ++state_.added;
      if (!source.empty()) ++new_articles_by_source_[source];
    } else if (outcome->kind == CommitKind::kUpdated) {
      ++summary_.updated;
      ++state_.updated;
    } else {
      ++summary_.duplicates;
      ++state_.duplicates;
    }
    Report();
  }

  Store& store_;
  const IngestOptions& options_;
  const ProgressCallback& progress_;
  IngestSummary& summary_;
  Fetcher fetcher_;
  IngestProgress state_;
  Status fatal_;
  std::unordered_set<std::string> scheduled_sources_, scheduled_pages_;
  std::map<std::string, std::uint64_t> new_articles_by_source_;
};

bool IsArticleFile(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".txt";
}

}  // namespace

Result<IngestSummary> Ingest(const IngestRequest& request, Store& store,
                             const IngestOptions& options, const ProgressCallback& progress) {
  IngestSummary summary;
  std::vector<SourceSpec> sources;
  std::vector<std::string> local_articles, local_documents;

  for (const std::string& file : request.source_files) {
    auto bytes = ReadFile(file, options.feed.max_input_bytes);
    if (!bytes.ok()) {
      summary.failures.push_back({file, bytes.status()});
      continue;
    }
    auto listed = SniffDocument(*bytes) == DocumentKind::kOpml ? ParseOpml(*bytes, FileUrl(file))
                                                               : ParseUrlList(*bytes);
    if (!listed.ok()) {
      summary.failures.push_back({file, listed.status()});
      continue;
    }
    sources.insert(sources.end(), listed->begin(), listed->end());
  }
  for (const std::string& input : request.inputs) {
    std::error_code ec;
    if (IsHttpUrl(input)) {
      auto url = CanonicalUrl(input);
      if (!url) {
        summary.failures.push_back({input, Status::InvalidInput("not a valid URL")});
      } else {
        sources.push_back({*url, {}, {}, {}});
      }
    } else if (fs::is_regular_file(input, ec) && !IsArticleFile(input)) {
      local_documents.push_back(input);
    } else {
      local_articles.push_back(input);  // folders, articles, and paths that fail there
    }
  }

  if (!local_articles.empty()) {
    auto local = IngestPaths(local_articles, store, options, progress);
    if (!local.ok()) return local.status();
    summary.inputs += local->inputs;
    summary.added += local->added;
    summary.updated += local->updated;
    summary.duplicates += local->duplicates;
    summary.failures.insert(summary.failures.end(), local->failures.begin(), local->failures.end());
  }

  RemoteRun run(store, options, progress, summary);
  if (Status s = run.Resume(); !s.ok()) return s;
  for (const std::string& doc : local_documents) run.AddLocalDocument(doc);
  for (const SourceSpec& spec : sources) run.AddSource(spec);
  if (Status s = run.Run(); !s.ok()) return s;
  return summary;
}

}  // namespace newsdesk
