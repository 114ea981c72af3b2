#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "extract/extract.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::ReadFileOrDie;

std::string Fixture(const std::string& name) { return ReadFileOrDie(FixturePath("feeds/" + name)); }

Feed ParseOk(const std::string& name, std::string_view url = {}, std::string_view content_type = {},
             const FeedOptions& options = {}) {
  Result<Feed> feed = ParseFeed(Fixture(name), url, content_type, options);
  EXPECT_TRUE(feed.ok()) << name << ": " << feed.status().message();
  return feed.ok() ? std::move(feed).value() : Feed{};
}

std::string Iso(const std::optional<UnixSeconds>& t) { return t ? FormatIsoUtc(*t) : "null"; }

TEST(ParseFeed, ReadsRss20ChannelAndItems) {
  Feed feed = ParseOk("rss20-basic.xml");
  EXPECT_EQ(feed.version, "rss20");
  EXPECT_EQ(feed.title, "Harbour Gazette: Latest");
  EXPECT_EQ(feed.link, "https://www.harbourgazette.example/");
  EXPECT_EQ(feed.language, "en-gb");
  EXPECT_EQ(Iso(feed.updated), "2026-10-14T09:00:00Z");
  EXPECT_FALSE(feed.ill_formed) << feed.ill_formed_reason;
  ASSERT_EQ(feed.entries.size(), 2u);
  const FeedEntry& e = feed.entries[0];
  EXPECT_EQ(e.title, "Ferry timetable changes from Monday");
  EXPECT_EQ(e.link, "https://www.harbourgazette.example/news/ferry-timetable");
  EXPECT_EQ(e.id, "hg-2026-1041");
  EXPECT_EQ(Iso(e.published), "2026-10-14T07:30:00Z");
  EXPECT_EQ(e.author, "desk@harbourgazette.example (Mara Quinn)");
  EXPECT_EQ(e.tags, (std::vector<std::string>{"Transport", "Local"}));
  EXPECT_EQ(Iso(feed.entries[1].published), "2026-10-13T17:05:00Z");
}

TEST(ParseFeed, GivesDescriptionsAsPlainTextAndAsHtml) {
  Feed feed = ParseOk("rss20-basic.xml");
  ASSERT_FALSE(feed.entries.empty());
  EXPECT_EQ(feed.entries[0].summary, "The morning crossing moves to 06:45.");
  EXPECT_EQ(feed.entries[0].summary_html, "<p>The <b>morning</b> crossing moves to 06:45.</p>");
}

TEST(ParseFeed, KeepsContentEncodedApartFromTheDescription) {
  Feed feed = ParseOk("rss20-content-encoded.xml");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].summary, "Repairs start next spring.");
  EXPECT_EQ(feed.entries[0].content,
            "Repairs to the north sea wall start next spring. The council voted 9\u20132.");
  EXPECT_NE(feed.entries[0].content_html.find("<em>north</em>"), std::string::npos);
}

TEST(ParseFeed, UsesAPermalinkGuidAsTheLinkOnlyWhenThereIsNone) {
  Feed feed = ParseOk("rss20-guid-permalink.xml");
  ASSERT_EQ(feed.entries.size(), 2u);
  EXPECT_EQ(feed.entries[0].link, "https://kestrelbay.example/news/4410");
  EXPECT_EQ(feed.entries[1].link, "");
  EXPECT_EQ(feed.entries[1].id, "https://kestrelbay.example/news/4411");
}

TEST(ParseFeed, ResolvesRelativeLinksAgainstTheFeedUrl) {
  Feed feed = ParseOk("rss20-relative-links.xml", "https://meridian.example/feeds/rss.xml");
  EXPECT_EQ(feed.link, "https://meridian.example/");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].link, "https://meridian.example/news/bridge-reopens");
  ASSERT_EQ(feed.entries[0].enclosures.size(), 1u);
  EXPECT_EQ(feed.entries[0].enclosures[0].url, "https://meridian.example/feeds/media/bridge.jpg");
  EXPECT_EQ(feed.entries[0].enclosures[0].type, "image/jpeg");
  EXPECT_EQ(feed.entries[0].enclosures[0].length, 48213u);
}

