#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::ReadFileOrDie;

std::string Fixture(const std::string& name) { return ReadFileOrDie(FixturePath(name)); }

std::string Iso(const std::optional<UnixSeconds>& t) { return t ? FormatIsoUtc(*t) : "null"; }

TEST(ParseSitemap, ReadsUrlsetLocationsAndLastmod) {
  Result<Sitemap> sitemap =
      ParseSitemap(Fixture("sitemaps/urlset.xml"), "https://www.meridianpost.example/sitemap.xml");
  ASSERT_TRUE(sitemap.ok()) << sitemap.status().message();
  EXPECT_FALSE(sitemap->is_index);
  ASSERT_EQ(sitemap->urls.size(), 2u);
  EXPECT_EQ(sitemap->urls[0].loc, "https://www.meridianpost.example/news/bridge-reopens");
  EXPECT_EQ(Iso(sitemap->urls[0].lastmod), "2026-10-14T07:30:00Z");
  EXPECT_EQ(sitemap->urls[1].loc, "https://www.meridianpost.example/news/harbour-dredging");
  EXPECT_EQ(Iso(sitemap->urls[1].lastmod), "2026-10-13T00:00:00Z");
}

TEST(ParseSitemap, ReadsSitemapIndexes) {
  Result<Sitemap> sitemap = ParseSitemap(Fixture("sitemaps/index.xml"), {});
  ASSERT_TRUE(sitemap.ok()) << sitemap.status().message();
  EXPECT_TRUE(sitemap->is_index);
  ASSERT_EQ(sitemap->urls.size(), 2u);
  EXPECT_EQ(sitemap->urls[0].loc, "https://www.meridianpost.example/sitemaps/news.xml");
  EXPECT_EQ(Iso(sitemap->urls[0].lastmod), "2026-10-14T08:00:00Z");
  EXPECT_EQ(sitemap->urls[1].lastmod, std::nullopt);
}

TEST(ParseSitemap, ReadsGoogleNewsFields) {
  Result<Sitemap> sitemap = ParseSitemap(Fixture("sitemaps/google-news.xml"), {});
  ASSERT_TRUE(sitemap.ok()) << sitemap.status().message();
  ASSERT_EQ(sitemap->urls.size(), 1u);
  const SitemapUrl& u = sitemap->urls[0];
  EXPECT_EQ(u.news_title, "Council approves sea wall repairs");
  EXPECT_EQ(u.news_publication, "Tidewater Ledger");
  EXPECT_EQ(Iso(u.news_published), "2026-10-14T07:30:00Z");
}

TEST(ParseSitemap, ReadsPlainTextSitemapsOneUrlALine) {
  Result<Sitemap> sitemap = ParseSitemap(Fixture("sitemaps/plain.txt"), {});
  ASSERT_TRUE(sitemap.ok()) << sitemap.status().message();
  ASSERT_EQ(sitemap->urls.size(), 3u);
  EXPECT_EQ(sitemap->urls[2].loc, "https://www.ironbarkherald.example/news/school-awards");
}

TEST(ParseSitemap, RefusesXmlThatIsNotASitemap) {
  Result<Sitemap> sitemap = ParseSitemap(Fixture("sitemaps/not-a-sitemap.xml"), {});
  ASSERT_FALSE(sitemap.ok());
  EXPECT_EQ(sitemap.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(sitemap.status().message().find("catalog"), std::string::npos);
}

TEST(ParseSitemap, StopsAtMaxEntries) {
  FeedOptions options;
  options.max_entries = 1;
  Result<Sitemap> sitemap = ParseSitemap(Fixture("sitemaps/urlset.xml"),
                                         "https://www.meridianpost.example/sitemap.xml", options);
  ASSERT_TRUE(sitemap.ok()) << sitemap.status().message();
  EXPECT_EQ(sitemap->urls.size(), 1u);
  EXPECT_TRUE(sitemap->ill_formed);
}

TEST(ParseOpml, TagsFeedsWithTheTitlesOfTheirEnclosingOutlines) {
  Result<std::vector<SourceSpec>> sources = ParseOpml(Fixture("opml/nested.opml"), {});
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  ASSERT_EQ(sources->size(), 4u);
  const SourceSpec& gazette = (*sources)[0];
  EXPECT_EQ(gazette.url, "https://www.harbourgazette.example/feed.xml");
  EXPECT_EQ(gazette.html_url, "https://www.harbourgazette.example/");
  EXPECT_EQ(gazette.title, "Harbour Gazette");
  EXPECT_EQ(gazette.tags, (std::vector<std::string>{"Regional", "UK"}));
  EXPECT_EQ((*sources)[1].title, "Northgate Courier");
  EXPECT_EQ((*sources)[2].tags, (std::vector<std::string>{"Regional", "Canada"}));
  EXPECT_EQ((*sources)[3].url, "https://civicwire.example/sitemap.xml");
  EXPECT_TRUE((*sources)[3].tags.empty());
}

TEST(ParseOpml, ResolvesRelativeUrlsAgainstTheFileUrl) {
  Result<std::vector<SourceSpec>> sources =
      ParseOpml(Fixture("opml/relative-urls.opml"), "https://town.example/sources.opml");
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].url, "https://town.example/feeds/local.xml");
  EXPECT_EQ((*sources)[0].html_url, "https://town.example/local/");
}

TEST(ParseOpml, RefusesADocumentThatIsNotOpml) {
  Result<std::vector<SourceSpec>> sources = ParseOpml(Fixture("sitemaps/urlset.xml"), {});
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.status().code(), Status::Code::kInvalidInput);
}

TEST(ParseUrlList, SkipsCommentsAndBlankLines) {
  Result<std::vector<SourceSpec>> sources = ParseUrlList(Fixture("opml/url-list.txt"));
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  ASSERT_EQ(sources->size(), 3u);
  EXPECT_EQ((*sources)[0].url, "https://www.harbourgazette.example/feed.xml");
  EXPECT_EQ((*sources)[1].url, "https://civicwire.example/feed.json");
  EXPECT_EQ((*sources)[2].url, "https://www.tidewaterledger.example/sitemap.xml");
}

TEST(ParseUrlList, RefusesARelativeUrlNamingItsLine) {
  Result<std::vector<SourceSpec>> sources = ParseUrlList(Fixture("opml/url-list-relative.txt"));
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(sources.status().message().find("line 3"), std::string::npos)
      << sources.status().message();
}

}  // namespace
}  // namespace newsdesk
