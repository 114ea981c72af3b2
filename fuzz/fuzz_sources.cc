// The two ways of naming many sources: ParseOpml (nested outlines become
// tags) and ParseUrlList (one URL a line, comments, relative lines refused).
#include <cstddef>
#include <cstdint>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  std::string_view input = AsText(data, size);
  newsdesk::FeedOptions options;
  if (auto sources = newsdesk::ParseOpml(input, "https://www.example.com/feeds.opml", options);
      sources.ok()) {
    Require(sources->size() <= options.max_entries, "ParseOpml: more sources than max_entries");
    for (const newsdesk::SourceSpec& s : *sources) Require(!s.url.empty(), "ParseOpml: empty url");
  }
  if (auto sources = newsdesk::ParseUrlList(input); sources.ok()) {
    for (const newsdesk::SourceSpec& s : *sources) {
      Require(!s.url.empty(), "ParseUrlList: empty url");
    }
  }
  return 0;
}