TEST(ParseFeed, ReadsDatesWithNamedZonesAndOffsetsToUtc) {
  Feed feed = ParseOk("rss20-named-zones.xml");
  ASSERT_EQ(feed.entries.size(), 5u);
  for (const FeedEntry& e : feed.entries) {
    EXPECT_EQ(Iso(e.published), "2026-01-27T00:31:00Z") << e.title;
  }
}

TEST(ParseFeed, ReadsAtom10Entries) {
  Feed feed = ParseOk("atom10-basic.xml");
  EXPECT_EQ(feed.version, "atom10");
  EXPECT_EQ(feed.title, "Northgate Courier");
  EXPECT_EQ(feed.link, "https://northgate.example/");
  EXPECT_EQ(feed.id, "tag:northgate.example,2026:feed");
  EXPECT_EQ(feed.language, "en");
  ASSERT_EQ(feed.entries.size(), 1u);
  const FeedEntry& e = feed.entries[0];
  EXPECT_EQ(e.title, "Library extends opening hours");
  EXPECT_EQ(e.title_html, "Library <em>extends</em> opening hours");
  EXPECT_EQ(e.link, "https://northgate.example/library-hours");
  EXPECT_EQ(e.id, "tag:northgate.example,2026:entry-77");
  EXPECT_EQ(Iso(e.published), "2026-10-13T08:00:00Z");
  EXPECT_EQ(Iso(e.updated), "2026-10-14T07:30:00Z");
  EXPECT_EQ(e.author, "Ola Brandt");
  EXPECT_EQ(e.tags, std::vector<std::string>{"Culture"});
  EXPECT_EQ(e.summary, "Evenings until nine from November.");
  EXPECT_EQ(e.content, "The library will stay open until nine on weekday evenings.");
  ASSERT_EQ(e.enclosures.size(), 1u);
  EXPECT_EQ(e.enclosures[0].url, "https://northgate.example/library.mp3");
  EXPECT_EQ(e.enclosures[0].length, 1337u);
}

TEST(ParseFeed, ResolvesRelativeLinksAgainstXmlBase) {
  Feed feed = ParseOk("atom10-xml-base.xml", "https://elsewhere.example/feed.atom");
  EXPECT_EQ(feed.link, "https://lakeshore.example/news/index.html");
  ASSERT_EQ(feed.entries.size(), 2u);
  EXPECT_EQ(feed.entries[0].link, "https://lakeshore.example/news/2026/10/regatta.html");
  EXPECT_EQ(feed.entries[1].link, "https://lakeshore.example/archive/marina.html");
}

TEST(ParseFeed, ResolvesRelativeLinksInsideHtmlContent) {
  Feed feed = ParseOk("atom10-xml-base-content.xml");
  ASSERT_EQ(feed.entries.size(), 1u);
  const std::string& html = feed.entries[0].content_html;
  EXPECT_NE(html.find("href=\"https://lakeshore.example/news/2026/10/photos/\""), std::string::npos)
      << html;
  EXPECT_NE(html.find("src=\"https://lakeshore.example/img/boat.jpg\""), std::string::npos) << html;
  EXPECT_EQ(feed.entries[0].content, "See the gallery and .");
}

TEST(ParseFeed, ReadsInlineXhtmlWithoutItsWrapperDiv) {
  Feed feed = ParseOk("atom10-xhtml-content.xml");
  ASSERT_EQ(feed.entries.size(), 1u);
  const FeedEntry& e = feed.entries[0];
  EXPECT_EQ(e.title, "Drought eases in the west");
  EXPECT_EQ(e.title_html, "Drought <b>eases</b> in the west");
  EXPECT_EQ(e.content, "Rain fell on most districts. Dams are at 40 percent.");
  EXPECT_EQ(e.content_html.rfind("<p>", 0), 0u) << e.content_html;
}

