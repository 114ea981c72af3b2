#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::NewsManifest;
using testing::ReadFileOrDie;

Result<Article> ExtractFixture(const std::string& relative, const std::string& url = "") {
  std::string path = FixturePath(relative);
  return ExtractHtmlArticle(ReadFileOrDie(path), url.empty() ? FileUrl(path) : url);
}

// Every page of the bundled news corpus against what its author wrote down.
TEST(ExtractHtmlArticle, ReadsEveryFixturePageAsItsAuthorDescribedIt) {
  std::size_t pages = 0;
  for (const auto& [relative, expected] : NewsManifest().at("pages").items()) {
    if (relative.size() < 5 || relative.substr(relative.size() - 5) != ".html") continue;
    SCOPED_TRACE(relative);
    ++pages;
    auto a = ExtractFixture(relative);
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->title, expected.at("title").get<std::string>());
    EXPECT_EQ(a->outlet, expected.at("outlet").get<std::string>());
    ASSERT_TRUE(a->published.has_value());
    EXPECT_EQ(FormatIsoUtc(*a->published), expected.at("published").get<std::string>());
    EXPECT_EQ(a->canonical_url, expected.at("canonical_url").get<std::string>());
    std::string flat = CollapseWhitespace(a->text);
    for (const auto& sentence : expected.at("text_contains")) {
      EXPECT_NE(flat.find(sentence.get<std::string>()), std::string::npos)
          << "missing: " << sentence;
    }
    for (const auto& junk : expected.at("text_excludes")) {
      EXPECT_EQ(flat.find(junk.get<std::string>()), std::string::npos) << "leaked: " << junk;
    }
  }
  EXPECT_GE(pages, 20u);
}

TEST(ExtractHtmlArticle, StripsSiteNameFromTitleTagWhenNothingElseNamesTheHeadline) {
  auto a = ExtractFixture("extract/title-suffix-only.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Ferry timetable cut for winter on the Skerry route");
  EXPECT_EQ(a->outlet, "example.org");  // no site name anywhere: the registrable domain
  EXPECT_EQ(a->language, "en-GB");
  EXPECT_EQ(FormatIsoUtc(*a->published), "2026-11-02T00:00:00Z");
  EXPECT_EQ(a->text.find("Home"), std::string::npos);
  EXPECT_EQ(a->text.find("All rights reserved"), std::string::npos);
  EXPECT_NE(a->text.find("two sailings a day"), std::string::npos);
}

TEST(ExtractHtmlArticle, ResolvesRelativeCanonicalAgainstThePageUrl) {
  auto a = ExtractFixture("extract/relative-canonical.html", "https://valleyledger.example/x?y=1");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->canonical_url, "https://valleyledger.example/2026/11/03/library-reopens");
  EXPECT_EQ(a->outlet, "Valley Ledger");
  EXPECT_EQ(FormatIsoUtc(*a->published), "2026-11-03T15:45:00Z");
  EXPECT_EQ(
      a->text,
      "The town library reopened on Tuesday after eight months of roof repairs that cost the "
      "council more than expected.\n\nReaders queued outside before the doors opened, and the "
      "first book borrowed was a local history of the valley.");
}

TEST(ExtractHtmlArticle, ReadsUndeclaredLegacyEncodingAsWindows1252) {
  auto a = ExtractFixture("extract/undeclared-windows-1252.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Café owners protest new “pavement tax”");
  EXPECT_NE(a->text.find("Café owners in the old town"), std::string::npos);
}

TEST(ExtractHtmlArticle, SaysNoArticleTextForScriptOnlyPages) {
  auto a = ExtractFixture("extract/no-article-text.html");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(a.status().message(), "no article text");
}

TEST(ExtractHtmlArticle, RefusesEmptyAndBinaryInput) {
  EXPECT_EQ(ExtractFixture("bad/empty.html").status().code(), Status::Code::kInvalidInput);
  auto binary = ExtractFixture("bad/binary.html");
  EXPECT_EQ(binary.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
}

TEST(ExtractHtmlArticle, RefusesPagesOverTheSizeLimit) {
  std::string page = "<html><body><p>" + std::string(50u << 20, 'a') + "</p></body></html>";
  auto a = ExtractHtmlArticle(page, "https://big.example/x");
  EXPECT_EQ(a.status().code(), Status::Code::kTooLarge);
}

TEST(ExtractHtmlArticle, SurvivesDeepNestingWithinBoundedDepth) {
  std::string page = "<html><head><title>Deep page</title></head><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Deep inside a very deeply nested page there is a sentence of text.</p>";
  page += "</body></html>";
  auto a = ExtractHtmlArticle(page, "https://deep.example/x");
  // Either a clear status or an article; never a crash or a hang.
  if (!a.ok()) {
    EXPECT_FALSE(a.status().message().empty());
  }
}

}  // namespace
}  // namespace newsdesk

