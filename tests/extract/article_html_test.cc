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
    // Optional fields: checked where the manifest states them.
    if (expected.contains("byline")) {
      EXPECT_EQ(a->byline, expected.at("byline").get<std::string>());
    }
    if (expected.contains("modified")) {
      ASSERT_TRUE(a->modified.has_value());
      EXPECT_EQ(FormatIsoUtc(*a->modified), expected.at("modified").get<std::string>());
    }
    if (expected.contains("image")) {
      EXPECT_EQ(a->image, expected.at("image").get<std::string>());
    }
    if (expected.contains("section")) {
      EXPECT_EQ(a->section, expected.at("section").get<std::string>());
    }
    if (expected.contains("language")) {
      EXPECT_EQ(a->language, expected.at("language").get<std::string>());
    }
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

namespace newsdesk {
namespace {

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

TEST(ExtractHtmlArticle, PicksTheStoryThePageIsAboutAmongSeveral) {
  auto a = ExtractFixture("extract/several-articles.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Glassworks on Mill Lane to close after 140 years");
  EXPECT_NE(a->text.find("oldest employer in Fernbridge"), std::string::npos);
  EXPECT_NE(a->text.find("original brick kiln"), std::string::npos);
  EXPECT_EQ(a->text.find("winter timetable"), std::string::npos);  // the next story
}

TEST(ExtractHtmlArticle, ReadsChineseTextWrittenWithoutSpaces) {
  auto a = ExtractFixture("extract/chinese-article.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "青石镇新建图书馆正式开放");
  EXPECT_EQ(a->language, "zh-CN");
  EXPECT_EQ(Paragraphs(a->text).size(), 3u) << a->text;
  EXPECT_NE(a->text.find("馆内藏书约八万册"), std::string::npos);
  EXPECT_EQ(a->text.find("首页"), std::string::npos);          // navigation
  EXPECT_EQ(a->text.find("农产品展销会"), std::string::npos);  // related stories
}

TEST(ExtractHtmlArticle, ReadsCyrillicText) {
  auto a = ExtractFixture("extract/cyrillic-article.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "В Заречье открыли новый мост через реку Быстрянку");
  EXPECT_EQ(Paragraphs(a->text).size(), 3u) << a->text;
  EXPECT_NE(a->text.find("рассчитан на грузовики и автобусы"), std::string::npos);
  EXPECT_EQ(a->text.find("Поделиться"), std::string::npos);
}

TEST(ExtractHtmlArticle, ReadsArabicText) {
  auto a = ExtractFixture("extract/arabic-article.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "افتتاح سوق جديد للحرفيين في مدينة الواحة");
  EXPECT_EQ(a->language, "ar");
  EXPECT_EQ(Paragraphs(a->text).size(), 3u) << a->text;
  EXPECT_EQ(a->text.find("الأكثر قراءة"), std::string::npos);  // most read
}

TEST(ExtractHtmlArticle, DetectsAnUndeclaredCyrillicCharset) {
  auto a = ExtractFixture("extract/undeclared-windows-1251.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->charset, "windows-1251");
  EXPECT_EQ(a->title, "Морозы задержали начало навигации на озере Светлом");
  EXPECT_NE(a->text.find("лёд на озере Светлом сошёл"), std::string::npos);
}

TEST(ExtractHtmlArticle, ReadsUtf16ByItsByteOrderMark) {
  auto a = ExtractFixture("extract/utf16le-bom.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->charset, "utf-16le");
  EXPECT_EQ(a->title, "Night market returns to Quayside Square");
  EXPECT_NE(a->text.find("forty stalls selling food"), std::string::npos);
}

TEST(ExtractHtmlArticle, TheTransportCharsetWinsOverTheBytes) {
  std::string page =
      "<html><head><meta charset=\"utf-8\"><title>Caf\xe9 reopens</title></head>"
      "<body><article><p>The caf\xe9 on the quay reopened on Monday after a month of "
      "repairs to its kitchen and terrace.</p></article></body></html>";
  ExtractOptions options;
  options.charset = "iso-8859-1";
  auto a = ExtractHtmlArticle(page, "https://quay.example/cafe", {}, options);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Café reopens");
  EXPECT_EQ(a->charset, "windows-1252");
}

TEST(ExtractHtmlArticle, DatesAPageByItsUrlWhenNothingElseDoes) {
  auto a = ExtractFixture("extract/url-date-only.html",
                          "https://brookfield.example/2026/10/14/pool-reopens");
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(FormatIsoUtc(*a->published), "2026-10-14T00:00:00Z");
  EXPECT_FALSE(a->published_utc_offset_minutes.has_value());
}

TEST(ExtractHtmlArticle, DatesAPageByItsDateline) {
  auto a = ExtractFixture("extract/dateline-only.html", "https://harbourton.example/sea-wall");
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(FormatIsoUtc(*a->published), "2026-10-21T00:00:00Z");
  // The dateline stays part of the text.
  EXPECT_EQ(a->text.rfind("HARBOURTON, Oct. 21, 2026", 0), 0u);
}

TEST(ExtractHtmlArticle, KeepsThePagesUtcOffset) {
  auto a = ExtractFixture("extract/published-with-offset.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(FormatIsoUtc(*a->published), "2026-10-14T07:30:00Z");
  EXPECT_EQ(a->published_utc_offset_minutes, 120);
  ASSERT_TRUE(a->modified.has_value());
  EXPECT_EQ(FormatIsoUtc(*a->modified), "2026-10-14T22:05:00Z");
  EXPECT_EQ(a->modified_utc_offset_minutes, -240);
}

TEST(ExtractHtmlArticle, TakesTheFirstArticleImageWhenThePageNamesNone) {
  auto a = ExtractFixture("extract/lead-image.html", "https://moorside.example/news/orchid");
  ASSERT_TRUE(a.ok()) << a.status().message();
  // The lazy-loaded source, not the placeholder or the site's logo.
  EXPECT_EQ(a->image, "https://moorside.example/images/2026/orchid-kestle.jpg");
  EXPECT_EQ(a->text.find("A frog orchid on the down."), std::string::npos);  // the caption
}

TEST(ExtractHtmlArticle, ReadsSectionAndKeywordsFromEveryPlaceThePageGivesThem) {
  auto a = ExtractFixture("extract/section-keywords.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->section, "Business");  // article:section before JSON-LD articleSection
  EXPECT_EQ(a->keywords, (std::vector<std::string>{"bakeries", "wages", "Crumbwell", "retail jobs",
                                                   "employment law", "Travel time"}));
}

TEST(ExtractHtmlArticle, ReadsAuthorsFromJsonLd) {
  auto a = ExtractFixture("extract/authors-json-ld.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->authors, (std::vector<std::string>{"Priya Hallworth", "Tomas Greaves"}));
  EXPECT_EQ(a->byline, "Priya Hallworth, Tomas Greaves");
  EXPECT_EQ(a->outlet, "Dales Reporter");
}

TEST(ExtractHtmlArticle, ReadsAuthorsFromABylineWithoutTheirJobsOrTheDate) {
  auto a = ExtractFixture("extract/byline-element.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->authors, (std::vector<std::string>{"Morwenna Tregear", "Alun Pryce"}));
  EXPECT_EQ(a->text.find("Staff Reporters"), std::string::npos);
}

// A story page whose blocks around the headline are given: `above` before
// it, `below` after it, then two paragraphs of text.
std::string FerryPage(const std::string& above, const std::string& below) {
  return "<!doctype html><html><head><title>Ferry timetable cut for winter</title></head><body>"
         "<div class=\"story\">" +
         above + "<h1>Ferry timetable cut for winter</h1>" + below +
         "<p>Islanders said the cut would leave commuters stranded on the mainland after the "
         "last evening crossing at half past six.</p>"
         "<p>The operator said the full timetable would return in April.</p></div></body></html>";
}

TEST(ExtractHtmlArticle, LeavesOutAnUnmarkedBylineAndTheSectionAboveTheText) {
  // No class says byline or section: the page's own words do. The author's
  // name opens with a capital beyond ASCII.
  auto a = ExtractHtmlArticle(
      FerryPage("<p class=\"kicker\"><a href=\"/topics/transport/\">Transport</a></p>",
                "<p class=\"meta\">By Élodie Achterberg-Vance, Transport and Islands Reporter "
                "&middot; 3 November 2026 &middot; 2 min read</p>"
                "<p>The island's ferry will sail four times a day instead of six, the operator "
                "said, citing a shortage of crew over the winter months.</p>"),
      "https://ferries.example/news/winter-timetable");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text.rfind("The island's ferry", 0), 0u) << a->text;
  EXPECT_EQ(a->text.find("Islands Reporter"), std::string::npos) << a->text;
  EXPECT_EQ(Paragraphs(a->text).size(), 3u) << a->text;
  // The byline left the text, and its author is still read from it.
  EXPECT_EQ(a->authors, (std::vector<std::string>{"Élodie Achterberg-Vance"}));
}

TEST(ExtractHtmlArticle, KeepsAnOpeningSentenceThatStartsWithBy) {
  auto a = ExtractHtmlArticle(
      FerryPage("",
                "<p>By Friday, three things had changed on the island:</p>"
                "<p>By Christmas the ferry will sail four times a day instead of six, the "
                "operator said, citing a shortage of crew over the winter months</p>"),
      "https://ferries.example/news/winter-timetable-2");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text.rfind("By Friday, three things had changed on the island:", 0), 0u) << a->text;
  EXPECT_NE(a->text.find("By Christmas the ferry"), std::string::npos) << a->text;
}

TEST(ExtractHtmlArticle, RecoversTextFromBrokenMarkup) {
  auto a = ExtractFixture("extract/broken-markup.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Lighthouse keeper's cottage sold at auction");
  std::vector<std::string> p = Paragraphs(a->text);
  ASSERT_EQ(p.size(), 3u) << a->text;
  EXPECT_EQ(p[0].rfind("The old lighthouse keeper's cottage", 0), 0u);
  EXPECT_EQ(p[2],
            "The buyers said they planned to restore it as a family home and open the garden "
            "to visitors on summer weekends.");
}

TEST(ExtractHtmlArticle, LeavesOutFurnitureAroundAndInsideTheText) {
  auto a = ExtractFixture("extract/furniture-around-text.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "More than 400 people are now waiting for an allotment in Eastvale, the council "
            "said, and some have been on the list for over six years.\n\nThe council plans to "
            "split the largest plots in two and to open a new site on land behind the cemetery "
            "next spring.\n\nAllotment holders said they would rather see unused plots taken "
            "back from tenants who no longer tend them.");
}

TEST(ExtractHtmlArticle, SaysNoArticleTextBehindAPaywall) {
  auto a = ExtractFixture("extract/paywalled.html");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(a.status().message(), "no article text");
}

TEST(ExtractHtmlArticle, FallsBackToJsonLdArticleBody) {
  auto a = ExtractFixture("extract/json-ld-body-only.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text.rfind("The crew of the evening ferry to Holm Island", 0), 0u);
  EXPECT_EQ(a->published_utc_offset_minutes, 60);
}

TEST(ExtractHtmlArticle, PrefersJsonLdArticleBodyWhenThePageShowsFarLess) {
  std::string body =
      "The county's first tidal power station started feeding the grid on Friday, two years "
      "after work began on the barrage across the Crane estuary.\\n"
      "Its eight turbines can power about 12,000 homes when the tide runs at full strength, "
      "the operator said, and the barrage carries a new footpath and cycle lane.\\n"
      "<p>Fishermen who opposed the scheme said they would watch the salmon counts closely "
      "over the next two seasons, and the operator agreed to publish them every month.</p>"
      "<p>The station cost &pound;140 million, a fifth more than planned.</p>";
  std::string page =
      "<html><head><title>Tidal power station starts up</title>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \"" +
      body +
      "\"}</script></head><body><article><p>The county's first tidal power station started "
      "feeding the grid on Friday.</p></article></body></html>";
  auto a = ExtractHtmlArticle(page, "https://crane.example/tidal");
  ASSERT_TRUE(a.ok()) << a.status().message();
  std::vector<std::string> p = Paragraphs(a->text);
  ASSERT_EQ(p.size(), 4u) << a->text;
  EXPECT_EQ(p[3], "The station cost £140 million, a fifth more than planned.");
}

TEST(ExtractHtmlArticle, KeepsAnEmbeddedPostQuotedInTheStory) {
  auto a = ExtractFixture("extract/embedded-post.html");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NE(a->text.find("Delighted to be joining this great club."), std::string::npos);
  EXPECT_NE(a->text.find("Danny Ofori (@dofori) November 5, 2026"), std::string::npos);
  EXPECT_NE(a->text.find("Harlow Town on Saturday"), std::string::npos);
}

TEST(ExtractHtmlArticle, StopsReadingAtTheElementLimitWithAClearStatus) {
  std::string page = "<html><head><title>Long page</title></head><body>";
  for (int i = 0; i < 5000; ++i) page += "<div><span>cell</span></div>";
  page +=
      "<article><p>The sentence at the very end of the page is past the element limit.</p>"
      "</article></body></html>";
  ExtractOptions options;
  options.max_elements = 1000;
  auto a = ExtractHtmlArticle(page, "https://long.example/x", {}, options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(a.status().message().find("max_elements"), std::string::npos);
}

TEST(ExtractHtmlArticle, SurvivesBinaryBytesInsideAPage) {
  std::string page = "<html><head><title>Binary inside</title></head><body><article><p>";
  for (int i = 1; i < 256; ++i) page += static_cast<char>(i == '<' ? ' ' : i);
  page +=
      "</p><p>A readable sentence follows the noise, long enough to be a paragraph.</p>"
      "</article></body></html>";
  auto a = ExtractHtmlArticle(page, "https://noise.example/x");
  if (a.ok()) {
    EXPECT_NE(a->text.find("A readable sentence follows the noise"), std::string::npos);
  } else {
    EXPECT_FALSE(a.status().message().empty());
  }
}

}  // namespace
}  // namespace newsdesk
