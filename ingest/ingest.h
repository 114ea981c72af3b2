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
#include "store/store.h"

namespace newsdesk {

struct IngestOptions {
  ExtractOptions extract;
  // Files extracted before they are committed, oldest first, so that stories
  // form in the order events happened. Default: 256.
  std::size_t batch_size = 256;
};

// One input that could not be stored, and why.
struct IngestFailure {
  std::string input;  // the path (or URL) as the user would recognize it
  Status status;
};

struct IngestSummary {
  std::size_t inputs = 0;      // files read (sidecars not counted)
  std::size_t added = 0;       // new articles stored
  std::size_t updated = 0;     // stored articles replaced by a new version
  std::size_t duplicates = 0;  // already stored: nothing changed
  std::vector<IngestFailure> failures;
  std::size_t stored() const { return added + updated; }
};

struct IngestProgress {
  std::size_t done = 0;   // inputs handled
  std::size_t total = 0;  // inputs found
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

}  // namespace newsdesk

#endif  // NEWSDESK_INGEST_INGEST_H_
