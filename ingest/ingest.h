// ingest: drives a run from sources to the store.
//
// This module owns reading inputs (local files and folders now; feeds and
// HTTP later), calling extract/ on each, and committing the articles to a
// Store in the order they were published. It prints nothing: progress and
// outcomes are reported through the callback and the returned summary.
#ifndef NEWSDESK_INGEST_INGEST_H_
#define NEWSDESK_INGEST_INGEST_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"
#include "ingest/fetcher.h"  // FetchOptions is part of this module's contract
#include "store/store.h"

namespace newsdesk {

struct IngestOptions {
  ExtractOptions extract;
  EntityOptions entities;  // recognition of each article's entities
  FeedOptions feed;
  FetchOptions fetch;
  // Child sitemaps followed from one sitemap index. Default: 100.
  std::size_t max_child_sitemaps = 100;
  // Files extracted before they are committed, oldest first, so that stories
  // form in the order events happened. Default: 256.
  std::size_t batch_size = 256;
  // ... or fewer, once their text adds up to this many bytes. Default: 64 MiB.
  std::size_t batch_bytes = 64u << 20;
  // Threads that read local files (extraction, entities, facts) while
  // commits stay on one. Default 0: one per core but the one left to the
  // committing thread (at least one).
  std::size_t read_threads = 0;
};

// One input that could not be stored, and why.
struct IngestFailure {
  std::string input;  // the path (or URL) as the user would recognize it
  Status status;
};

struct IngestSummary {
  std::size_t sources = 0;       // feeds, sitemaps and pages fetched as sources
  std::size_t not_modified = 0;  // sources that answered 304: nothing new
  std::size_t from_feed = 0;     // of those stored: the feed's own text (page failed)
  std::size_t inputs = 0;        // files read (sidecars not counted)
  std::size_t added = 0;         // new articles stored
  std::size_t updated = 0;       // stored articles replaced by a new version
  std::size_t duplicates =
      0;  // already stored (or an older version of a stored one): nothing changed
  std::vector<IngestFailure> failures;
  std::size_t stored() const { return added + updated; }
};

struct IngestProgress {
  std::size_t sources_done = 0, sources_total = 0;
  std::size_t done = 0;   // inputs (files, article pages) handled
  std::size_t total = 0;  // inputs found so far
  std::size_t added = 0, updated = 0, duplicates = 0, failed = 0;
};
using ProgressCallback = std::function<void(const IngestProgress&)>;

// Ingests files and folders (recursively): `.html`/`.htm`/`.xhtml` pages and
// `.txt` articles, each with an optional sidecar `NAME.meta.json` (see
// ParseSidecar). A file named explicitly with another extension is read as
// HTML when it looks like HTML. Inputs that fail are listed in the summary
// and the run goes on. Fails as a whole only when the store fails; what was
// committed before stays committed.
Result<IngestSummary> IngestPaths(const std::vector<std::string>& paths, Store& store,
                                  const IngestOptions& options = {},
                                  const ProgressCallback& progress = {});

// What one `newsdesk ingest` run takes.
struct IngestRequest {
  // http(s) URLs of feeds, sitemaps or article pages; local files and
  // folders (articles as in IngestPaths; local feeds and sitemaps are read
  // and their entries fetched).
  std::vector<std::string> inputs;
  // OPML files or URL lists (one URL a line, # comments) naming sources.
  std::vector<std::string> source_files;
};

// Runs an ingest: first the frontier a killed run left behind, then every
// source. A feed's entries are fetched as article pages (politely, see
// FetchOptions); when a page fails or is disallowed, the feed's own text is
// stored, marked from_feed. A source that fails is listed in the summary
// with the reason and the run goes on. Source state (validators for
// conditional GET, last status, errors) is kept in the store. Fails as a
// whole only when the store fails.
Result<IngestSummary> Ingest(const IngestRequest& request, Store& store,
                             const IngestOptions& options = {},
                             const ProgressCallback& progress = {});

}  // namespace newsdesk

#endif  // NEWSDESK_INGEST_INGEST_H_