namespace newsdesk {
namespace {

TEST(ExtractHtmlArticle, KeepsTextThatSitsDirectlyInTheBodyContainer) {
  auto a = ExtractFixture("extract/loose-text-body.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "The Carrick reservoir fell to its lowest level on record this week, after the driest "
            "autumn in the uplands since measurements began.\n\nWater engineers said supplies to "
            "the valley towns were safe until the spring, but asked households to take shorter "
            "showers.\n\nFarmers downstream said the low flow had already forced them to move "
            "cattle to other pastures, at a cost they put at thousands of pounds.");
}

TEST(ExtractHtmlArticle, TopicClassesOfAPostDoNotHideItsText) {
  auto a = ExtractFixture("extract/taxonomy-classes.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Ad agencies brace for new rules on social media influencers");
  EXPECT_NE(a->text.find("label every paid post"), std::string::npos);
  EXPECT_NE(a->text.find("responsible when the label is missing"), std::string::npos);
  EXPECT_EQ(a->text.find("quiet third quarter"), std::string::npos);  // the related box
}

}  // namespace
}  // namespace newsdesk

namespace newsdesk {
namespace {

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tide tables change</title>" +
         head + "</head><body>" + body + "</body></html>";
}

TEST(ExtractHtmlArticle, LeavesOutElementsMarkedHiddenWithoutAValue) {
  auto a = ExtractHtmlArticle(
      Page("<article><p>The harbour tide tables change on Monday to match the new survey.</p>"
           "<div hidden><p>Internal note: this paragraph must never be shown to readers.</p></div>"
           "</article>"),
      "https://tides.example/a");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text.find("Internal note"), std::string::npos);
}

TEST(ExtractHtmlArticle, KeepsLongParagraphsThatStartLikeFurniture) {
  auto a = ExtractHtmlArticle(
      Page("<article><p>The utility said its discount scheme would close to new members.</p>"
           "<p>Subscribers to the utility's discount scheme, about 4,000 households, keep their "
           "rate until the end of the year.</p><p>Subscribe to our newsletter</p></article>"),
      "https://tides.example/b");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NE(a->text.find("Subscribers to the utility's discount scheme"), std::string::npos);
  EXPECT_EQ(a->text.find("Subscribe to our newsletter"), std::string::npos);
}

TEST(ExtractHtmlArticle, ReadsAnArticleAfterDeeplyNestedMarkup) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<div>";
  deep += "<span>x</span>";
  for (int i = 0; i < 300; ++i) deep += "</div>";
  auto a = ExtractHtmlArticle(
      Page(deep + "<article><p>The ferry timetable for the winter was published on Friday, with "
                  "two sailings a day.</p></article>"),
      "https://tides.example/c");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NE(a->text.find("two sailings a day"), std::string::npos);
}

TEST(ExtractHtmlArticle, RefusesAnElementWithTooManyAttributesQuickly) {
  std::string tag = "<div";
  for (int i = 0; i < 200000; ++i) tag += " a" + std::to_string(i) + "=\"1\"";
  tag += ">";
  auto a = ExtractHtmlArticle(Page(tag + "<p>text</p></div>"), "https://tides.example/d");
  EXPECT_EQ(a.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(a.status().message().find("max_attributes_per_element"), std::string::npos);
}

TEST(ExtractHtmlArticle, IgnoresACanonicalThatIsTheSiteHomePage) {
  auto a = ExtractHtmlArticle(Page("<article><p>The harbour tide tables change on Monday to match "
                                   "the new survey.</p></article>",
                                   "<link rel=\"canonical\" href=\"https://tides.example/\">"),
                              "https://tides.example/2026/11/tide-tables");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->canonical_url, "https://tides.example/2026/11/tide-tables");
}

}  // namespace
}  // namespace newsdesk