TEST(ParseFeed, LeavesAnEntrysSourceFeedOutOfTheEntry) {
  Feed feed = ParseOk("atom10-entry-source.xml");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].title, "Tram line vote delayed");
  EXPECT_EQ(feed.entries[0].link, "");
  EXPECT_EQ(feed.entries[0].id, "tag:civicwire.example,2026:tram");
}

TEST(ParseFeed, ReadsAtom03EscapedAndBase64Content) {
  Feed feed = ParseOk("atom03-escaped.xml");
  EXPECT_EQ(feed.version, "atom03");
  EXPECT_EQ(Iso(feed.updated), "2026-10-12T22:00:00Z");
  ASSERT_EQ(feed.entries.size(), 1u);
  const FeedEntry& e = feed.entries[0];
  EXPECT_EQ(e.title, "Storm warning lifted");
  EXPECT_EQ(e.content, "The warning was lifted at noon.");
  EXPECT_EQ(Iso(e.published), "2026-10-12T10:00:00Z");
  EXPECT_EQ(Iso(e.updated), "2026-10-12T21:00:00Z");
}

TEST(ParseFeed, ReadsRss10WithDublinCore) {
  Feed feed = ParseOk("rdf-dc-date.xml");
  EXPECT_EQ(feed.version, "rss10");
  EXPECT_EQ(feed.title, "Maple and Pine Tribune");
  EXPECT_EQ(feed.language, "en-CA");
  EXPECT_EQ(Iso(feed.updated), "2026-10-14T16:00:00Z");
  ASSERT_EQ(feed.entries.size(), 1u);
  const FeedEntry& e = feed.entries[0];
  EXPECT_EQ(e.id, "https://mapleandpine.example/2026/10/14/arena");
  EXPECT_EQ(e.author, "Jules Tremblay");
  EXPECT_EQ(Iso(e.updated), "2026-10-14T13:15:00Z");
  EXPECT_EQ(e.tags, std::vector<std::string>{"Sport"});
  EXPECT_EQ(e.summary, "Games resume on Friday.");
}

TEST(ParseFeed, ReadsJsonFeed11) {
  Feed feed = ParseOk("jsonfeed11.json", "https://civicwire.example/feed.json");
  EXPECT_EQ(feed.version, "json11");
  EXPECT_EQ(feed.title, "Civic Wire");
  EXPECT_EQ(feed.link, "https://civicwire.example/");
  EXPECT_EQ(feed.id, "https://civicwire.example/feed.json");
  EXPECT_EQ(feed.language, "en");
  ASSERT_EQ(feed.entries.size(), 2u);
  const FeedEntry& e = feed.entries[0];
  EXPECT_EQ(e.id, "cw-5512");
  EXPECT_EQ(e.link, "https://civicwire.example/2026/10/budget");
  EXPECT_EQ(e.title, "Budget hearing set for Thursday");
  EXPECT_EQ(e.summary, "Residents may speak for three minutes each.");
  EXPECT_EQ(e.content, "The budget hearing starts at 7 p.m.");
  EXPECT_EQ(Iso(e.published), "2026-10-14T07:30:00Z");
  EXPECT_EQ(Iso(e.updated), "2026-10-14T07:00:00Z");
  EXPECT_EQ(e.author, "Civic Wire desk");
  EXPECT_EQ(e.tags, (std::vector<std::string>{"council", "budget"}));
  ASSERT_EQ(e.enclosures.size(), 1u);
  EXPECT_EQ(e.enclosures[0].type, "application/pdf");
  EXPECT_EQ(e.enclosures[0].length, 88231u);
  EXPECT_EQ(e.thumbnails, std::vector<std::string>{"https://civicwire.example/img/hall.jpg"});
  EXPECT_EQ(feed.entries[1].id, "5511");
  EXPECT_EQ(feed.entries[1].link, "https://civicwire.example/2026/10/parks");
  EXPECT_EQ(feed.entries[1].content, "Two parks get new lighting.");
}

