#include <gtest/gtest.h>

#include "extract/extract.h"

namespace newsdesk {
namespace {

TEST(CanonicalUrl, LowerCasesHostAndDropsFragmentAndDefaultPort) {
  EXPECT_EQ(CanonicalUrl("HTTPS://News.Example.COM:443/a/B?x=1#comments"),
            "https://news.example.com/a/B?x=1");
}

TEST(CanonicalUrl, ResolvesRelativeAgainstBase) {
  EXPECT_EQ(CanonicalUrl("/2026/10/story", "https://www.example.com/section/index.html"),
            "https://www.example.com/2026/10/story");
  EXPECT_EQ(CanonicalUrl("story2", "https://www.example.com/section/index.html"),
            "https://www.example.com/section/story2");
}

TEST(CanonicalUrl, RefusesOtherSchemesAndGarbage) {
  EXPECT_EQ(CanonicalUrl("javascript:alert(1)"), std::nullopt);
  EXPECT_EQ(CanonicalUrl("ftp://example.com/x"), std::nullopt);
  EXPECT_EQ(CanonicalUrl(""), std::nullopt);
  EXPECT_EQ(CanonicalUrl("not a url"), std::nullopt);
}

TEST(RegistrableDomain, UsesThePublicSuffixList) {
  EXPECT_EQ(RegistrableDomain("https://www.harbourgazette.co.uk/x"), "harbourgazette.co.uk");
  EXPECT_EQ(RegistrableDomain("https://news.ironbark.com.au/y"), "ironbark.com.au");
  EXPECT_EQ(RegistrableDomain("https://example.com/"), "example.com");
  EXPECT_EQ(RegistrableDomain("file:///tmp/x.html"), "");
}

TEST(CharsetOfContentType, ReadsTheParameterWhateverItsCaseQuotesOrNeighbours) {
  EXPECT_EQ(CharsetOfContentType("text/html; charset=utf-8"), "utf-8");
  EXPECT_EQ(CharsetOfContentType("text/html; Charset=\"ISO-8859-1\"; boundary=x"), "iso-8859-1");
  EXPECT_EQ(CharsetOfContentType("text/html"), "");
  EXPECT_EQ(CharsetOfContentType(""), "");
}

TEST(FileUrl, PercentEncodesPaths) {
  EXPECT_EQ(FileUrl("/tmp/my news/a.html"), "file:///tmp/my%20news/a.html");
}

}  // namespace
}  // namespace newsdesk
