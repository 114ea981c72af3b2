// ParseSitemap: <urlset>, <sitemapindex>, Google News sitemaps and plain-text
// sitemaps, with lastmod and news dates.
#include <cstddef>
#include <cstdint>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  newsdesk::FeedOptions options;
  auto sitemap =
      newsdesk::ParseSitemap(AsText(data, size), "https://www.example.com/sitemap.xml", options);
  if (!sitemap.ok()) return 0;
  Require(sitemap->urls.size() <= options.max_entries, "ParseSitemap: more URLs than max_entries");
  for (const newsdesk::SitemapUrl& u : sitemap->urls) {
    Require(!u.loc.empty(), "ParseSitemap: empty loc");
    RequireUtf8(u.news_title, "ParseSitemap: news_title is not UTF-8");
  }
  return 0;
}