TEST(ParseFeed, ReadsMediaRssGroups) {
  Feed feed = ParseOk("media-rss.xml");
  ASSERT_EQ(feed.entries.size(), 1u);
  const FeedEntry& e = feed.entries[0];
  ASSERT_EQ(e.enclosures.size(), 2u);
  EXPECT_EQ(e.enclosures[0].url, "https://cdn.harbourgazette.example/tall-ships-720.mp4");
  EXPECT_EQ(e.enclosures[0].medium, "video");
  EXPECT_EQ(e.enclosures[0].length, 5242880u);
  EXPECT_EQ(e.thumbnails,
            std::vector<std::string>{"https://cdn.harbourgazette.example/tall-ships.jpg"});
  EXPECT_EQ(e.summary, "Six ships sail into the inner harbour.");
}

TEST(ParseFeed, DecodesTheEncodingTheXmlDeclarationNames) {
  Feed feed = ParseOk("windows-1252-declared.xml");
  EXPECT_EQ(feed.title, "Caf\u00e9 \u201cNorth\u201d \u2013 Menu \u20ac5");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].title, "Na\u00efve r\u00e9sum\u00e9 \u2022 caf\u00e9s \u00bd price");
  EXPECT_FALSE(feed.ill_formed) << feed.ill_formed_reason;
}

TEST(ParseFeed, LetsTheHttpCharsetOverrideTheXmlDeclaration) {
  Feed feed = ParseOk("gb18030-http-charset-conflict.xml", "https://port.example/rss",
                      "application/rss+xml; charset=gb2312");
  EXPECT_EQ(feed.title, "\u6e2f\u53e3\u65b0\u95fb");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].title, "\u6e21\u8f6e\u65f6\u523b\u8868\u5468\u4e00\u8d77\u8c03\u6574");
}

TEST(ParseFeed, DetectsTheCharsetWhenTheDeclaredOneIsWrong) {
  Feed feed = ParseOk("shift-jis-declared-utf8.xml");
  EXPECT_EQ(feed.title, "\u6e2f\u753a\u30cb\u30e5\u30fc\u30b9");
  EXPECT_TRUE(feed.ill_formed);
  EXPECT_NE(feed.ill_formed_reason.find("declared as utf-8"), std::string::npos)
      << feed.ill_formed_reason;
}

TEST(ParseFeed, ReadsUtf16WithAByteOrderMark) {
  Feed feed = ParseOk("utf16le-bom.xml");
  EXPECT_EQ(feed.title, "\u00c5lesund Tidende \u2014 nyheter");
}

TEST(ParseFeed, ReplacesHtmlNamedEntitiesInXml) {
  Feed feed = ParseOk("html-entities-in-xml.xml");
  EXPECT_EQ(feed.title, "Caf\u00e9 society \u2014 weekly");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].title, "Cr\u00e8me br\u00fbl\u00e9e wins the fair\u2026");
  EXPECT_EQ(feed.entries[0].summary, "Judges gave it 9\u00bd points.");
  EXPECT_TRUE(feed.ill_formed);
}

TEST(ParseFeed, EscapesBareAmpersands) {
  Feed feed = ParseOk("bare-ampersand.xml");
  EXPECT_EQ(feed.title, "Fish & Chips Weekly");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].title, "Salt & vinegar prices rise");
  EXPECT_EQ(feed.entries[0].link, "https://fishandchips.example/story?id=12&section=prices");
  EXPECT_TRUE(feed.ill_formed);
}

TEST(ParseFeed, RecoversWhatCameBeforeATruncation) {
  Feed feed = ParseOk("truncated.xml");
  EXPECT_EQ(feed.title, "Meridian Post");
  ASSERT_GE(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].title, "Complete item survives");
  EXPECT_EQ(feed.entries[0].link, "https://meridian.example/complete");
  EXPECT_TRUE(feed.ill_formed);
  EXPECT_NE(feed.ill_formed_reason.find("truncated"), std::string::npos) << feed.ill_formed_reason;
}

TEST(ParseFeed, RecoversFromUnclosedTags) {
  Feed feed = ParseOk("unclosed-tags.xml");
  ASSERT_EQ(feed.entries.size(), 2u);
  EXPECT_EQ(feed.entries[0].title, "Unclosed bold in the title");
  EXPECT_EQ(feed.entries[0].link, "https://kestrelbay.example/unclosed");
  EXPECT_EQ(feed.entries[1].title, "Next item is still read");
  EXPECT_TRUE(feed.ill_formed);
}

