#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::ReadFileOrDie;

TEST(ExtractTextArticle, FirstLineIsTitleAndBlankLinesSplitParagraphs) {
  auto a = ExtractTextArticle(
      "\n  Grain silo fire contained \n\nFire crews worked\nthrough the night.\n\n\nNo one was "
      "hurt.\n",
      "file:///tmp/x.txt");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Grain silo fire contained");
  EXPECT_EQ(a->text, "Fire crews worked through the night.\n\nNo one was hurt.");
  EXPECT_EQ(a->canonical_url, "file:///tmp/x.txt");
}

TEST(ExtractTextArticle, ALineThatEndsItsSentenceEndsItsParagraph) {
  // Headings, list items and one-line paragraphs without blank lines
  // between them are paragraphs of their own; a wrapped line runs on.
  auto a = ExtractTextArticle(
      "Silo fire contained\nKey points\n  • Crews worked through the night.\n  • No one was "
      "hurt, the\nfire service said.\nThe mill reopens on Monday.\n",
      "file:///tmp/x.txt");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "Key points\n\n• Crews worked through the night.\n\n• No one was hurt, the fire "
            "service said.\n\nThe mill reopens on Monday.");
}

TEST(ExtractTextArticle, SidecarOverridesUrlOutletAndDate) {
  ArticleOverrides o;
  o.url = "https://www.example.co.uk/2026/10/silo";
  o.published = 1791963000;
  auto a = ExtractTextArticle("Silo fire\n\nCrews worked all night.", "file:///tmp/x.txt", o);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->canonical_url, "https://www.example.co.uk/2026/10/silo");
  EXPECT_EQ(a->outlet, "example.co.uk");  // no outlet given: the registrable domain
  EXPECT_EQ(a->published, 1791963000);
}

TEST(ExtractTextArticle, RefusesInvalidUtf8NamingTheOffset) {
  auto a = ExtractTextArticle(ReadFileOrDie(FixturePath("bad/invalid-utf8.txt")), "file:///x.txt");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(a.status().message().find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(a.status().message().find("offset 82"), std::string::npos) << a.status().message();
}

TEST(ExtractTextArticle, RefusesEmptyAndTitleOnlyInput) {
  EXPECT_EQ(ExtractTextArticle("  \n\n ", "file:///x.txt").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ExtractTextArticle("Just a title\n", "file:///x.txt").status().code(),
            Status::Code::kNotFound);
}

TEST(ExtractTextArticle, RefusesInputOverTheLimit) {
  ExtractOptions options;
  options.max_input_bytes = 100;
  auto a = ExtractTextArticle("Title\n\n" + std::string(200, 'x'), "file:///x.txt", {}, options);
  EXPECT_EQ(a.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(a.status().message().find("max_input_bytes"), std::string::npos);
}

TEST(ParseSidecar, ReadsKnownKeysAndIgnoresOthers) {
  auto o = ParseSidecar(R"({"url": "https://a.example/x", "outlet": "A Daily",
                            "published": "2026-10-14T09:30:00+02:00", "tags": ["x"]})");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->url, "https://a.example/x");
  EXPECT_EQ(o->outlet, "A Daily");
  EXPECT_EQ(o->published, 1791963000);
  EXPECT_FALSE(o->title.has_value());
}

TEST(ParseSidecar, RefusesMalformedJsonWrongTypesAndBadDates) {
  EXPECT_EQ(
      ParseSidecar(ReadFileOrDie(FixturePath("bad/broken-sidecar.meta.json"))).status().code(),
      Status::Code::kInvalidInput);
  EXPECT_EQ(ParseSidecar(R"({"url": 5})").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ParseSidecar(R"({"published": "soon"})").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ParseSidecar(R"([1, 2])").status().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace newsdesk
