// ParseFeed (RSS, Atom, JSON Feed; charset sniffing and recovery) twice per
// input: with no Content-Type, and with one chosen by the input's size from
// a list that agrees, conflicts or is malformed; SniffDocument on both.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

namespace {

constexpr std::array<std::string_view, 10> kContentTypes = {
    "application/rss+xml",
    "application/atom+xml; charset=utf-8",
    "text/xml; charset=windows-1252",
    "application/xml;charset=\"gb2312\"",
    "text/xml; charset=utf-16",
    "application/feed+json",
    "text/html; charset=shift_jis",
    "text/plain; charset=",
    "application/rss+xml; charset=no-such-charset",
    ";;charset=utf-8;=",
};

void CheckFeed(const newsdesk::Feed& feed, const newsdesk::FeedOptions& options) {
  using namespace newsdesk::fuzz;
  Require(feed.entries.size() <= options.max_entries, "ParseFeed: more entries than max_entries");
  RequireUtf8(feed.title, "ParseFeed: feed title is not UTF-8");
  for (const newsdesk::FeedEntry& e : feed.entries) {
    RequireUtf8(e.title, "ParseFeed: entry title is not UTF-8");
    RequireUtf8(e.summary, "ParseFeed: entry summary is not UTF-8");
    RequireUtf8(e.content, "ParseFeed: entry content is not UTF-8");
    RequireUtf8(e.link, "ParseFeed: entry link is not UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  std::string_view input = AsText(data, size);
  constexpr std::string_view kUrl = "https://feeds.example.com/news/rss.xml";
  newsdesk::FeedOptions options;
  if (auto feed = newsdesk::ParseFeed(input, kUrl, {}, options); feed.ok()) {
    CheckFeed(*feed, options);
  }
  std::string_view content_type = PickBySize<std::string_view>(kContentTypes, size);
  if (auto feed = newsdesk::ParseFeed(input, kUrl, content_type, options); feed.ok()) {
    CheckFeed(*feed, options);
  }
  (void)newsdesk::SniffDocument(input);
  (void)newsdesk::SniffDocument(input, content_type);
  return 0;
}