TEST(ParseFeed, DropsIllegalControlCharacters) {
  Feed feed = ParseOk("control-characters.xml");
  EXPECT_EQ(feed.title, "Control characters are dropped");
  EXPECT_TRUE(feed.ill_formed);
}

TEST(ParseFeed, ReadsAFeedWithWhiteSpaceBeforeTheProlog) {
  Feed feed = ParseOk("whitespace-before-prolog.xml");
  EXPECT_EQ(feed.title, "White space before the prolog");
}

TEST(ParseFeed, SubstitutesLiteralDoctypeEntities) {
  Feed feed = ParseOk("doctype-entity.xml");
  EXPECT_EQ(feed.title, "Tidewater Ledger headlines");
}

TEST(ParseFeed, NeverExpandsNestedDoctypeEntities) {
  auto start = std::chrono::steady_clock::now();
  Feed feed = ParseOk("billion-laughs.xml");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_LT(feed.entries[0].title.size(), 64u) << feed.entries[0].title.substr(0, 64);
  EXPECT_TRUE(feed.ill_formed);
}

TEST(ParseFeed, RefusesADocumentThatIsNotAFeed) {
  Result<Feed> feed = ParseFeed(Fixture("not-a-feed.html"), "https://example.org/");
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.status().code(), Status::Code::kInvalidInput);
}

TEST(ParseFeed, RefusesInputOverTheByteLimit) {
  std::string big = "<rss version=\"2.0\"><channel><title>";
  big.append(20u << 20, 'x');
  big += "</title></channel></rss>";
  Result<Feed> feed = ParseFeed(big, {});
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(feed.status().message().find("max_input_bytes"), std::string::npos);
}

TEST(ParseFeed, StopsReadingEntriesAtMaxEntries) {
  FeedOptions options;
  options.max_entries = 1;
  Feed feed = ParseOk("rss20-basic.xml", {}, {}, options);
  EXPECT_EQ(feed.entries.size(), 1u);
  EXPECT_TRUE(feed.ill_formed);
  EXPECT_NE(feed.ill_formed_reason.find("max_entries"), std::string::npos);
}

TEST(ParseFeed, SurvivesDeeplyNestedElements) {
  constexpr int kDepth = 100000;
  std::string deep = "<rss version=\"2.0\"><channel><title>Deep</title><item><title>t</title>";
  for (int i = 0; i < kDepth; ++i) deep += "<div>";
  deep += "bottom";
  for (int i = 0; i < kDepth; ++i) deep += "</div>";
  deep += "</item></channel></rss>";
  auto start = std::chrono::steady_clock::now();
  Result<Feed> feed = ParseFeed(deep, {});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->title, "Deep");
  ASSERT_EQ(feed->entries.size(), 1u);
  EXPECT_TRUE(feed->ill_formed);
  EXPECT_NE(feed->ill_formed_reason.find("max_depth"), std::string::npos)
      << feed->ill_formed_reason;
}

TEST(ParseFeed, SurvivesDeeplyNestedUnclosedElements) {
  std::string deep = "<rss><channel><item><description>";
  for (int i = 0; i < 100000; ++i) deep += "<p><b>";
  for (int i = 0; i < 100000; ++i) deep += "</i>";  // end tags that match nothing
  Result<Feed> feed = ParseFeed(deep, {});
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_TRUE(feed->ill_formed);
}

TEST(ParseFeed, RefusesJsonNestedDeeperThanMaxDepth) {
  std::string json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [";
  for (int i = 0; i < 1000; ++i) json += "[";
  for (int i = 0; i < 1000; ++i) json += "]";
  json += "]}";
  Result<Feed> feed = ParseFeed(json, {});
  ASSERT_FALSE(feed.ok());
  EXPECT_NE(feed.status().message().find("max_depth"), std::string::npos);
}

TEST(ParseFeed, RefusesBinaryJunk) {
  std::string junk;
  uint32_t x = 2463534242u;
  for (int i = 0; i < 1 << 16; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    junk += static_cast<char>(x & 0xFF);
  }
  Result<Feed> feed = ParseFeed(junk, {});
  if (feed.ok()) {
    EXPECT_TRUE(feed->ill_formed);
  } else {
    EXPECT_EQ(feed.status().code(), Status::Code::kInvalidInput);
  }
}

TEST(HtmlToText, StripsMarkupDecodesEntitiesAndCollapsesWhiteSpace) {
  EXPECT_EQ(HtmlToText("<p>Caf&eacute; &amp; <b>bar</b></p>\n\n<p>next&nbsp;line</p>"),
            "Caf\u00e9 & bar next line");
  EXPECT_EQ(HtmlToText("plain 1 < 2"), "plain 1 < 2");
}

TEST(HtmlToText, LeavesOutScriptsAndStyles) {
  EXPECT_EQ(HtmlToText("<style>p{}</style><p>kept</p><script>alert(1)</script>"), "kept");
}

TEST(ToUtf8, ConvertsLegacyCharsets) {
  EXPECT_EQ(ToUtf8("\x93quoted\x94 \x80", "windows-1252").value(), "\u201cquoted\u201d \u20ac");
  EXPECT_EQ(ToUtf8("\xce\xcf\xd7\xcf\xd3\xd4\xc9", "koi8-r").value(),
            "\u043d\u043e\u0432\u043e\u0441\u0442\u0438");
  EXPECT_EQ(ToUtf8("\x83\x6a\x83\x85\x81\x5b\x83\x58", "shift_jis").value(),
            "\u30cb\u30e5\u30fc\u30b9");
  EXPECT_EQ(ToUtf8("\xd0\xc2\xce\xc5", "gb2312").value(), "\u65b0\u95fb");
}

TEST(ToUtf8, ReplacesMalformedSequences) {
  EXPECT_EQ(ToUtf8("ok \xff done", "utf-8").value(), "ok \ufffd done");
}

TEST(ToUtf8, RefusesAnUnknownCharset) {
  Result<std::string> text = ToUtf8("abc", "x-no-such-charset");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), Status::Code::kUnsupported);
}

TEST(SniffDocument, RecognisesFeedsSitemapsOpmlAndHtml) {
  EXPECT_EQ(SniffDocument(Fixture("rss20-basic.xml")), DocumentKind::kFeed);
  EXPECT_EQ(SniffDocument(Fixture("atom10-basic.xml")), DocumentKind::kFeed);
  EXPECT_EQ(SniffDocument(Fixture("rdf-dc-date.xml")), DocumentKind::kFeed);
  EXPECT_EQ(SniffDocument(Fixture("utf16le-bom.xml")), DocumentKind::kFeed);
  EXPECT_EQ(SniffDocument(Fixture("jsonfeed11.json")), DocumentKind::kFeed);
  EXPECT_EQ(SniffDocument(ReadFileOrDie(FixturePath("sitemaps/urlset.xml"))),
            DocumentKind::kSitemap);
  EXPECT_EQ(SniffDocument(ReadFileOrDie(FixturePath("sitemaps/plain.txt"))),
            DocumentKind::kSitemap);
  EXPECT_EQ(SniffDocument(ReadFileOrDie(FixturePath("opml/nested.opml"))), DocumentKind::kOpml);
  EXPECT_EQ(SniffDocument(Fixture("not-a-feed.html")), DocumentKind::kHtml);
}

TEST(SniffDocument, TrustsAFeedContentType) {
  EXPECT_EQ(SniffDocument("<?xml version=\"1.0\"?>", "application/atom+xml; charset=utf-8"),
            DocumentKind::kFeed);
  EXPECT_EQ(SniffDocument("no idea", "text/html"), DocumentKind::kHtml);
  EXPECT_EQ(SniffDocument("\x89PNG\r\n", "image/png"), DocumentKind::kUnknown);
}

}  // namespace
}  // namespace newsdesk
